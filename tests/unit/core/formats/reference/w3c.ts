/**
 * The W3C serializer as it was before it stringified each article's items on its own (issue 12):
 * one JSON.stringify of the whole collection. The oracle for formats/fast-path.test.ts; the items
 * themselves, their sources and the article metadata come from the serializer's own helpers.
 */
import { annotationsOf, relationsOf, type ArticleDoc } from '../../../../../src/core/model/document';
import type { LabelSchema } from '../../../../../src/core/model/label-schema';
import { offsetIndex } from '../../../../../src/core/text/offsets';
import type { ExportResult, SerializeOptions } from '../../../../../src/core/formats/types';
import { annotationToW3c, relationToW3c } from '../../../../../src/core/formats/w3c';
import { articleSources, metaTerms } from '../../../../../src/core/formats/w3c/serialize';
import { COLLECTION_CONTEXT, TERMS } from '../../../../../src/core/formats/w3c/vocabulary';
import { entityNames } from '../../../../../src/core/formats/entity-links';

interface W3cSerializeOptions extends SerializeOptions {
  /** Names the collection (`urn:lede:export:<label>`); defaults to "annotations". */
  label?: string;
  path?: string;
}

type Json = Record<string, unknown>;

/**
 * An AnnotationCollection with every annotation in one embedded page. The article texts and the
 * label schema travel along as Lede terms, so Lede can import the file on its own.
 */
export function serializeW3c(docs: readonly ArticleDoc[], schema: LabelSchema, options: W3cSerializeOptions = {}): ExportResult {
  const items: Json[] = [];
  const sources: Json[] = [];
  const names = entityNames(options.registry);
  const sourceOf = articleSources(docs);
  for (const doc of docs) {
    const text = doc.article.text;
    const index = offsetIndex(text);
    const source = sourceOf(doc);
    const annotations = annotationsOf(doc, options.author);
    const kept = new Set(annotations.map((a) => a.id));
    for (const a of annotations) items.push(annotationToW3c(a, doc.article.id, text, index, source, a.entity ? names.get(a.entity) : undefined));
    for (const r of relationsOf(doc, options.author)) if (kept.has(r.from) && kept.has(r.to)) items.push(relationToW3c(r, doc.article.id));
    const { id, title, source: origin, importedAt, hash } = doc.article;
    sources.push({
      id: source,
      'lede:articleId': id,
      'lede:title': title,
      'lede:origin': origin,
      'lede:importedAt': importedAt,
      'lede:hash': hash,
      ...metaTerms(doc),
      'lede:text': text,
    });
  }
  const label = options.label ?? 'annotations';
  const collection = {
    '@context': COLLECTION_CONTEXT,
    id: `urn:lede:export:${encodeURIComponent(label)}`,
    type: 'AnnotationCollection',
    label: `Lede ${label}`,
    total: items.length,
    [TERMS.schema]: schema,
    [TERMS.sources]: sources,
    first: { type: 'AnnotationPage', startIndex: 0, items: [] },
  };
  // Compact: a workspace export holds hundreds of thousands of annotations, read by programs.
  return {
    files: [{ path: options.path ?? 'annotations.w3c.jsonld', content: `${JSON.stringify({ ...collection, first: { ...collection.first, items } })}\n` }],
    report: [],
  };
}
