import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../core/api/contract';
import type { ArticleSummary } from '../../core/model/article';
import type { ArticleDoc } from '../../core/model/document';
import { compareSummaries, summaryOf, type IndexEntry } from './articles/article-index';
import { articleFileCodec } from './article-file-codec';
import type { FileStamp } from './store/file-formats';
import { codeOf } from './store/durable-write';
import { loadWithRecovery, moveAside, type RecoveryContext } from './store/recovery';
import { inPool } from './store/pool';
import { articleJournal } from './store/article-journal';
import { StoredFile, type StoredFileSpec } from './store/stored-file';

export { inPool };

export const ARTICLES_DIR = 'articles';

/** One article's file in the workspace: its current document, written durably by `set`. */
export type ArticleFile = StoredFile<ArticleDoc>;

/** An article file as another thread reads it: its path, its article's id, and the size and time Lede wrote it with. */
export interface ArticleFileToRead {
  path: string;
  id: string;
  written: FileStamp;
}

/** One article: its summary from the index cache until its file is loaded, then the file itself. */
interface Slot {
  cached: IndexEntry | null;
  file: StoredFile<ArticleDoc> | null;
  loading: Promise<StoredFile<ArticleDoc>> | null;
}

/**
 * The article files, `articles/<id>.json`, one ArticleDoc each. Which articles exist is what the
 * folder holds; documents are loaded when first needed and then kept, so an edit to one article
 * reads and writes that article's file only.
 */
export class ArticleStore {
  private readonly slots = new Map<string, Slot>();
  /**
   * Articles the scan found without a journal, not read since. Nothing else makes one while the
   * workspace is open for writing (the lock), and in read mode a journal begun after the scan
   * only holds edits made after it: either way the file alone is the article as of the scan, so
   * its first read skips looking for a journal (a thousand failed opens in an export).
   */
  private readonly noJournal = new Set<string>();

  constructor(
    private readonly workspaceDir: string,
    private readonly recovery: RecoveryContext,
    /** Told after every durable article write (to schedule the index cache). */
    private readonly onSaved: () => void,
  ) {}

  /**
   * Finds the articles in the folder. Summaries come from the index cache when the cached
   * size and mtime still match the file; any other article file is read (and repaired if needed).
   * Returns whether the cache needs rewriting.
   */
  async scan(cache: readonly IndexEntry[]): Promise<boolean> {
    const cached = new Map(cache.map((e) => [e.summary.id, e]));
    const { ids, journals } = await this.listFiles();
    const toLoad: string[] = [];
    let retimed = 0;
    // A few at a time, not one by one: every command opens the workspace, a thousand articles and more.
    const sizes = new Map<string, Stats>();
    await inPool(ids, 16, async (id) => void sizes.set(id, await stat(join(this.workspaceDir, this.relPath(id)))));
    for (const id of ids) {
      const entry = cached.get(id);
      const stats = sizes.get(id)!;
      // No journal beside it now: reading the file need not look for one (see read()).
      if (!journals.has(id)) this.noJournal.add(id);
      // Changes in a journal are not in the cached summary: such an article is read (and replayed).
      if (entry && !journals.has(id) && entry.size === stats.size && sameModificationTime(entry.mtimeMs, stats.mtimeMs)) {
        this.slots.set(id, { cached: { ...entry, mtimeMs: stats.mtimeMs }, file: null, loading: null });
        if (entry.mtimeMs !== stats.mtimeMs) retimed++;
      } else toLoad.push(id);
    }
    await inPool(toLoad, 16, async (id) => {
      this.slots.set(id, { cached: null, file: null, loading: null });
      await this.load(id).catch((error: unknown) => {
        if (!(error instanceof ApiError && error.code === 'not-found')) throw error;
      });
    });
    const present = new Set(ids);
    for (const entry of cache) {
      if (present.has(entry.summary.id)) continue;
      this.recovery.notices.push(
        `The article "${entry.summary.title}" (${entry.summary.id}) is no longer in the workspace: its file ${this.relPath(entry.summary.id)} was removed outside Lede.` +
          ` Backups of it, if any, are in ${join(this.workspaceDir, 'backups', ARTICLES_DIR)}.`,
      );
    }
    return toLoad.length > 0 || retimed > 0 || cache.length !== this.slots.size;
  }

