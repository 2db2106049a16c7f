/**
 * The W3C serializer as it was before it stringified each article's items on its own (issue 12):
 * one JSON.stringify of the whole collection. The oracle for formats/fast-path.test.ts; the items
 * themselves come from the same annotationToW3c and relationToW3c.
 */
import { annotationsOf, relationsOf, type ArticleDoc } from '../../../../../src/core/model/document';
import type { LabelSchema } from '../../../../../src/core/model/label-schema';
import { offsetIndex } from '../../../../../src/core/text/offsets';
import type { ExportResult, SerializeOptions } from '../../../../../src/core/formats/types';
import { annotationToW3c, relationToW3c } from '../../../../../src/core/formats/w3c';
import { COLLECTION_CONTEXT, META_TERM_PREFIX, TERMS, sourceUri } from '../../../../../src/core/formats/w3c/vocabulary';
import { entityNames } from '../../../../../src/core/formats/entity-links';
import { ARTICLE_META_KEYS } from '../../../../../src/core/model/article-meta';

interface W3cSerializeOptions extends SerializeOptions {
  /** Names the collection (`urn:lede:export:<label>`); defaults to "annotations". */
  label?: string;
  path?: string;
}

type Json = Record<string, unknown>;

/**
 * What each target names as its source: the article's web address when it has one that no other
 * exported article shares (what other tools know the article by), else its text hash
 * (`urn:sha256:…`), which names exactly one text. The collection's `lede:sources` entry carries
 * the hash either way, so Lede finds the same text on import.
 */
function articleSources(docs: readonly ArticleDoc[]): (doc: ArticleDoc) => string {
  const uses = new Map<string, number>();
  for (const d of docs) if (d.article.url) uses.set(d.article.url, (uses.get(d.article.url) ?? 0) + 1);
  return (d) => (d.article.url && uses.get(d.article.url) === 1 ? d.article.url : sourceUri(d.article.hash));
}

/** The article's metadata as Lede terms on its `lede:sources` entry (only the fields it has). */
function metaTerms(doc: ArticleDoc): Json {
  const out: Json = {};
  for (const key of ARTICLE_META_KEYS) if (doc.article[key] !== undefined) out[`${META_TERM_PREFIX}${key}`] = doc.article[key];
  return out;
}

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
