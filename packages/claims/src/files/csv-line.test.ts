import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLine, spreadsheetSafe } from './csv-line.js';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

describe('csvLine', () => {
  const cell = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('', ' ', ',', '"', '\n', '\r\n', 'a"b', ' x ', '=1+2', '#', '-20.00', '+86', '-', '@SUM(A1)', '\tx', '\rx', '=a,b', '1e5', '-.5', '＝1+1', '－5', '＋x', '＠y'),
  );

  it('writes every record as csv-stringify does with escape_formulas, numbers left as numbers', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
        // A lone CR: we quote the cell (a reader splitting on CR must not cut it), csv-stringify does not.
        if (cells.some((c) => /\r(?!\n)/.test(c))) return;
        // csv-stringify escapes every string; ours leaves a number alone, so numbers go in as numbers there.
        const asLibrary = cells.map((c) => (NUMBER.test(c) ? { number: c } : c));
        const expected = stringify([asLibrary.map((c) => (typeof c === 'string' ? c : '\u0000'))], { record_delimiter: '\n', escape_formulas: true });
        let i = 0;
        const numbers = asLibrary.filter((c) => typeof c !== 'string').map((c) => (c as { number: string }).number);
        expect(csvLine(cells)).toBe(expected.replace(/\u0000/g, () => numbers[i++] as string));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back, apostrophe aside, as the cells written', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
        const [row] = parse(csvLine(cells), { relax_column_count: true }) as string[][];
        expect(row).toEqual(cells.map(spreadsheetSafe));
      }),
      { numRuns: 1000 },
    );
  });

  it('puts an apostrophe before formulas and only before them', () => {
    // The four characters of OWASP's list, tab and CR; numbers stay numbers.
    expect(csvLine(['=HYPERLINK("http://x","y")', '+SUM(1)', '-2+3', '@cmd', '\tx', 'ok', '-20.00', '+86', '1e5', '＝1+1', '\rx'])).toBe(
      `"'=HYPERLINK(""http://x"",""y"")",'+SUM(1),'-2+3,'@cmd,'\tx,ok,-20.00,+86,1e5,'＝1+1,"'\rx"\n`,
    );
  });
});
