import { join } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import type { ImportArticlesReport, SearchResults, TrashedArticle, WorkspaceInfo } from '../../../core/api/articles';
import { compareEntityIds, type ActorEntity, type ActorRegistry } from '../../../core/actors/entity';
import type { ActorMatcher } from '../../../core/actors/names/matcher';
import { applyEditToState, removedFromSchema } from '../../../core/edits/apply-edit';
import { articleInfoEdit, type ArticleInfoChanges } from '../../../core/edits/article-info';
import { articlesTouched, type Edit } from '../../../core/edits/commands';
import type { Article, ArticleSummary } from '../../../core/model/article';
import type { ArticleDoc } from '../../../core/model/document';
import { nowIso } from '../../../core/model/ids';
import type { LabelSchema } from '../../../core/model/label-schema';
import { formatProblem, type Problem } from '../../../core/model/result';
import { SettingsSchema, type Settings } from '../../../core/model/settings';
import { parseQuery } from '../../../core/search/article-search';
import { ArticleSearcher } from '../search-worker/searcher';
import { importArticles, readSeeds } from '../articles/article-import';
import { emptyTrash, listTrash, restoreArticles, trashArticles } from '../articles/article-trash';
import { MentionIndex, RegistryMatcher } from '../actors/actor-store';
import { appRoot } from '../paths';
import { updateArticle, type UpdateArticleReport } from '../articles/update-article';
import type { ArticleFile } from '../article-store';
import { putDocsProblems } from './put-docs-check';
import { DurableWriteError } from '../store/durable-write';
import type { StoredFile } from '../store/stored-file';
import { commitFiles } from '../store/transaction';
import { loadWorkspaceParts, type WorkspaceParts } from './workspace-open';
import { counted } from '../../../core/text/plural';

export interface OpenOptions {
  /** 'write' takes the workspace lock; 'read' never writes anything (CLI list/export while the app runs). */
  mode: 'write' | 'read';
  /** Folder of seed .txt files for a NEW workspace; default: the app's `seeds/` folder; null: start empty. */
  seedsDir?: string | null;
}

/** A search stops looking after this long, with the hits found so far (search is linear, so only a huge workspace gets here). */
export const SEARCH_DEADLINE_MS = 10_000;

/** How long the index cache waits after the last save before it is rewritten (off the save path). */
export const INDEX_DELAY_MS = 1000;

export async function openWorkspace(dir: string, options: OpenOptions): Promise<Workspace> {
  let workspace: Workspace | undefined;
  const parts = await loadWorkspaceParts(dir, options.mode, () => workspace?.articleSaved());
  workspace = new Workspace(parts);
  try {
    if (parts.isNew && options.seedsDir !== null) await workspace.addSeeds(options.seedsDir ?? join(appRoot(), 'seeds'));
    else if (parts.isNew) await workspace.flush();
    else if (parts.indexStale && !parts.readOnly) await workspace.flush();
  } catch (error) {
    await workspace.close();
    throw error;
  }
  return workspace;
}

/**
 * An open workspace: the one place the app, the browser host and the CLI read and change stored
 * data. Every change is validated first and written durably; a change that cannot be written
 * leaves memory equal to what is on disk and reports an `io` error.
 */
export class Workspace {
  readonly dir: string;
  readonly readOnly: boolean;
  private indexTimer: NodeJS.Timeout | null = null;
  private indexDirty = false;
  private closed = false;
  /** Settles when the running transaction (an import's putDocs) has committed or failed. */
  private gate: Promise<void> = Promise.resolve();
  /** This workspace's search thread: a newer search cancels an older one still running. */
  private readonly searcher = new ArticleSearcher();
  /** Built when first needed (it reads every article), then kept current by each edit. */
  private mentions: MentionIndex | null = null;
  private readonly registryMatcher = new RegistryMatcher();

