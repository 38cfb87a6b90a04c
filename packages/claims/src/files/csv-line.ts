/**
 * One CSV record, written as csv-stringify writes it with `escape_formulas` (a test holds the two
 * equal), except that a number stays a number: a cell is quoted when it holds a comma, a quote,
 * a CR or an LF, quotes doubled inside; records end with "\n".
 *
 * Safe to open in Excel or WPS: a text cell beginning with `=`, `+`, `-`, `@` (or their full-width
 * forms ＝＋－＠), a tab or a carriage return would be read by a spreadsheet as a formula (CSV injection), so it is written with a
 * leading apostrophe, as csv-stringify's `escape_formulas` does (`=HYPERLINK(…)` →
 * `'=HYPERLINK(…)`). A cell that is a plain number (`-20.00`, `+86`) is left as it is: it
 * is no formula, and a reader must see the number. Done by hand: it runs for every settlement,
 * and csv-stringify's per-call setup costs more than the settlement.
 */
const NEEDS_QUOTES = /[",\r\n]/;
// The full-width ＝＋－＠ a Chinese input method types are formulas to WPS too (csv-stringify lists them as well).
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The cell as a spreadsheet may show it: a leading apostrophe before text that would be a formula. */
export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

export function csvCellText(cell: string): string {
  const safe = spreadsheetSafe(cell);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record; built by join, so the line is one flat string, not a rope of its pieces (lines are kept by the thousand). */
export function csvLine(cells: readonly string[]): string {
  const parts = cells.map(csvCellText);
  parts[parts.length - 1] += '\n';
  return parts.join(',');
}
