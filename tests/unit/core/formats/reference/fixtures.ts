import fc from 'fast-check';
import type { ActorRegistry } from '../../../../../src/core/actors/entity';
import { parseBrat } from '../../../../../src/core/formats/brat';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { generatedDoc } from '../../../../../bench/workspace-fixture';
import { docsArb } from '../arbitraries';
import { bratFixtures } from '../corpora';
import { docsFromSet } from '../docs';
import { seedDocs } from '../seeds';

/**
 * Document sets for checking a serializer's fast path against its reference (the plain
 * implementation it replaced, kept in this folder): the seed articles, every brat corpus
 * document, the bench's generated articles (two layers, relations, attributes, notes,
 * discontinuous spans, emoji), each with some spans linked to registry actors, normalised,
 * edited after creation and metadata, as stored documents can be.
 */
export const REGISTRY: ActorRegistry = {
  entities: [0, 1, 2].map((i) => ({
    id: `ent_${i}`,
    name: ['Ada "the" Lovelace', 'Zoë\nTwo lines', '=cmd'][i]!,
    kind: 'person' as const,
    aliases: [],
    properties: {},
    note: '',
    created: 'c',
    modified: 'm',
  })),
};

/** Actor links (one to an entity the registry lacks), normalisations, later edits and metadata on some of the documents' annotations. */
export function enriched(docs: readonly ArticleDoc[]): ArticleDoc[] {
  return docs.map((doc, d) => ({
    article: d % 2 ? { ...doc.article, outlet: 'Le “Monde”', url: `https://example.org/${d % 3}`, tags: ['a', 'b;c'], language: 'fr' } : doc.article,
    annotations: doc.annotations.map((a, i) => ({
      ...a,
      ...(i % 5 === 1 ? { entity: `ent_${i % 4}` } : {}),
      ...(i % 7 === 2 ? { normalizations: [{ resource: 'Wikidata', ref: 'Q1', text: 'x, "y"' }] } : {}),
      ...(i % 3 === 0 ? { modified: '2027-01-01T00:00:00.000Z' } : {}),
    })),
    relations: doc.relations,
  }));
}

/** Named document sets from the fixtures (brat corpora and seeds only when ../shared is there). */
export function fixtureSets(): { name: string; docs: ArticleDoc[] }[] {
  const sets = [{ name: 'bench articles', docs: enriched(Array.from({ length: 12 }, (_, n) => generatedDoc(n, ['bench', 'colleague']))) }];
  const seeds = seedDocs();
  if (seeds.length) sets.push({ name: 'seeds', docs: enriched(seeds) });
  const brat = bratFixtures().flatMap((f) => {
    const set = parseBrat({ txt: f.txt, ann: f.ann, file: f.name, author: 'x', conf: f.conf });
    return set.ok ? docsFromSet(set.value) : [];
  });
  if (brat.length) sets.push({ name: 'brat corpora', docs: enriched(brat) });
  return sets;
}

/** Random document sets, enriched the same way. */
export const enrichedDocsArb = docsArb.map(enriched);

export { fc };
