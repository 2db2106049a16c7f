import { fragmentProblem } from '../../model/annotation';
import { ARTICLE_META_KEYS } from '../../model/article-meta';
import { fail, ok, type Problem, type Result } from '../../model/result';
import { safeJsonParse, zodProblems } from '../json/safe-json';
import { selectorsFor } from '../../text/selectors';
import type { AnnotationSet, ImportedArticle, ParseOptions } from '../types';
import { LEDE_FORMAT_NAME, LEDE_FORMAT_VERSION, LedeFileSchema, type LedeFile } from './shape';

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
  const parsed = LedeFileSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, errors: zodProblems(parsed.error, at) };
  const errors: Problem[] = [];
  for (const [i, doc] of parsed.data.articles.entries()) {
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
  for (const [k, e] of (parsed.data.actors ?? []).entries()) {
    if (actorIds.has(e.id)) errors.push({ ...at, field: `actors[${k}].id`, message: `the actor id ${e.id} is used twice` });
    actorIds.add(e.id);
  }
  if (errors.length > 0) return { ok: false, errors };
  const layer = <T extends { author: string }>(x: T): T => (options.keepAuthors ? x : { ...x, author: options.author });
  return ok({
    documents: parsed.data.articles.map((doc) => ({
      article: articleOf(doc.article),
      annotations: doc.annotations.map(layer),
      relations: doc.relations.map(layer),
    })),
    schema: parsed.data.schema,
    report: [],
    colorsDefined: true,
    ...(parsed.data.actors ? { entities: parsed.data.actors } : {}),
  });
}

/** The stored article as an import takes it: its metadata and history named as such. */
function articleOf(article: LedeFile['articles'][number]['article']): ImportedArticle {
  const { text, id, title, source, hash, importedAt, history } = article;
  const meta = Object.fromEntries(ARTICLE_META_KEYS.flatMap((k) => (article[k] === undefined ? [] : [[k, article[k]]])));
  return { text, id, title, source, hash, importedAt, ...(Object.keys(meta).length ? { meta } : {}), ...(history?.length ? { history } : {}) };
}
