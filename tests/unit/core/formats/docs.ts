import type { Annotation, Relation } from '../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../src/core/model/document';
import type { AnnotationSet } from '../../../../src/core/formats/types';

/** The documents of a parsed set as the store would hold them (ids and hash made up for tests). */
export function docsFromSet(set: AnnotationSet): ArticleDoc[] {
  return set.documents.map((d, i) => ({
    article: {
      id: d.article.id ?? `a_${String(i).padStart(4, '0')}`,
      title: d.article.title ?? `Article ${i}`,
      source: d.article.source ?? `article-${i}.txt`,
      importedAt: d.article.importedAt ?? '2026-01-01T00:00:00.000Z',
      hash: d.article.hash ?? '0'.repeat(64),
      text: d.article.text,
    },
    annotations: d.annotations,
    relations: d.relations,
  }));
}

type Fields = 'label' | 'fragments' | 'attributes' | 'note' | 'normalizations' | 'author' | 'quote' | 'prefix' | 'suffix';

/** What a format must keep of an annotation, ids aside: used to compare documents across a round trip. */
export function describeAnnotation(a: Annotation, fields: readonly Fields[] = ['label', 'fragments', 'attributes', 'note', 'normalizations']): string {
  const picked: Record<string, unknown> = {};
  for (const f of fields) picked[f] = f === 'normalizations' ? (a.normalizations ?? []) : a[f];
  return JSON.stringify(
    picked,
    Object.keys(picked)
      .sort()
      .concat('start', 'end', 'resource', 'ref', 'text', ...Object.keys(a.attributes).sort()),
  );
}

/** A document's annotations and relations with ids replaced by what they denote, sorted. */
export function meaningOf(
  doc: { annotations: Annotation[]; relations: Relation[] },
  options: { fields?: Fields[]; relationNotes?: boolean } = {},
): { annotations: string[]; relations: string[] } {
  const describe = new Map(doc.annotations.map((a) => [a.id, describeAnnotation(a, options.fields)]));
  return {
    annotations: [...describe.values()].sort(),
    relations: doc.relations
      .map((r) => JSON.stringify([r.type, describe.get(r.from), describe.get(r.to), options.relationNotes === false ? '' : (r.note ?? '')]))
      .sort(),
  };
}
