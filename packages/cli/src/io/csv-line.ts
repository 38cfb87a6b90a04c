/**
 * One CSV record, written as csv-stringify writes it with its defaults (which the outputs have
 * always used; a test holds the two equal): a cell is quoted when it holds a comma, a quote, a
 * CR or an LF, quotes doubled inside; records end with "\n". Done by hand: it runs for every
 * settlement, and csv-stringify's per-call setup costs more than the settlement.
 */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCellText(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One record; built by join, so the line is one flat string, not a rope of its pieces (lines are kept by the thousand). */
export function csvLine(cells: readonly string[]): string {
  const parts = cells.map(csvCellText);
  parts[parts.length - 1] += '\n';
  return parts.join(',');
}
