import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layerFileNames } from '../../../../src/core/formats/layers';

describe('layer file names', () => {
  it('keeps a layer name that is a safe file name, so a brat project reads back under the same layers', () => {
    expect(layerFileNames(['Ana Analyst', 'carla', '4b22', 'reviewed (rejected)'])).toEqual({
      names: new Map([
        ['Ana Analyst', 'Ana Analyst'],
        ['carla', 'carla'],
        ['4b22', '4b22'],
        ['reviewed (rejected)', 'reviewed (rejected)'],
      ]),
      renamed: [],
    });
  });

  it('renames unsafe names, says so, and never gives two layers one name (case-insensitive file systems too)', () => {
    const { names, renamed } = layerFileNames(['a/b', 'a_b', 'A_B', '..', 'x:y']);
    expect([...names.values()]).toEqual(['a_b', 'a_b-2', 'A_B-3', '_', 'x_y']);
    expect(renamed).toEqual([
      'The layer "a/b" is written as "a_b" (its name cannot be a file name); it comes back under that name when imported.',
      'The layer "a_b" is written as "a_b-2" (its name cannot be a file name); it comes back under that name when imported.',
      'The layer "A_B" is written as "A_B-3" (its name cannot be a file name); it comes back under that name when imported.',
      'The layer ".." is written as "_" (its name cannot be a file name); it comes back under that name when imported.',
      'The layer "x:y" is written as "x_y" (its name cannot be a file name); it comes back under that name when imported.',
    ]);
  });

  it('gives any set of layer names distinct, safe path segments', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 12 }), (layers) => {
        const { names } = layerFileNames(layers);
        const out = [...names.values()];
        expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(layers.length);

        for (const n of out) expect(n).toMatch(/^[^<>:"/\\|?*\u0000-\u001f]+$/);
        for (const n of out) expect(['.', '..']).not.toContain(n);
      }),
    );
  });
});
