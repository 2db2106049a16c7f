import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAnnotationFile, decodeIntoUnits } from '../../../../../src/main/services/exchange/decode';

/**
 * An import holds its files as bytes and decodes each as it is parsed (decode.ts): the text a
 * unit gives is, at every read, the text decodeAnnotationFile gives, and the files it refuses
 * are refused with the same problem, before any is parsed.
 */

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = '\uFEFF';

describe('the files of an import, decoded as they are read', () => {
  it('give the text decodeAnnotationFile gives, byte order mark dropped but for a .txt, at every read', () => {
    const content = fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\n', '"', BOM), maxLength: 40 });
    fc.assert(
      fc.property(content, fc.boolean(), (text, bom) => {
        const full = `${bom ? BOM : ''}T1\tclaim 0 1\t${text}`;
        const files = [
          { path: 'doc.ann', bytes: utf8(full) },
          { path: 'doc.txt', bytes: utf8(`${bom ? BOM : ''}x${text}`) },
        ];
        const [unit] = decodeIntoUnits(files).units;
        if (unit?.kind !== 'brat' || !unit.txt) throw new Error('expected a brat unit');
        for (const [file, got] of [
          [files[0]!, unit.ann],
          [files[1]!, unit.txt],
        ] as const) {
          const eager = decodeAnnotationFile(file.path, file.bytes);
          if (!eager.ok) throw new Error('test set-up');
          expect(got.text).toBe(eager.value);
          expect(got.text).toBe(eager.value);
        }
        expect(unit.txt.text.startsWith(BOM)).toBe(bom);
        expect(unit.ann.text.startsWith('T1')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what decodeAnnotationFile refuses, with the same problem', () => {
    const bad = [
      { path: 'nul.ann', bytes: new Uint8Array([0x54, 0x00, 0x31]) },
      { path: 'latin1.ann', bytes: new Uint8Array([0x54, 0x31, 0x0a, 0xe9]) },
      { path: 'cut.ann', bytes: utf8('T1 😀').slice(0, -1) },
    ];
    const { problems } = decodeIntoUnits(bad);
    // Then: nothing was left to import.
    expect(problems.pop()?.message).toMatch(/no annotation files/);
    expect(problems).toEqual(
      bad.map((f) => {
        const r = decodeAnnotationFile(f.path, f.bytes);
        if (r.ok) throw new Error('test set-up');
        return r.errors[0];
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/NUL bytes/),
      expect.stringMatching(/not valid UTF-8/),
      expect.stringMatching(/not valid UTF-8 \(byte 0xf0 at offset 3\)/),
    ]);
  });
});
