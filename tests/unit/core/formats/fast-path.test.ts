import { describe, expect, it } from 'vitest';
import { serializeConll } from '../../../../src/core/formats/conll';
import { serializeCsv } from '../../../../src/core/formats/csv';
import { serializeW3c } from '../../../../src/core/formats/w3c';
import type { ExportResult, SerializeOptions } from '../../../../src/core/formats/types';
import type { ArticleDoc } from '../../../../src/core/model/document';
import type { LabelSchema } from '../../../../src/core/model/label-schema';
import { schema } from './arbitraries';
import { serializeConll as referenceConll } from './reference/conll';
import { serializeCsv as referenceCsv } from './reference/csv';
import { REGISTRY, enrichedDocsArb, fc, fixtureSets } from './reference/fixtures';
import { serializeW3c as referenceW3c } from './reference/w3c';

type Serializer = (docs: readonly ArticleDoc[], schema: LabelSchema, options?: SerializeOptions & { label?: string }) => ExportResult;

/**
 * The serializers sped up for bulk exports (issue 12) against the plain implementations they
 * replaced (./reference): the same files, byte for byte, and the same report.
 */
const CASES: [string, Serializer, Serializer][] = [
  ['W3C', serializeW3c, referenceW3c],
  ['CoNLL', serializeConll, referenceConll],
  ['CSV', serializeCsv, referenceCsv],
];

describe.each(CASES)('%s export, fast path', (_name, fast, reference) => {
  it('writes what the reference serializer writes, on the fixtures, every layer and one', () => {
    for (const { name, docs } of fixtureSets()) {
      // The layers in the fixtures: bench and colleague (bench articles), x (brat corpora), seed (seeds).
      for (const options of [{ registry: REGISTRY }, { author: 'colleague', label: 'x/y' }]) {
        expect(fast(docs, schema(), options), name).toEqual(reference(docs, schema(), options));
      }
      expect(fast([docs[0]!], schema()), name).toEqual(reference([docs[0]!], schema()));
    }
    expect(fast([], schema())).toEqual(reference([], schema()));
  });

  it('writes what the reference serializer writes, on random documents', () => {
    fc.assert(
      fc.property(enrichedDocsArb, fc.constantFrom(undefined, 'ana'), (docs, author) => {
        const options = { registry: REGISTRY, ...(author ? { author } : {}) };
        expect(fast(docs, schema(), options)).toEqual(reference(docs, schema(), options));
      }),
      { numRuns: 150 },
    );
  });
});
