import { ApiError } from '../../../core/api/contract';
import type { ImportArticlesReport, TrashedArticle } from '../../../core/api/articles';
import type { ArticleSummary } from '../../../core/model/article';
import { nowIso } from '../../../core/model/ids';
import { emptyTrash, listTrash, restoreArticles, trashArticles } from '../articles/article-trash';
import type { UpdateArticleReport } from '../articles/update-article';
import { WorkspaceEdits } from './workspace-edits';
import { ioError, settle } from './write-errors';

/** The articles of an open workspace: import, a newer text, rename, the trash, the seeds. */
export class WorkspaceArticles extends WorkspaceEdits {
  /** Article files (.txt, .md, .html/.htm) by name and bytes; each is added, reported a duplicate, or refused. */
  async importArticleFiles(files: { name: string; bytes: Uint8Array }[]): Promise<ImportArticlesReport> {
    this.assertWritable();
    // Loaded when first used: the Markdown and HTML readers are a start-up cost every command opening a workspace would pay.
    const { importArticles } = await import('../articles/article-import');
    return importArticles(this.parts.articles, files, nowIso(), (error) => ioError(error).message);
  }

  /** Replaces an article's text with a newer version and re-anchors its annotations (update-article.ts). */
  async updateArticleText(id: string, file: { name: string; bytes: Uint8Array }): Promise<UpdateArticleReport> {
    this.assertWritable();
    // Loaded when first used, like the importers: the text diff and the quote matcher.
    const { updateArticle } = await import('../articles/update-article');
    return updateArticle(this.parts.articles, id, file, nowIso(), (set) => settle([set()]), this.parts.settings);
  }

  /** Moves articles, with their annotations, into the workspace's trash (article-trash.ts); all or nothing. */
  async deleteArticles(ids: readonly string[]): Promise<number> {
    this.assertWritable();
    await this.exclusively(() => trashArticles(this.dir, this.parts.articles, ids));
    this.afterMove();
    return new Set(ids).size;
  }

  /** Moves articles back from the trash; all or nothing. */
  async restoreArticles(ids: readonly string[]): Promise<ArticleSummary[]> {
    this.assertWritable();
    const restored = await this.exclusively(() => restoreArticles(this.dir, this.parts.articles, ids));
    this.afterMove();
    return restored.map((id) => this.parts.articles.summary(id)!);
  }

  listTrash(): Promise<TrashedArticle[]> {
    return listTrash(this.dir);
  }

  /** Deletes the trash for good. */
  async emptyTrash(): Promise<number> {
    this.assertWritable();
    return this.exclusively(() => emptyTrash(this.dir));
  }

  /** Gives an article a new title (its text, id and annotations stay). */
  async renameArticle(id: string, title: string): Promise<ArticleSummary> {
    this.assertWritable();
    const clean = title.replace(/\s+/g, ' ').trim();
    if (!clean) throw new ApiError('invalid-argument', 'A title cannot be empty; nothing was changed.');
    await this.gate;
    const file = await this.parts.articles.load(id);
    if (file.value.article.title !== clean) await settle([file.set({ ...file.value, article: { ...file.value.article, title: clean } })]);
    return this.parts.articles.summary(id)!;
  }

  /** After articles moved in or out: the index cache is rewritten, and the mention index rebuilt when next needed. */
  private afterMove(): void {
    this.mentions = null;
    this.articleSaved();
  }

  /** @internal Fills a new workspace with the seed articles. */
  async addSeeds(seedsDir: string): Promise<void> {
    const { readSeeds } = await import('../articles/article-import');
    const files = await readSeeds(seedsDir);
    if (files.length === 0) {
      this.parts.recovery.notices.push(`No seed articles were found in ${seedsDir}; the new workspace starts empty.`);
      return;
    }
    const report = await this.importArticleFiles(files);
    for (const f of report.failed) this.parts.recovery.notices.push(`A seed article could not be added: ${f.error}`);
    await this.flush();
  }
}
