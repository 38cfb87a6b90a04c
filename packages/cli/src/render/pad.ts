import { displayWidth } from '@policy/dsl';

/** Columns a string takes on a terminal (Chinese characters take two). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += displayWidth(ch);
  return w;
}

/** padEnd by display width: the same as String.padEnd for English, aligned for Chinese labels. */
export function padEndWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** padStart by display width. */
export function padStartWidth(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(text))) + text;
}
