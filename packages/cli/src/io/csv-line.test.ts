import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvLine } from './csv-line.js';

describe('csvLine', () => {
  it('writes every record exactly as csv-stringify does', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' ', ',', '"', '\n', '\r\n', 'a"b', ' x ', '=1+2', '#'));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
        expect(csvLine(cells)).toBe(stringify([cells], { record_delimiter: '\n' }));
      }),
      { numRuns: 2000 },
    );
  });
});
