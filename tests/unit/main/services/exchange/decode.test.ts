import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAnnotationFile, decodeIntoUnits } from '../../../../../src/main/services/exchange/decode';
import { parseUnits, parseUnitsTaking } from '../../../../../src/main/services/exchange/parse-units';
import { takeText } from '../../../../../src/main/services/exchange/units';
import { articleTexts, bratSet } from '../store/import-support';

/**
 * An import holds its files as bytes and decodes each as it is parsed (decode.ts): the text a
 * unit gives is, at every read, the text decodeAnnotationFile gives, and the files it refuses
 * are refused with the same problem, before any is parsed.
 */

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = '\uFEFF';
const NOW = '2026-01-01T00:00:00.000Z';

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

describe('taking the text of an import file', () => {
  it('gives the text once and lets the bytes go: reading it again is a bug, said so', () => {
    const [unit] = decodeIntoUnits([{ path: 'a.lede.json', bytes: utf8('{"x":1}') }]).units;
    if (unit?.kind !== 'file') throw new Error('test set-up');
    expect(unit.file.text).toBe('{"x":1}');
    expect(takeText(unit.file)).toBe('{"x":1}');
    expect(() => unit.file.text).toThrow(/read after it was taken/);
  });

  it('parsing units taken gives what parsing them lent gives, and takes every text of every unit', () => {
    const files = [...bratSet(articleTexts(3)), { path: 'x.ann', bytes: utf8('T1\tPerson 0 4\tnope\n') }];
    const lent = parseUnits(decodeIntoUnits(files).units, { as: 'colleague', now: NOW }, { byHash: new Map(), bySource: new Map() });
    const units = decodeIntoUnits(files).units;
    const kept = [...units];
    const took = parseUnitsTaking(units, { as: 'colleague', now: NOW }, { byHash: new Map(), bySource: new Map() });
    const shape = (r: typeof lent) => ({
      problems: r.problems,
      sets: r.sets.map((s) => ({
        file: s.file,
        texts: s.set.documents.map((d) => d.article.text),
        spans: s.set.documents.map((d) => d.annotations.map((a) => [a.label, a.fragments])),
      })),
    });
    expect(shape(took)).toEqual(shape(lent));
    expect(took.sets).toHaveLength(3);
    for (const u of kept) {
      if (u.kind !== 'brat') throw new Error('test set-up');
      expect(() => u.ann.text).toThrow(/taken/);
      if (u.txt) expect(() => u.txt!.text).toThrow(/taken/);
    }
  });
});
