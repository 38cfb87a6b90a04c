import { textWidth } from '@policy/dsl';

export { textWidth };

/** padEnd by display width: the same as String.padEnd for English, aligned for Chinese labels. */
export function padEndWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** padStart by display width. */
export function padStartWidth(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(text))) + text;
}
