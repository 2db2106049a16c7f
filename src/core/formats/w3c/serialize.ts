import type { Annotation, Relation } from '../../model/annotation';
import { annotationsOf, relationsOf, type ArticleDoc } from '../../model/document';
import type { LabelSchema } from '../../model/label-schema';
import { offsetIndex, type OffsetIndex } from '../../text/offsets';
import { CONTEXT_LENGTH } from '../../text/selectors';
import type { ExportResult, SerializeOptions } from '../types';
import { ANNO_CONTEXT, COLLECTION_CONTEXT, META_TERM_PREFIX, TERMS, annotationUri, entityUri, relationUri, sourceUri } from './vocabulary';
import { entityNames } from '../entity-links';
import { ARTICLE_META_KEYS } from '../../model/article-meta';

export interface W3cSerializeOptions extends SerializeOptions {
  /** Names the collection (`urn:lede:export:<label>`); defaults to "annotations". */
  label?: string;
  path?: string;
}

type Json = Record<string, unknown>;

/** How the collection's JSON ends after its page's `items` array opens (the page is its last key). */
const AFTER_ITEMS = ']}}';

const creator = (name: string) => ({ type: 'Person', name });

/**
 * One target per fragment: a discontinuous quote is one annotation on several segments of the
 * same text. Each segment carries a quote selector (exact, prefix, suffix) and a position
 * selector in code points: two descriptions of the same segment.
 */
function targetsOf(a: Annotation, text: string, index: OffsetIndex, source: string): Json[] {
  return a.fragments.map((f) => ({
    type: 'SpecificResource',
    source,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(f.start, f.end),
        prefix: text.slice(Math.max(0, f.start - CONTEXT_LENGTH), f.start),
        suffix: text.slice(f.end, f.end + CONTEXT_LENGTH),
      },
      { type: 'TextPositionSelector', start: index.toCodePoint(f.start), end: index.toCodePoint(f.end) },
    ],
  }));
}

export function annotationToW3c(a: Annotation, articleId: string, text: string, index: OffsetIndex, source: string, entityName?: string): Json {
  const body: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.label }];
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
  // The actor the span names: an identifying body whose source is the entity's IRI, with its name.
  if (a.entity) body.push({ type: 'SpecificResource', purpose: 'identifying', source: entityUri(a.entity), [TERMS.entityName]: entityName ?? a.quote });
  return {
    '@context': ANNO_CONTEXT,
    id: annotationUri(articleId, a.id),
    type: 'Annotation',
    motivation: 'tagging',
    creator: creator(a.author),
    created: a.created,
    // Optional in the model; left out when it adds nothing (import reads it as `created`).
    ...(a.modified !== a.created ? { modified: a.modified } : {}),
    body,
    target: targetsOf(a, text, index, source),
    ...(Object.keys(a.attributes).length ? { [TERMS.attributes]: a.attributes } : {}),
    ...(a.normalizations?.length ? { [TERMS.normalizations]: a.normalizations } : {}),
  };
}

/** A relation is a `linking` annotation whose targets are the two annotations it links. */
export function relationToW3c(r: Relation, articleId: string): Json {
  const uri = (id: string) => annotationUri(articleId, id);
  const body: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: r.type }];
  if (r.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: r.note });
  return {
    '@context': ANNO_CONTEXT,
    id: relationUri(articleId, r.id),
    type: 'Annotation',
    motivation: 'linking',
    creator: creator(r.author),
    created: r.created,
    ...(r.modified !== r.created ? { modified: r.modified } : {}),
    body,
    target: [uri(r.from), uri(r.to)],
    // Targets are an unordered set in the model: the direction is stated separately.
    [TERMS.from]: uri(r.from),
    [TERMS.to]: uri(r.to),
  };
}

/**
 * What each target names as its source: the article's web address when it has one that no other
 * exported article shares (what other tools know the article by), else its text hash
 * (`urn:sha256:…`), which names exactly one text. The collection's `lede:sources` entry carries
 * the hash either way, so Lede finds the same text on import.
 */
export function articleSources(docs: readonly ArticleDoc[]): (doc: ArticleDoc) => string {
  const uses = new Map<string, number>();
  for (const d of docs) if (d.article.url) uses.set(d.article.url, (uses.get(d.article.url) ?? 0) + 1);
  return (d) => (d.article.url && uses.get(d.article.url) === 1 ? d.article.url : sourceUri(d.article.hash));
}

/** The article's metadata as Lede terms on its `lede:sources` entry (only the fields it has). */
export function metaTerms(doc: ArticleDoc): Json {
  const out: Json = {};
  for (const key of ARTICLE_META_KEYS) if (doc.article[key] !== undefined) out[`${META_TERM_PREFIX}${key}`] = doc.article[key];
  return out;
}

/**
 * An AnnotationCollection with every annotation in one embedded page. The article texts and the
 * label schema travel along as Lede terms, so Lede can import the file on its own.
 */
export function serializeW3c(docs: readonly ArticleDoc[], schema: LabelSchema, options: W3cSerializeOptions = {}): ExportResult {
  // Each article's items are stringified as soon as they are built (JSON text of the page's
  // items, comma-joined): a hundred thousand annotation objects held to the end would outlive the
  // young generation and make the collector copy and mark them all, most of an export's time.
  const itemsJson: string[] = [];
  let total = 0;
  const sources: Json[] = [];
  const names = entityNames(options.registry);
  const sourceOf = articleSources(docs);
  for (const doc of docs) {
    const text = doc.article.text;
    const index = offsetIndex(text);
    const source = sourceOf(doc);
    const annotations = annotationsOf(doc, options.author);
    const kept = new Set(annotations.map((a) => a.id));
    const items: Json[] = [];
    for (const a of annotations) items.push(annotationToW3c(a, doc.article.id, text, index, source, a.entity ? names.get(a.entity) : undefined));
    for (const r of relationsOf(doc, options.author)) if (kept.has(r.from) && kept.has(r.to)) items.push(relationToW3c(r, doc.article.id));
    // JSON.stringify of the whole page writes its items exactly so: '[' items joined by ',' ']'.
    if (items.length > 0) itemsJson.push(JSON.stringify(items).slice(1, -1));
    total += items.length;
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
    total,
    [TERMS.schema]: schema,
    [TERMS.sources]: sources,
    first: { type: 'AnnotationPage', startIndex: 0, items: [] },
  };
  // The page's items are the last thing in the file: its text is that of the collection with
  // the empty `items` filled in. Compact: an export holds hundreds of thousands of annotations, read by programs.
  const shell = JSON.stringify(collection);
  const head = shell.slice(0, -AFTER_ITEMS.length);
  // One join makes the whole file one flat string. Joining the items, then putting the head and
  // the end around them, made a rope that measuring and writing the file copied whole again
  // (170 MB of two-byte text for 1,000 x 100).
  const last = itemsJson.length - 1;
  if (last >= 0) {
    itemsJson[0] = `${head}${itemsJson[0]}`;
    itemsJson[last] = `${itemsJson[last]}${AFTER_ITEMS}\n`;
  }
  const content = last >= 0 ? itemsJson.join(',') : `${head}${AFTER_ITEMS}\n`;
  return { files: [{ path: options.path ?? 'annotations.w3c.jsonld', content }], report: [] };
}