  get count(): number {
    return this.slots.size;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  summary(id: string): ArticleSummary | undefined {
    const slot = this.slots.get(id);
    if (!slot) return undefined;
    return slot.file ? summaryOf(slot.file.value) : slot.cached?.summary;
  }

  summaries(): ArticleSummary[] {
    return [...this.slots.keys()].map((id) => this.summary(id)!).sort(compareSummaries);
  }

  /** The article's file, loaded (and repaired from a backup if damaged) on first use. */
  async load(id: string): Promise<StoredFile<ArticleDoc>> {
    const slot = this.slots.get(id);
    if (!slot) throw new ApiError('not-found', `There is no article ${id} in this workspace.`);
    if (slot.file) return slot.file;
    slot.loading ??= this.read(id).finally(() => (slot.loading = null));
    return slot.loading;
  }

  /**
   * The article's document for a pass that reads each article once (the agreement figures over a
   * workspace): in a workspace opened read-only, a file that reads cleanly is not kept, so such a
   * pass does not hold a thousand documents (and the collector does not keep tracing them). A
   * document already loaded is the one returned; a file restored from a backup or with a journal
   * notice is kept like load() keeps it, so its notice is given once.
   */
  async readOnce(id: string): Promise<ArticleDoc> {
    const slot = this.slots.get(id);
    if (!slot || slot.file || slot.loading || this.recovery.mode === 'write') return (await this.load(id)).value;
    return (await this.read(id, { keep: false })).value;
  }

  /**
   * Where another thread can read an article on its own, as readOnce would: in a workspace opened
   * read-only, an article not loaded here, with the size and time the index cache recorded and
   * no journal at the scan (so the file alone is the article, see `noJournal`). Null for any
   * other: it is read here (readOnce), with repair from backups, journals and their notices.
   * A file the other thread cannot read cleanly (damaged, another format) is handed back to readOnce.
   */
  fileToReadOnce(id: string): ArticleFileToRead | null {
    const slot = this.slots.get(id);
    if (this.recovery.mode === 'write' || !slot || slot.file || slot.loading || !slot.cached || !this.noJournal.has(id)) return null;
    return { path: join(this.workspaceDir, this.relPath(id)), id, written: { size: slot.cached.size, mtimeMs: slot.cached.mtimeMs } };
  }

  /** Every document (for search, or a label schema check), read a few files at a time. */
  async loadAll(): Promise<ArticleDoc[]> {
    const docs: ArticleDoc[] = [];
    await inPool([...this.slots.keys()], 16, async (id) => {
      try {
        docs.push((await this.load(id)).value);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'not-found')) throw error;
      }
    });
    return docs;
  }

  /** Adds a new article and resolves when its file is durable; on failure it is not added. */
  async add(doc: ArticleDoc): Promise<void> {
    const id = doc.article.id;
    if (this.slots.has(id)) throw new ApiError('conflict', `The article ${id} already exists.`);
    const file = StoredFile.create(this.spec(id), doc);
    this.slots.set(id, { cached: null, file, loading: null });
    try {
      await file.set(doc);
    } catch (error) {
      this.slots.delete(id);
      throw error;
    }
  }

  /** A file for a new article, not yet in the store: written by a transaction, then adopted. */
  newFile(doc: ArticleDoc): StoredFile<ArticleDoc> {
    if (this.slots.has(doc.article.id)) throw new ApiError('conflict', `The article ${doc.article.id} already exists.`);
    return StoredFile.create(this.spec(doc.article.id), doc);
  }

  /** Adds a new article whose file a transaction has made durable. */
  adopt(file: StoredFile<ArticleDoc>): void {
    this.slots.set(file.value.article.id, { cached: null, file, loading: null });
  }

  /** Index entries for every article, from what is durable on disk (never from unsaved state). */
  indexEntries(): IndexEntry[] {
    const entries: IndexEntry[] = [];
    for (const slot of this.slots.values()) {
      if (slot.file?.durableStats) {
        const { size, mtimeMs } = slot.file.durableStats;
        entries.push({ summary: summaryOf(slot.file.durable), size, mtimeMs });
      } else if (slot.cached) entries.push(slot.cached);
    }
    return entries;
  }

  /** Forgets an article whose file has been moved away (to the trash). */
  detach(id: string): void {
    this.slots.delete(id);
  }

  /** Takes in an article whose file has been moved (back) into the folder, and reads it. */
  async attach(id: string): Promise<StoredFile<ArticleDoc>> {
    if (this.slots.has(id)) throw new ApiError('conflict', `The article ${id} already exists.`);
    this.slots.set(id, { cached: null, file: null, loading: null });
    return this.load(id);
  }

  loadedFiles(): StoredFile<ArticleDoc>[] {
    return [...this.slots.values()].flatMap((s) => (s.file ? [s.file] : []));
  }

  relPath(id: string): string {
    return `${ARTICLES_DIR}/${id}.json`;
  }

  /** `keep: false`: a clean read is not kept in the slot (readOnce), nor does it use up the scan's word on the journal. */
  private async read(id: string, options: { keep: boolean } = { keep: true }): Promise<StoredFile<ArticleDoc>> {
    // The file as the index cache knows it (Lede wrote it, validated): see written-article.ts.
    const cached = this.slots.get(id)?.cached;
    const noJournal = options.keep ? this.noJournal.delete(id) : this.noJournal.has(id);
    const notices = this.recovery.notices.length;
    const result = await loadWithRecovery(this.spec(id, cached ? { size: cached.size, mtimeMs: cached.mtimeMs } : null, noJournal), this.recovery);
    const slot = this.slots.get(id);
    if (result.state === 'ok' && slot) {
      const clean = !result.restored && this.recovery.notices.length === notices;
      if (options.keep || !clean) {
        slot.file = result.file;
        return result.file;
      }
      return slot.file ?? result.file;
    }
    this.slots.delete(id);
    if (result.state === 'lost') {
      this.recovery.notices.push(`${result.problem}: the article ${id} and its annotations are lost.`);
      throw new ApiError('not-found', `The article ${id} could not be read: ${result.problem}.`);
    }
    throw new ApiError('not-found', `There is no article ${id} in this workspace.`);
  }

  private spec(id: string, written: FileStamp | null = null, noJournal = false): StoredFileSpec<ArticleDoc> {
    return {
      workspaceDir: this.workspaceDir,
      relPath: this.relPath(id),
      codec: articleFileCodec(id, written),
      backups: this.recovery.mode === 'write' ? this.recovery.backups : null,
      onSaved: this.onSaved,
      // The backups are read in read mode too: they tell a journal already folded into its file from a foreign one.
      journal: { codec: articleJournal, readOnly: this.recovery.mode !== 'write', backups: this.recovery.backups, ...(noJournal ? { absent: true } : {}) },
    };
  }

  private async listFiles(): Promise<{ ids: string[]; journals: Set<string> }> {
    let entries: Dirent[];
    try {
      entries = await readdir(join(this.workspaceDir, ARTICLES_DIR), { withFileTypes: true });
    } catch (error) {
      // ENOTDIR: `articles` is a file; workspace-open sets it aside in write mode.
      if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return { ids: [], journals: new Set() };
      throw error;
    }
    const ids: string[] = [];
    const journals = new Set<string>();
    for (const entry of entries) {
      if (entry.name.endsWith('.journal') && entry.isFile()) journals.add(entry.name.slice(0, -'.journal'.length));
      if (!entry.name.endsWith('.json') || entry.name.startsWith('.')) continue;
      // A folder or a link named like an article file is not one: one stray entry never blocks the rest.
      if (!entry.isFile()) {
        await this.strayEntry(`${ARTICLES_DIR}/${entry.name}`, entry.isDirectory() ? 'a folder' : 'not a regular file');
        continue;
      }
      ids.push(entry.name.slice(0, -'.json'.length));
    }
    return { ids: ids.sort(), journals };
  }

  private async strayEntry(relPath: string, what: string): Promise<void> {
    if (this.recovery.mode === 'write') {
      const movedTo = await moveAside(this.workspaceDir, relPath);
      this.recovery.notices.push(`${relPath} is ${what}, not an article file; it was moved to ${movedTo} and the other articles were opened.`);
    } else this.recovery.notices.push(`${relPath} is ${what}, not an article file; it was skipped (open the workspace in Lede to set it aside).`);
  }
}

