import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batches } from '../../../../src/renderer/state/import-batches';

describe('import batches', () => {
  it('40 small files go as 4 batches of 10', () => {
    const files = Array.from({ length: 40 }, () => ({ size: 1000 }));
    expect(batches(files).map((b) => b.length)).toEqual([10, 10, 10, 10]);
  });

  it('keep every file once, in order, within the count and byte budget (a big file alone)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (sizes, maxFiles) => {
        const files = sizes.map((size, i) => ({ size, i }));
        const out = batches(files, maxFiles, 8000);
        expect(out.flat()).toEqual(files);
        for (const b of out) {
          expect(b.length).toBeGreaterThan(0);
          expect(b.length).toBeLessThanOrEqual(maxFiles);
          if (b.length > 1) expect(b.reduce((n, f) => n + f.size, 0)).toBeLessThanOrEqual(8000);
        }
      }),
    );
  });
});
