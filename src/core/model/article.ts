import { z } from 'zod';
import { ArticleMetaSchema, type ArticleMeta } from './article-meta';

/** A text the article had before `lede update-article` replaced it, kept so nothing is lost. */
export const ArticleVersionSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  text: z.string(),
  /** When this text was replaced by the next one. */
  replacedAt: z.string(),
});
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;

/**
 * An article as analysts read it. `text` is kept byte-for-byte as imported (after UTF-8 decoding):
 * every offset in Lede indexes into it, so it is never normalised, trimmed or re-wrapped.
 */
/** Longest title a stored article may have (UTF-16 units, as zod and JavaScript count). */
export const TITLE_MAX = 500;

export const ArticleSchema = z
  .object({
    id: z.string().min(1).max(100),
    title: z.string().max(TITLE_MAX),
    /** File name the article came from (no directory), or a description such as "seed". */
    source: z.string().max(1000),
    importedAt: z.string(),
    /** sha256 of the UTF-8 text, lowercase hex: duplicates and annotation imports match on it. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    text: z.string(),
    /**
     * Earlier texts, oldest first, when the text was updated (a correction, a new version of the
     * story). Absent on articles never updated, so every file stored before reads unchanged.
     */
    history: z.array(ArticleVersionSchema).max(1000).optional(),
    /**
     * When the title or metadata were last edited (the info panel, tagging in the list, `lede
     * set-meta`): the time the edit carries (article-info.ts), so the store, its journal and the
     * page agree on it. Absent until the first such edit.
     */
    infoChangedAt: z
      .string()
      .max(40)
      .regex(/^\d{4}-\d{2}-\d{2}T/)
      .optional(),
    /** Outlet, URL, byline, published date, language, tags (article-meta.ts); all optional. */
  })
  .merge(ArticleMetaSchema);
export type Article = z.infer<typeof ArticleSchema>;

/**
 * What lists show: everything but the text, plus counts. The metadata fields (outlet, url, byline,
 * published, language, tags) are there when the article has them, for sorting and filtering.
 */
export interface ArticleSummary extends ArticleMeta {
  id: string;
  title: string;
  source: string;
  importedAt: string;
  hash: string;
  length: number;
  annotationCount: number;
  /** Annotation counts per author (layer). */
  authors: Record<string, number>;
  /**
   * The last change to the article: the latest of its import, its last text update, its last
   * title or metadata edit and its annotations' and links' modification times (lastChangeOf).
   * Absent only in summaries made by code that predates it.
   */
  changedAt?: string;
  /** The article's last title or metadata edit (Article.infoChangedAt): what undoing the next one restores. */
  infoChangedAt?: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;

/**
 * When an article last changed: the latest ISO time among its import, text updates, title and
 * metadata edits and the created/modified times of its annotations and relations (times in other
 * shapes, which imported files may carry, are not compared).
 */
export function lastChangeOf(doc: {
  article: Pick<Article, 'importedAt' | 'history' | 'infoChangedAt'>;
  annotations: readonly { modified: string }[];
  relations: readonly { modified: string }[];
}): string {
  let latest = doc.article.importedAt;
  const consider = (t: string) => {
    if (t > latest && ISO_TIME.test(t)) latest = t;
  };
  const history = doc.article.history;
  if (history?.length) consider(history[history.length - 1]!.replacedAt);
  if (doc.article.infoChangedAt) consider(doc.article.infoChangedAt);
  for (const a of doc.annotations) consider(a.modified);
  for (const r of doc.relations) consider(r.modified);
  return latest;
}

/** Articles are named by their content: the same text always gets the same id. */
export function articleIdFromHash(hash: string): string {
  return `a_${hash.slice(0, 16)}`;
}

/**
 * The id an article must have: named by its FIRST text. An update keeps the id (annotations,
 * links, exports and URLs refer to it), so an updated article is named by the oldest text in its
 * history, and the store can still check every id against a hash.
 */
export function expectedArticleId(article: Pick<Article, 'hash' | 'history'>): string {
  return articleIdFromHash(article.history?.[0]?.hash ?? article.hash);
}

const HEADLINE_MAX = 160;
const OPENING_WORDS = 10;

/**
 * The title is the first line when it reads as a headline (short, no sentence-final full stop),
 * otherwise the opening words of the text followed by an ellipsis.
 */
export function titleFromText(text: string): string {
  const trimmed = text.replace(/^\s+/, '');
  const firstLine = (trimmed.split(/\r?\n/, 1)[0] ?? '').trim();
  const readsAsHeadline = firstLine.length > 0 && firstLine.length <= HEADLINE_MAX && !/[.!?,;:]["”’)]?$/.test(firstLine) && /\p{L}/u.test(firstLine);
  if (readsAsHeadline) return firstLine.replace(/^#+\s*/, '');
  const words = trimmed.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'Untitled';
  const opening = words.slice(0, OPENING_WORDS).join(' ');
  // Ten "words" of Chinese or Japanese text, or of a long URL, can be a whole paragraph.
  if (opening.length > HEADLINE_MAX) return clampTitle(opening, HEADLINE_MAX);
  return words.length > OPENING_WORDS ? `${opening}…` : opening;
}

/**
 * `title` cut to at most `max` UTF-16 units (ellipsis included) on a code point boundary, so a
 * title taken from a file or derived from text always fits ArticleSchema.
 */
export function clampTitle(title: string, max: number = TITLE_MAX): string {
  if (title.length <= max) return title;
  let end = max - 1;
  // Never split a surrogate pair (an emoji, a rare CJK character).
  const last = title.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${title.slice(0, end).trimEnd()}…`;
}

/** Article files over this size are refused (the 20 MB limit, in bytes). */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