/**
 * Whether a file's modification time is the cached one, or the cached one as a copying tool
 * rounds it: many backup and sync tools keep only whole seconds (or two, on FAT), milliseconds or
 * microseconds. A write by Lede on the same file system gives a new time with a fraction that
 * rounds to none of these, so a changed file is still re-read. A tool that sets the rounded time
 * as floating-point seconds (Node's own `cpSync` with `preserveTimestamps`, through libuv) lands
 * up to a microsecond off it (…539.999 ms for …540), so a match is within 2 µs.
 */
/** How far from a rounded time a copy's time may land (see sameModificationTime). */
const ROUNDING_SLACK_MS = 0.002;

export function sameModificationTime(cachedMs: number, actualMs: number): boolean {
  if (cachedMs === actualMs) return true;
  // A time on whole seconds came from a coarse file system, where a later write by Lede may land
  // on a neighbouring step: only an exact match counts there.
  if (Number.isInteger(cachedMs / 1000)) return false;
  for (const grain of [0.001, 1, 1000, 2000]) {
    const steps = cachedMs / grain;
    for (const rounded of [Math.floor(steps), Math.round(steps), Math.ceil(steps)]) if (Math.abs(rounded * grain - actualMs) < ROUNDING_SLACK_MS) return true;
  }
  return false;
}
