import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentKey } from '../../../../src/core/agreement/documents';
import type { Fragment } from '../../../../src/core/model/annotation';

/** Offsets around the bound where one-fragment keys stop being numbers (2^15), and far beyond it. */
const offset = fc.oneof(fc.nat(40), fc.integer({ min: 32_760, max: 32_780 }), fc.nat(2 ** 31));
const fragment = fc.record({ start: offset, end: offset });
const fragments = fc.array(fragment, { minLength: 1, maxLength: 3 });

const same = (x: readonly Fragment[], y: readonly Fragment[]) => x.length === y.length && x.every((f, i) => f.start === y[i]!.start && f.end === y[i]!.end);

describe('fragmentKey', () => {
  it('gives equal keys exactly to equal fragment lists, numeric or not', () => {
    fc.assert(
      fc.property(fragments, fragments, (x, y) => {
        expect(fragmentKey(x) === fragmentKey(y)).toBe(same(x, y));
        expect(fragmentKey(x)).toBe(fragmentKey(x.map((f) => ({ ...f }))));
      }),
      { numRuns: 2000 },
    );
  });

  it('keys one fragment inside the bound by a small integer, anything else by a string', () => {
    expect(fragmentKey([{ start: 3, end: 9 }])).toBe(3 * 32_768 + 9);
    expect(fragmentKey([{ start: 3, end: 32_768 }])).toBe('3-32768;');
    expect(
      fragmentKey([
        { start: 3, end: 5 },
        { start: 7, end: 9 },
      ]),
    ).toBe('3-5;7-9;');
  });
});
