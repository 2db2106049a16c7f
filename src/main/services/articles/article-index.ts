import { z } from 'zod';
import { lastChangeOf, type ArticleSummary } from '../../../core/model/article';
import { ARTICLE_META_KEYS } from '../../../core/model/article-meta';
import { countByAuthor, type ArticleDoc } from '../../../core/model/document';
import { namedCounts } from '../../../core/model/names';
import { zodProblem } from '../store/decoded';
import { SCHEMA_VERSION, type FileCodec } from '../store/file-formats';

/**
 * `index.json`: the workspace's small index. It is a CACHE of each article's summary (what the
 * article list shows, counts included) so that listing 2,000 articles does not read 2,000
 * files. It is never trusted over an article file: each entry records the size and mtime of the
 * article file it was computed from, and an entry whose file differs is recomputed from the file.
 * It is written off the save path (debounced, and on flush/close): a lost or stale index costs a
 * re-read, never data.
 */

export const INDEX_FILE = 'index.json';

const SummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  importedAt: z.string(),
  hash: z.string(),
  length: z.number().int().min(0),
  annotationCount: z.number().int().min(0),
  authors: namedCounts(),
  /** Required: an entry cached before it existed is recomputed from its file (see decode). */
  changedAt: z.string(),
  // Metadata as the article file holds it (validated there); the cache only carries it.
  outlet: z.string().optional(),
  url: z.string().optional(),
  byline: z.string().optional(),
  published: z.string().optional(),
  language: z.string().optional(),
  tags: z.array(z.string()).optional(),
  infoChangedAt: z.string().optional(),
});

const EntrySchema = z.object({ summary: SummarySchema, size: z.number(), mtimeMs: z.number() });
export type IndexEntry = z.infer<typeof EntrySchema>;

const IndexFileSchema = z.object({
  schemaVersion: z.literal(1),
  createdAt: z.string(),
  articles: z.array(z.unknown()),
});

export interface IndexData {
  createdAt: string;
  articles: IndexEntry[];
}

export const indexCodec: FileCodec<IndexData> = {
  what: 'index',
  decode(raw) {
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    // Format 0 had `{articles: [ids]}`; as a cache it migrates to an empty one, rebuilt from the files.
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && version === undefined)
      return { ok: true, value: { createdAt: new Date().toISOString(), articles: [] }, fromVersion: 0 };
    if (typeof version === 'number' && version > SCHEMA_VERSION)
      return { ok: false, tooNew: true, problem: `was written by a newer version of Lede (format ${version}). Update Lede to open this workspace` };
    const parsed = IndexFileSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problem: zodProblem(parsed.error) };
    // Entry by entry: one in an older shape (before metadata and changedAt) is left out, so its
    // article is read from its file once, instead of the list missing what the entry lacks.
    const articles: IndexEntry[] = [];
    for (const raw of parsed.data.articles) {
      const entry = EntrySchema.safeParse(raw);
      if (entry.success) articles.push(entry.data);
    }
    return { ok: true, value: { createdAt: parsed.data.createdAt, articles }, fromVersion: 1 };
  },
  encode: (data) => ({ schemaVersion: SCHEMA_VERSION, createdAt: data.createdAt, articles: data.articles }),
};

export function summaryOf(doc: ArticleDoc): ArticleSummary & { changedAt: string } {
  const { id, title, source, importedAt, hash, text } = doc.article;
  const summary: ArticleSummary & { changedAt: string } = {
    id,
    title,
    source,
    importedAt,
    hash,
    length: text.length,
    annotationCount: doc.annotations.length,
    authors: countByAuthor(doc),
    changedAt: lastChangeOf(doc),
  };
  for (const key of ARTICLE_META_KEYS) if (doc.article[key] !== undefined) Object.assign(summary, { [key]: doc.article[key] });
  if (doc.article.infoChangedAt !== undefined) summary.infoChangedAt = doc.article.infoChangedAt;
  return summary;
}

// One collator for every comparison: `localeCompare` with options builds one per call, which made
// sorting 10,000 summaries take ~590 ms (bench/article-list.bench.ts).
const numericOrder = new Intl.Collator(undefined, { numeric: true });
const textOrder = new Intl.Collator();

/** Article list order, oldest import first; files imported together in file-name order, as a file browser lists them; then title, then id so equal ones never swap. */
export function compareSummaries(a: ArticleSummary, b: ArticleSummary): number {
  return cmp(a.importedAt, b.importedAt) || numericOrder.compare(a.source, b.source) || textOrder.compare(a.title, b.title) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
