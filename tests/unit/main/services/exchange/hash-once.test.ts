import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOnce } from '../../../../../src/main/services/exchange/import-annotations';
import { sha256Hex } from '../../../../../src/main/services/store/file-formats';

describe('hashOnce (each text of an import hashed once)', () => {
  it('gives sha256Hex of every text, whatever was hashed before, long texts of one length included', () => {
    // Texts over 16,383 characters of the same length: V8 gives such strings the same hash code in a Map.
    const long = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '😀'), minLength: 1, maxLength: 8 }).map((s) => s.padEnd(20_000, 'x').slice(0, 20_000));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), long), { maxLength: 20 }), (texts) => {
        const hash = hashOnce();
        for (const t of [...texts, ...texts]) expect(hash(t)).toBe(sha256Hex(t));
      }),
      { numRuns: 100 },
    );
  });
});
