import type { ReanchoredAnnotation } from '../edits/update-text';
import type { ReanchorState } from '../text/reanchor';
import { z } from 'zod';
import type { ArticleSummary } from '../model/article';
import type { ArticleDoc } from '../model/document';
import type { LabelSchema } from '../model/label-schema';
import { SettingsSchema, type Settings } from '../model/settings';
import { EditSchema } from '../edits/commands';
import { MAX_QUERY_LENGTH } from '../search/text-search';

export const FilePayloadSchema = z
  .object({
    name: z.string().min(1).max(1000),
    /** base64 is 4/3 of the bytes; the 20 MB article limit is checked on the decoded bytes. */
    base64: z.string().max(40 * 1024 * 1024),
  })
  .strict();

const ArticleIdSchema = z.string().min(1).max(100);

export const articleArgs = {
  getWorkspace: z.object({}).strict(),
  listArticles: z.object({}).strict(),
  getArticle: z.object({ id: ArticleIdSchema }).strict(),
  importArticles: z.object({ files: z.array(FilePayloadSchema).min(1).max(10_000) }).strict(),
  applyEdit: z.object({ edit: EditSchema }).strict(),
  saveSettings: z.object({ settings: SettingsSchema }).strict(),
  /** A new version of an article's text (a correction): its annotations are re-anchored (update-text.ts). */
  updateArticleText: z.object({ id: ArticleIdSchema, file: FilePayloadSchema }).strict(),
  deleteArticles: z.object({ ids: z.array(ArticleIdSchema).min(1).max(10_000) }).strict(),
  restoreArticles: z.object({ ids: z.array(ArticleIdSchema).min(1).max(10_000) }).strict(),
  listTrash: z.object({}).strict(),
  emptyTrash: z.object({}).strict(),
  renameArticle: z.object({ id: ArticleIdSchema, title: z.string().trim().min(1, 'A title cannot be empty.').max(500) }).strict(),
  searchArticles: z
    .object({
      query: z.string().min(1).max(MAX_QUERY_LENGTH),
      limit: z.number().int().min(1).max(10_000).optional(),
      label: z.string().min(1).max(200).optional(),
      /** Who asks (one window or tab): a newer search cancels only the same caller's earlier one. */
      caller: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9_-]+$/, 'a caller is letters, digits, - or _')
        .optional(),
    })
    .strict(),
};

export interface WorkspaceInfo {
  path: string;
  articleCount: number;
  settings: Settings;
  labelSchema: LabelSchema;
  /** Things the analyst must be told, e.g. that a damaged file was set aside and a backup restored. */
  notices: string[];
}

export interface ImportArticlesReport {
  added: ArticleSummary[];
  /** Files not added because an article with the same text already exists. */
  duplicates: { file: string; existing: string }[];
  /** Files refused, each with the reason, which names the file (and where in it); a refused file changes nothing. */
  failed: { file: string; error: string }[];
}

/** What `updateArticleText` did: each annotation's re-anchoring state (core/text/reanchor.ts). */
export interface UpdateArticleReport {
  id: string;
  /** False when the file holds the text already stored: nothing was written. */
  changed: boolean;
  counts: Record<ReanchorState, number>;
  annotations: ReanchoredAnnotation[];
}

export interface SearchHit {
  articleId: string;
  title: string;
  start: number;
  end: number;
  /** Text around the hit, for the result list. */
  before: string;
  match: string;
  after: string;
  /** In the article text, or in the note of annotation `annotationId`. */
  where: 'text' | 'note';
  annotationId?: string;
  label?: string;
}

export interface SearchResults {
  /** The first `limit` matches, in article-list order. */
  hits: SearchHit[];
  /** Every match found, listed or not. */
  total: number;
  /** True when the search stopped at its deadline, so `total` counts only the articles searched. */
  stoppedEarly: boolean;
}

/** An article in the trash: its summary and when it was deleted. */
export interface TrashedArticle extends ArticleSummary {
  trashedAt: string;
  /**
   * This copy in the trash (`<id>@<when>`): the same article deleted twice is two entries, and
   * restoreArticles takes an entry to restore exactly that one (an article id: its latest copy).
   */
  entry: string;
}

export interface ArticleResults {
  getWorkspace: WorkspaceInfo;
  listArticles: ArticleSummary[];
  getArticle: ArticleDoc;
  importArticles: ImportArticlesReport;
  applyEdit: { savedAt: string; labelSchema: LabelSchema };
  saveSettings: Settings;
  updateArticleText: UpdateArticleReport;
  searchArticles: SearchResults;
  deleteArticles: { deleted: number };
  restoreArticles: { restored: ArticleSummary[] };
  listTrash: TrashedArticle[];
  emptyTrash: { removed: number };
  renameArticle: ArticleSummary;
}
