/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC): exact, comparable,
 * subtractable. `YYYY-MM-DD` only; 2018-02-30 is not a date.
 */

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(text: string): number | undefined {
  const m = DATE_TEXT.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d);
  const ms = back.getTime();
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(ms / 86_400_000);
}

export function formatDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}
