import { ApiError } from '../../../core/api/contract';
import type { WorkspaceInfo } from '../../../core/api/articles';
import type { ArticleSummary } from '../../../core/model/article';
import type { ArticleDoc } from '../../../core/model/document';
import type { LabelSchema } from '../../../core/model/label-schema';
import { SettingsSchema, type Settings } from '../../../core/model/settings';
import { withRejections } from '../../../core/edits/rejections';
import type { ArticleFileToRead } from '../article-store';
import { ArticleSearcher } from '../search-worker/searcher';
import type { WorkspaceParts } from './workspace-open';
import { settle } from './write-errors';

/** How long the index cache waits after the last save before it is rewritten (off the save path). */
export const INDEX_DELAY_MS = 1000;

/**
 * What every part of an open workspace stands on (index.ts composes the parts into Workspace):
 * the parts loaded at open (workspace-open.ts), the lock and the notices, settings, the gate that
 * orders exclusive work before edits, and the durable flush and close.
 */
export class WorkspaceBase {
  readonly dir: string;
  readonly readOnly: boolean;
  private indexTimer: NodeJS.Timeout | null = null;
  private indexDirty = false;
  private closed = false;
  /** Settles when the running transaction (an import's putDocs) has committed or failed. */
  protected gate: Promise<void> = Promise.resolve();
  /** This workspace's search thread: a newer search cancels an older one still running. */
  protected readonly searcher = new ArticleSearcher();

  constructor(protected readonly parts: WorkspaceParts) {
    this.dir = parts.dir;
    this.readOnly = parts.readOnly;
    this.indexDirty = parts.indexStale;
  }

  /** Whether this open created the workspace (the folder held none). */
  get created(): boolean {
    return this.parts.isNew;
  }

  info(): WorkspaceInfo {
    return {
      path: this.dir,
      articleCount: this.parts.articles.count,
      settings: this.settings(),
      labelSchema: this.labelSchema(),
      notices: [...this.parts.recovery.notices, ...this.parts.recovery.backups.problems],
    };
  }

  async listArticles(): Promise<ArticleSummary[]> {
    return this.parts.articles.summaries();
  }

  /** The current document. Treat it as immutable: edits go through applyEdit. */
  async getDoc(id: string): Promise<ArticleDoc> {
    return (await this.parts.articles.load(id)).value;
  }

  /** The current document, for a pass reading each article once: not kept in a read-only workspace (ArticleStore.readOnce). */
  async getDocOnce(id: string): Promise<ArticleDoc> {
    return this.parts.articles.readOnce(id);
  }

  /** Where another thread may read the article as getDocOnce would, or null: read it with getDocOnce (ArticleStore.fileToReadOnce). */
  fileToReadOnce(id: string): ArticleFileToRead | null {
    return this.parts.articles.fileToReadOnce(id);
  }

  labelSchema(): LabelSchema {
    return this.parts.labelSchema.value;
  }

  settings(): Settings {
    return this.parts.settings.value;
  }

  /**
   * Saves the analyst's preferences. Rejected suggestions are not among them: they change only
   * by edits (applyEdit, so they can be undone) and "Update text", so the stored ones are kept
   * whatever the caller sends — a window with an older copy cannot wipe another's rejections.
   */
  async saveSettings(settings: Settings): Promise<Settings> {
    this.assertWritable();
    const parsed = SettingsSchema.safeParse(settings);
    if (!parsed.success)
      throw new ApiError(
        'invalid-argument',
        'These settings are not valid.',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    await settle([this.parts.settings.set(withRejections(parsed.data, this.settings().rejectedSuggestions ?? {}))]);
    return this.settings();
  }

  /** Runs `work` when no other exclusive work runs; edits wait for it (see applyEdit). */
  protected exclusively<T>(work: () => Promise<T>): Promise<T> {
    const run = this.gate.then(work);
    this.gate = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Resolves when every pending write, the index cache included, is durable. */
  async flush(): Promise<void> {
    await this.gate;
    const files = [this.parts.settings, this.parts.labelSchema, this.parts.actors, ...this.parts.articles.loadedFiles()];
    await Promise.all(files.map((f) => f.idle()));
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    if (this.indexDirty && !this.readOnly) {
      this.indexDirty = false;
      await this.parts.index.set({ createdAt: this.parts.index.value.createdAt, articles: this.parts.articles.indexEntries() }).catch(() => {
        this.indexDirty = true; // a cache: failing to write it loses nothing, it is retried later
      });
    }
    await this.parts.index.idle();
  }

  /** Flushes, then releases the lock. The workspace cannot be changed afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    // Journals folded into their article files, so a closed workspace is whole files only.
    if (!this.readOnly) await Promise.all(this.parts.articles.loadedFiles().map((f) => f.compact().catch(() => undefined)));
    await this.flush();
    this.closed = true;
    await this.searcher.close();
    await this.parts.lock?.release();
  }

  /** @internal Called after each durable article write: the index cache is rewritten later. */
  articleSaved(): void {
    this.indexDirty = true;
    if (this.readOnly || this.indexTimer) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = null;
      void this.flush();
    }, INDEX_DELAY_MS);
    this.indexTimer.unref?.();
  }

  protected assertWritable(): void {
    if (this.closed) throw new ApiError('io', `The workspace ${this.dir} has been closed.`);
    if (this.readOnly) throw new ApiError('io', `The workspace ${this.dir} was opened read-only; nothing was changed.`);
  }
}
