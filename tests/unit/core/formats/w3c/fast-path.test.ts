import { describe, expect, it } from 'vitest';
import { serializeW3c } from '../../../../../src/core/formats/w3c';
import { schema } from '../arbitraries';
import { REGISTRY, enrichedDocsArb, fc, fixtureSets } from '../reference/fixtures';
import { serializeW3c as reference } from '../reference/w3c';

/** The W3C export stringifies each article's items on its own: the same bytes as stringifying the whole collection. */
describe('W3C export, per-article stringify', () => {
  it('writes byte for byte what the reference serializer writes, on the fixtures, whole and one layer', () => {
    for (const { name, docs } of fixtureSets()) {
      for (const options of [{ registry: REGISTRY }, { author: 'colleague', label: 'x/y' }, { author: 'nobody' }]) {
        expect(serializeW3c(docs, schema(), options), name).toEqual(reference(docs, schema(), options));
      }
      expect(serializeW3c([docs[0]!], schema()), name).toEqual(reference([docs[0]!], schema()));
    }
    expect(serializeW3c([], schema())).toEqual(reference([], schema()));
  });

  it('writes byte for byte what the reference serializer writes, on random documents', () => {
    fc.assert(
      fc.property(enrichedDocsArb, fc.constantFrom(undefined, 'ana'), (docs, author) => {
        const options = { registry: REGISTRY, ...(author ? { author } : {}) };
        expect(serializeW3c(docs, schema(), options)).toEqual(reference(docs, schema(), options));
      }),
      { numRuns: 150 },
    );
  });
});
