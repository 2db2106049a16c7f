import { z } from 'zod';
import { AnnotationSchema, fragmentProblem, RelationSchema, type Annotation, type Relation } from '../../model/annotation';
import { ArticleDocSchema } from '../../model/document';
import { checkAnnotation, checkRelation } from '../checked';
import { quickCheck, type QuickCheck } from '../../model/quick-check';
import { ARTICLE_META_KEYS } from '../../model/article-meta';
import { fail, ok, type Problem, type Result } from '../../model/result';
import { safeJsonParse, zodProblems } from '../json/safe-json';
import { selectorsFor } from '../../text/selectors';
import type { AnnotationSet, ImportedArticle, ParseOptions } from '../types';
import { LEDE_FORMAT_NAME, LEDE_FORMAT_VERSION, LedeFileSchema, type LedeFile } from './shape';

/**
 * The file's shape with every annotation and relation left to checkAnnotation / checkRelation
 * (checked.ts): checked once here, they are not checked again when the import is stored.
 */
const LedeEnvelopeSchema = LedeFileSchema.extend({
  articles: z.array(ArticleDocSchema.extend({ annotations: z.array(z.unknown()), relations: z.array(z.unknown()) })).max(100_000),
});

interface CheckedDoc {
  article: LedeFile['articles'][number]['article'];
  annotations: Annotation[];
  relations: Relation[];
}

export interface LedeParseOptions extends ParseOptions {
  /**
   * Keep each annotation's own author (restoring a workspace, or a lossless round trip) instead
   * of putting everything in the `author` layer as an import of a colleague's set does.
   */
  keepAuthors?: boolean;
}

/**
 * Reads a Lede JSON export. Every annotation is checked against its article's text (fragments
 * in range, sorted, disjoint, quote equal to the text) and every relation must link annotations
 * of the same article; any problem fails the whole parse.
 */
export function parseLede(input: string, options: LedeParseOptions): Result<AnnotationSet> {
  const file = options.file;
  const at = file ? { file } : {};
  const json = safeJsonParse(input, file, undefined, options.maxBytes);
  if (!json.ok) return json;
  const head = json.value as { format?: unknown; version?: unknown };
  if (typeof head !== 'object' || head === null || head.format !== LEDE_FORMAT_NAME) {
    return fail({ ...at, field: 'format', message: `not a Lede annotation file (expected "format": "${LEDE_FORMAT_NAME}")` });
  }
  if (typeof head.version === 'number' && head.version > LEDE_FORMAT_VERSION) {
    return fail({ ...at, field: 'version', message: `made by a newer Lede (format version ${head.version}; this one reads up to ${LEDE_FORMAT_VERSION})` });
  }
  const checked = checkArticles(json.value as { articles?: unknown }, options, at);
  if (!checked.ok) return checked;
  const { articles, actors } = checked.value;
  const errors: Problem[] = [];
  for (const [i, doc] of articles.entries()) {
    const text = doc.article.text;
    const ids = new Set<string>();
    for (const [j, a] of doc.annotations.entries()) {
      const field = `articles[${i}].annotations[${j}]`;
      if (ids.has(a.id)) errors.push({ ...at, field: `${field}.id`, annotation: a.id, message: 'id is used twice in this article' });
      ids.add(a.id);
      const problem = fragmentProblem(a.fragments, text.length);
      if (problem) errors.push({ ...at, field: `${field}.fragments`, annotation: a.id, message: problem });
      else if (selectorsFor(text, a.fragments).quote !== a.quote) {
        errors.push({ ...at, field: `${field}.quote`, annotation: a.id, message: 'quote does not match the article text at these offsets' });
      }
    }
    for (const [j, r] of doc.relations.entries()) {
      if (!ids.has(r.from) || !ids.has(r.to)) {
        errors.push({ ...at, field: `articles[${i}].relations[${j}]`, annotation: r.id, message: 'links an annotation that is not in this article' });
      }
    }
  }
  const actorIds = new Set<string>();
  for (const [k, e] of (actors ?? []).entries()) {
    if (actorIds.has(e.id)) errors.push({ ...at, field: `actors[${k}].id`, message: `the actor id ${e.id} is used twice` });
    actorIds.add(e.id);
  }
  if (errors.length > 0) return { ok: false, errors };
  return ok({
    documents: articles.map((doc) => ({ article: articleOf(doc.article), annotations: doc.annotations, relations: doc.relations })),
    schema: checked.value.schema,
    report: [],
    colorsDefined: true,
    ...(actors ? { entities: actors } : {}),
  });
}