  constructor(private readonly parts: WorkspaceParts) {
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

  labelSchema(): LabelSchema {
    return this.parts.labelSchema.value;
  }

  /** The actor registry. Treat it as immutable: edits go through applyEdit. */
  actors(): ActorRegistry {
    return this.parts.actors.value;
  }

  /** The name matcher over the current registry. */
  actorMatcher(): ActorMatcher {
    return this.registryMatcher.get(this.actors());
  }

  /** Which articles link each entity (reads every article the first time). */
  async mentionIndex(): Promise<MentionIndex> {
    if (!this.mentions) {
      const docs = await this.parts.articles.loadAll();
      this.mentions ??= MentionIndex.build(docs);
    }
    return this.mentions;
  }

  /** The current documents of every article that links one of `entityIds`. */
  async docsMentioning(...entityIds: string[]): Promise<ArticleDoc[]> {
    const index = await this.mentionIndex();
    return Promise.all(index.articlesOf(...entityIds).map((id) => this.getDoc(id)));
  }

  settings(): Settings {
    return this.parts.settings.value;
  }

  async saveSettings(settings: Settings): Promise<Settings> {
    this.assertWritable();
    const parsed = SettingsSchema.safeParse(settings);
    if (!parsed.success) throw new ApiError('invalid-argument', 'These settings are not valid.', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    await settle([this.parts.settings.set(parsed.data)]);
    return this.settings();
  }

  async applyEdit(edit: Edit): Promise<{ savedAt: string; labelSchema: LabelSchema }> {
    this.assertWritable();
    // An edit made while an import commits applies to what the import wrote.
    await this.gate;
    const files = new Map<string, ArticleFile>();
    for (const id of articlesTouched(edit)) files.set(id, await this.parts.articles.load(id));
    if (hasSchemaStep(edit)) await this.parts.articles.loadAll();
    const removing = removedEntityIds(edit);
    const mentions = removing.length > 0 ? await this.mentionIndex() : this.mentions;
    // From here to the writes nothing awaits, so no other edit can interleave.
    const outcome = applyEditToState(edit, { labelSchema: this.labelSchema(), docs: new Map([...files].map(([id, f]) => [id, f.value])), actors: this.actors() });
    if (!outcome.ok) throw conflict('This edit no longer applies; nothing was changed.', outcome.errors);
    const { labelSchema, schemaChanged, docs, actors, actorsChanged } = outcome.value;
    if (schemaChanged) this.assertNotInUse(removedFromSchema(this.labelSchema(), labelSchema), docs);
    if (mentions) this.assertUnmentioned(removing, actors!, docs, mentions);
    const writes = [
      ...(schemaChanged ? [this.parts.labelSchema.set(labelSchema)] : []),
      ...(actorsChanged ? [this.parts.actors.set(actors!)] : []),
      ...[...docs].map(([id, doc]) => files.get(id)!.set(doc)),
    ];
    try {
      await settle(writes);
    } finally {
      // What each file holds now (written, or put back to what is on disk after a failure).
      for (const id of docs.keys()) mentions?.update(files.get(id)!.value);
      if (actorsChanged) this.registryMatcher.sync(edit, this.actors());
    }
    return { savedAt: nowIso(), labelSchema: this.labelSchema() };
  }

  /**
   * Sets an article's title and metadata (`lede set-meta`); the renderer makes the same edit with
   * articleInfoEdit and applyEdit, so it can be undone. Returns the article as stored after.
   */
  async setArticleInfo(id: string, changes: ArticleInfoChanges): Promise<{ article: Article; changed: boolean }> {
    const { article } = await this.getDoc(id);
    const edit = articleInfoEdit(article, changes);
    if (!edit.ok) throw new ApiError('invalid-argument', `Nothing was changed: ${edit.errors.map((e) => e.message).join(' ')}`, edit.errors.map(formatProblem));
    if (!edit.value) return { article, changed: false };
    await this.applyEdit(edit.value);
    return { article: (await this.getDoc(id)).article, changed: true };
  }

  /** Article files (.txt, .md, .html/.htm) by name and bytes; each is added, reported a duplicate, or refused. */
  async importArticleFiles(files: { name: string; bytes: Uint8Array }[]): Promise<ImportArticlesReport> {
    this.assertWritable();
    return importArticles(this.parts.articles, files, nowIso(), (error) => ioError(error).message);
  }

  /** Replaces an article's text with a newer version and re-anchors its annotations (update-article.ts). */
  async updateArticleText(id: string, file: { name: string; bytes: Uint8Array }): Promise<UpdateArticleReport> {
    this.assertWritable();
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

  /**
   * Adds new articles and/or replaces the annotations and relations of existing ones, and stores
   * `labelSchema` (which may only add to the current one). Everything is validated before
   * anything is written; the label schema is written first so stored annotations never name a
   * label the schema lacks. Stored article metadata (title, source, import time) is kept.
   */
  async putDocs(docs: ArticleDoc[], labelSchema: LabelSchema, newActors: readonly ActorEntity[] = []): Promise<void> {
    this.assertWritable();
    await this.exclusively(() => this.putDocsNow(docs, labelSchema, newActors));
  }

  /**
   * `newActors` join the registry in the same transaction (an import's entities that matched none
   * of ours); every entity a document links must then be in the registry, else nothing is written.
   */
  private async putDocsNow(docs: ArticleDoc[], labelSchema: LabelSchema, newActors: readonly ActorEntity[]): Promise<void> {
    const existing = new Map<string, ArticleFile>();
    for (const doc of docs) if (this.parts.articles.has(doc.article?.id)) existing.set(doc.article.id, await this.parts.articles.load(doc.article.id));
    // Saves in flight finish first: the transaction replaces these files after them, never under them.
    await Promise.all([this.parts.labelSchema, this.parts.actors, ...existing.values()].map((f) => f.idle()));
    // Each journal folded into its file (and kept beside its backup) first: the transaction then
    // replaces a whole file whose backup holds every save before the import.
    await Promise.all([...existing.values()].map((f) => f.compact()));
    // Checked after the loads, against the schema as it is now: nothing awaits until the commit.
    const stored = new Map([...existing].map(([id, file]) => [id, file.value]));
    const actors = newActors.length ? { entities: [...this.actors().entities, ...newActors].sort(compareEntityIds) } : this.actors();
    const problems = putDocsProblems(docs, labelSchema, this.labelSchema(), stored, { registry: actors, added: newActors.length > 0 });
    if (problems.length > 0) throw new ApiError('invalid-argument', `Nothing was imported: ${counted(problems.length, 'problem was', 'problems were')} found.`, problems);
    // `validated`: a document putDocsProblems has just checked whole (schema and docProblem) is
    // not read back once more before it is written; the label schema and the registry are.
    const changes: { file: StoredFile<ArticleDoc> | StoredFile<LabelSchema> | StoredFile<ActorRegistry>; value: ArticleDoc | LabelSchema | ActorRegistry; isNew: boolean; validated: boolean }[] = [];
    if (JSON.stringify(labelSchema) !== JSON.stringify(this.labelSchema())) changes.push({ file: this.parts.labelSchema, value: labelSchema, isNew: false, validated: false });
    if (newActors.length) changes.push({ file: this.parts.actors, value: actors, isNew: false, validated: false });
    for (const doc of docs) {
      const file = existing.get(doc.article.id);
      if (file) changes.push({ file, value: { article: file.value.article, annotations: doc.annotations, relations: doc.relations }, isNew: false, validated: file.value.article === doc.article });
      else changes.push({ file: this.parts.articles.newFile(doc), value: doc, isNew: true, validated: true });
    }
    // Serialised as each is written: a thousand articles' text is never held at once.
    const writes = changes.map(({ file, value, validated }) => ({ relPath: file.spec.relPath, data: () => (file as StoredFile<typeof value>).serialize(value, { validated }) }));
    // All or nothing, even through a crash or a full disk (store/transaction.ts).
    const written = await commitFiles(this.dir, writes, this.parts.recovery.backups);
    for (const { file, value, isNew } of changes) {
      const { stats, hash } = written.get(file.spec.relPath)!;
      (file as StoredFile<typeof value>).adopt(value, stats, hash);
      if (isNew) this.parts.articles.adopt(file as StoredFile<ArticleDoc>);
    }
    this.registryMatcher.add(newActors);
    // Imported spans may link entities: the mention index is rebuilt when next needed.
    this.mentions = null;
  }

  /** Runs `work` when no other exclusive work runs; edits wait for it (see applyEdit). */
  private exclusively<T>(work: () => Promise<T>): Promise<T> {
    const run = this.gate.then(work);
    this.gate = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * Search of every article's text and notes (src/core/search/article-search), in article-list
   * order: the first `limit` matches, and how many there are in all.
   */
  async search(query: string, limit = 100, label?: string): Promise<SearchResults> {
    await this.parts.articles.loadAll();
    // On the search thread (search-worker/), fed the articles this workspace holds; its deadline
    // is enforced there per chunk of text, and a newer search cancels this one.
    const articles = this.parts.articles.summaries().map(({ id, title }) => ({ id, title }));
    return this.searcher.search({ articles, load: (id) => this.getDoc(id) }, parseQuery(query), { label, limit, deadlineMs: SEARCH_DEADLINE_MS });
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

  /** @internal Fills a new workspace with the seed articles. */
  async addSeeds(seedsDir: string): Promise<void> {
    const files = await readSeeds(seedsDir);
    if (files.length === 0) {
      this.parts.recovery.notices.push(`No seed articles were found in ${seedsDir}; the new workspace starts empty.`);
      return;
    }
    const report = await this.importArticleFiles(files);
    for (const f of report.failed) this.parts.recovery.notices.push(`A seed article could not be added: ${f.error}`);
    await this.flush();
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

  private assertWritable(): void {
    if (this.closed) throw new ApiError('io', `The workspace ${this.dir} has been closed.`);
    if (this.readOnly) throw new ApiError('io', `The workspace ${this.dir} was opened read-only; nothing was changed.`);
  }

  /** An entity may leave the registry only when no span links it any more (else the link would dangle). */
  private assertUnmentioned(removing: string[], actors: ActorRegistry, changed: ReadonlyMap<string, ArticleDoc>, mentions: MentionIndex): void {
    const gone = removing.filter((id) => !actors.entities.some((e) => e.id === id));
    if (gone.length === 0) return;
    const still = new Set(gone);
    for (const articleId of mentions.articlesOf(...gone)) {
      const doc = changed.get(articleId) ?? this.parts.articles.loadedFiles().find((f) => f.value.article.id === articleId)?.value;
      const uses = doc?.annotations.filter((a) => a.entity !== undefined && still.has(a.entity)).length ?? 0;
      if (uses > 0) throw new ApiError('conflict', `This actor cannot be removed: ${uses} span(s) in "${doc!.article.title}" still link to it. Nothing was changed.`);
    }
  }

  private assertNotInUse(removed: { labels: string[]; relationTypes: string[] }, changed: ReadonlyMap<string, ArticleDoc>): void {
    if (removed.labels.length === 0 && removed.relationTypes.length === 0) return;
    const labels = new Set(removed.labels);
    const types = new Set(removed.relationTypes);
    let uses = 0;
    for (const file of this.parts.articles.loadedFiles()) {
      const doc = changed.get(file.value.article.id) ?? file.value;
      uses += doc.annotations.filter((a) => labels.has(a.label)).length + doc.relations.filter((r) => types.has(r.type)).length;
    }
    if (uses > 0) {
      const names = [...removed.labels, ...removed.relationTypes].join(', ');
      throw new ApiError('conflict', `${names} cannot be removed from the label schema: ${uses === 1 ? 'an annotation or link still uses' : `${uses} annotations or links still use`} it. Nothing was changed.`);
    }
  }
}

function hasSchemaStep(edit: Edit): boolean {
  return edit.kind === 'schema' || (edit.kind === 'batch' && edit.edits.some(hasSchemaStep));
}

/** Entities an edit takes out of the registry (a remove step; an insert undone is a remove too). */
function removedEntityIds(edit: Edit): string[] {
  if (edit.kind === 'batch') return edit.edits.flatMap(removedEntityIds);
  return edit.kind === 'actors' && edit.command.op === 'remove' ? edit.command.entities.map((e) => e.id) : [];
}

function conflict(message: string, problems: Problem[]): ApiError {
  return new ApiError('conflict', `${message} ${formatProblem(problems[0]!)}`, problems.map(formatProblem));
}

/** Waits for every write; if any failed, reports an io error (each file is then as it is on disk). */
async function settle(writes: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(writes);
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length === 0) return;
  const error = ioError(failures[0]);
  if (failures.length < results.length) throw new ApiError('io', `${error.message} (${results.length - failures.length} of ${counted(results.length, 'file was', 'files were')} saved)`, error.details);
  throw error;
}

function ioError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DurableWriteError) return new ApiError('io', `${error.message}. The change was not saved.`);
  return new ApiError('io', `Could not save: ${error instanceof Error ? error.message : String(error)}`);
}
