import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../../../../src/core/formats/csv/rows';

/** Cells made of the characters that decide quoting, mixed with ordinary ones. */
const cell = fc
  .array(fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', '\uFEFF', "'", '=', 'é', '😀', ';', '\t'), { maxLength: 8 })
  .map((cs) => cs.join(''));

describe('csvRows', () => {
  it('writes exactly what papaparse wrote before (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.tuple(
              fc.array(cell, { minLength: width, maxLength: width }),
              fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }),
            ),
          ),
        ([fields, rows]) => {
          expect(csvRows(fields, rows)).toBe(Papa.unparse({ fields, data: rows }, { newline: '\r\n', quotes: false }));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('quotes what needs it and nothing else', () => {
    expect(
      csvRows(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          [' lead', 'plain'],
          ['line\nbreak', ''],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n" lead",plain\r\n"line\nbreak",');
    expect(csvRows(['a', 'b'], [])).toBe('a,b\r\n');
  });
});