/**
 * The file checked against its shape, each annotation and relation on its own (their problems
 * located as a check of the whole file would locate them, up to 50). Unless the file's own layers
 * are kept, each is put in the analyst's layer first; an author the file gets wrong is still
 * refused, as a check of the whole file would.
 */
function checkArticles(
  value: { articles?: unknown },
  options: LedeParseOptions,
  at: { file?: string },
): Result<{ articles: CheckedDoc[]; schema: LedeFile['schema']; actors: LedeFile['actors'] }> {
  const envelope = LedeEnvelopeSchema.safeParse(value);
  const errors: Problem[] = envelope.success ? [] : zodProblems(envelope.error, at);
  const articles: CheckedDoc[] = [];
  const rawArticles = Array.isArray(value.articles) ? (value.articles as unknown[]) : [];
  for (const [i, raw] of rawArticles.entries()) {
    const doc = raw as { annotations?: unknown; relations?: unknown };
    const annotations: Annotation[] = [];
    const relations: Relation[] = [];
    for (const [j, a] of (Array.isArray(doc?.annotations) ? (doc.annotations as unknown[]) : []).entries()) {
      const result = checkAnnotation(options.keepAuthors ? a : inLayer(a, options.author, AnnotationSchema.shape.author));
      if (result.success) annotations.push(result.data);
      else errors.push(...zodProblems(result.error, at, `articles[${i}].annotations[${j}]`));
    }
    for (const [j, r] of (Array.isArray(doc?.relations) ? (doc.relations as unknown[]) : []).entries()) {
      const result = checkRelation(options.keepAuthors ? r : inLayer(r, options.author, RelationSchema.shape.author));
      if (result.success) relations.push(result.data);
      else errors.push(...zodProblems(result.error, at, `articles[${i}].relations[${j}]`));
    }
    if (envelope.success) articles.push({ article: envelope.data.articles[i]!.article, annotations, relations });
    if (errors.length >= 50) break;
  }
  if (!envelope.success || errors.length > 0) return { ok: false, errors: errors.slice(0, 50) };
  return ok({ articles, schema: envelope.data.schema, actors: envelope.data.actors });
}

const quickAuthors = new Map<z.ZodType, QuickCheck>();
function quickAuthor(schema: z.ZodType): QuickCheck {
  let quick = quickAuthors.get(schema);
  if (!quick) quickAuthors.set(schema, (quick = quickCheck(schema)));
  return quick;
}

/** `item` (the file's own, parsed here) moved into `layer`, when its own author is valid. */
function inLayer(item: unknown, layer: string, authorSchema: z.ZodType): unknown {
  if (typeof item !== 'object' || item === null) return item;
  const author = (item as { author?: unknown }).author;
  if (!quickAuthor(authorSchema)(author) && !authorSchema.safeParse(author).success) return item;
  (item as { author: string }).author = layer;
  return item;
}

/** The stored article as an import takes it: its metadata and history named as such. */
function articleOf(article: LedeFile['articles'][number]['article']): ImportedArticle {
  const { text, id, title, source, hash, importedAt, history } = article;
  const meta = Object.fromEntries(ARTICLE_META_KEYS.flatMap((k) => (article[k] === undefined ? [] : [[k, article[k]]])));
  return { text, id, title, source, hash, importedAt, ...(Object.keys(meta).length ? { meta } : {}), ...(history?.length ? { history } : {}) };
}
