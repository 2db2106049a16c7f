import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import { extendSchema, defaultLabelSchema, type LabelSchema } from '../../../core/model/label-schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/model/settings';
import type { ActorRegistry } from '../../../core/actors/entity';
import { ACTORS_FILE, actorsCodec, emptyRegistry } from '../actors/actor-store';
import { INDEX_FILE, indexCodec, type IndexData } from '../articles/article-index';
import { ARTICLES_DIR, ArticleStore } from '../article-store';
import { Backups } from '../store/backups';
import { codeOf, DurableWriteError, isLeftoverTemp } from '../store/durable-write';
import { labelSchemaCodec, settingsCodec, type FileCodec } from '../store/file-formats';
import { cannotWriteError, isDeadLockLeftover, LOCK_FILE, WorkspaceLock } from '../store/lock';
import { loadWithRecovery, moveAside, type RecoveryContext } from '../store/recovery';
import { StoredFile, type StoredFileSpec } from '../store/stored-file';
import { recoverJournal } from '../store/transaction';
import { counted } from '../../../core/text/plural';

export const SETTINGS_FILE = 'settings.json';
export const LABEL_SCHEMA_FILE = 'label-schema.json';

/** Everything an open workspace is made of; index.ts wraps it in the public Workspace. */
export interface WorkspaceParts {
  dir: string;
  readOnly: boolean;
  lock: WorkspaceLock | null;
  recovery: RecoveryContext;
  settings: StoredFile<Settings>;
  labelSchema: StoredFile<LabelSchema>;
  /** The actor registry (`actors.json`), shared by every article. */
  actors: StoredFile<ActorRegistry>;
  index: StoredFile<IndexData>;
  articles: ArticleStore;
  /** True for a folder that had no workspace yet (it is then filled with the seeds). */
  isNew: boolean;
  /** True when the index cache no longer matches the article files. */
  indexStale: boolean;
}

type FolderState = 'missing' | 'empty' | 'workspace' | 'foreign';

/** Opens (creating if new) the workspace in `dir`; the lock is taken first in write mode. */
export async function loadWorkspaceParts(dirArg: string, mode: 'write' | 'read', onArticleSaved: () => void): Promise<WorkspaceParts> {
  const dir = resolve(dirArg);
  const state = await inspectFolder(dir);
  if (mode === 'read' && state !== 'workspace') throw new ApiError('not-found', `There is no Lede workspace in ${dir} yet.`);
  if (state === 'foreign') {
    throw new ApiError(
      'invalid-argument',
      `${dir} is not a Lede workspace and is not empty. Choose an empty folder (or a new one) for a new workspace, or an existing workspace.`,
    );
  }
  if (state === 'missing') {
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new ApiError('io', `Cannot create the workspace folder ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const lock = mode === 'write' ? await WorkspaceLock.acquire(dir) : null;
  try {
    if (mode === 'write') {
      await removeLeftoverTemps(dir);
    }
    const recovery: RecoveryContext = { mode, backups: new Backups(dir), notices: [], migrated: [] };
    await ensureArticlesFolder(dir, recovery);
    // Before any file is read: a change a crash interrupted is completed or discarded whole.
    recovery.notices.push(...(await recoverJournal(dir, mode, mode === 'write' ? recovery.backups : null)));
    const spec = <T>(relPath: string, codec: FileCodec<T>): StoredFileSpec<T> => ({
      workspaceDir: dir,
      relPath,
      codec,
      backups: mode === 'write' ? recovery.backups : null,
    });
    const settings = await loadOrCreate(
      spec(SETTINGS_FILE, settingsCodec),
      recovery,
      () => ({ ...DEFAULT_SETTINGS }),
      'The settings were reset to their defaults.',
    );
    // Only a cache: a damaged one is rebuilt from the article files, never restored from a backup.
    const index = await loadOrCreate(
      spec(INDEX_FILE, indexCodec),
      recovery,
      () => ({ createdAt: new Date().toISOString(), articles: [] }),
      'It is only a cache of the article list: it was rebuilt from the article files, and nothing is lost.',
      { rebuildable: true },
    );
    const articles = new ArticleStore(dir, recovery, onArticleSaved);
    const indexStale = await articles.scan(index.value.articles);
    const labelSchema = await loadOrCreate(
      spec(LABEL_SCHEMA_FILE, labelSchemaCodec),
      recovery,
      async () => (state === 'workspace' ? schemaFromUse(await articles.loadAll()) : defaultLabelSchema()),
      'The label schema was rebuilt: the default labels plus every label the annotations use (names and colours of added labels are new).',
    );
    const actors = await loadOrCreate(
      spec(ACTORS_FILE, actorsCodec),
      recovery,
      emptyRegistry,
      'The actor registry starts empty again: spans keep the entity ids they were linked to, but the names of those actors are lost.',
    );
    if (recovery.migrated.length > 0) {
      recovery.notices.push(
        mode === 'write'
          ? `${counted(recovery.migrated.length, 'file')} ${recovery.migrated.length === 1 ? 'was' : 'were'} upgraded from an older Lede format; the originals are kept in ${join(dir, 'backups')} with the suffix .v0.`
          : `${counted(recovery.migrated.length, 'file')} ${recovery.migrated.length === 1 ? 'is in an older Lede format; it' : 'are in an older Lede format; they'} will be upgraded when the workspace is opened in Lede.`,
      );
    }
    return { dir, readOnly: mode === 'read', lock, recovery, settings, labelSchema, actors, index, articles, isNew: state !== 'workspace', indexStale };
  } catch (error) {
    await lock?.release().catch(() => undefined);
    const code = error instanceof DurableWriteError ? error.code : codeOf(error);
    if (mode === 'write' && code && UNWRITABLE.has(code)) throw cannotWriteError(dir, error);
    throw error;
  }
}

const UNWRITABLE = new Set(['EROFS', 'ENOSPC', 'EDQUOT', 'EACCES', 'EPERM']);

/** Loads a small file, repairing it from a backup if damaged, or creates it (written in write mode). */
async function loadOrCreate<T>(
  spec: StoredFileSpec<T>,
  recovery: RecoveryContext,
  initial: () => T | Promise<T>,
  whenLost: string,
  options: { rebuildable?: boolean } = {},
): Promise<StoredFile<T>> {
  const result = await loadWithRecovery(spec, recovery, options);
  if (result.state === 'ok') return result.file;
  if (result.state === 'lost') recovery.notices.push(`${result.problem}. ${whenLost}`);
  const value = await initial();
  const file = StoredFile.create(spec, value);
  if (recovery.mode === 'write') await file.set(value);
  return file;
}

function schemaFromUse(docs: { annotations: { label: string }[]; relations: { type: string }[] }[]): LabelSchema {
  return extendSchema(defaultLabelSchema(), {
    labels: docs.flatMap((d) => d.annotations.map((a) => ({ id: a.label }))),
    relationTypes: docs.flatMap((d) => d.relations.map((r) => r.type)),
  }).schema;
}

const MARKERS = new Set([INDEX_FILE, ARTICLES_DIR, SETTINGS_FILE, LABEL_SCHEMA_FILE, ACTORS_FILE]);

async function inspectFolder(dir: string): Promise<FolderState> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new ApiError('invalid-argument', `${dir} is a file, not a folder; a workspace is a folder.`);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return 'missing';
    throw error;
  }
  // Hidden files (.DS_Store, .git…) and a leftover lock do not make a folder someone else's.
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && n !== LOCK_FILE);
  if (names.some((n) => MARKERS.has(n))) return 'workspace';
  return names.length === 0 ? 'empty' : 'foreign';
}

/** `articles/` must be a folder: a file of that name is set aside (write mode) and the rest opens. */
async function ensureArticlesFolder(dir: string, recovery: RecoveryContext): Promise<void> {
  const path = join(dir, ARTICLES_DIR);
  const stats = await stat(path).catch((error: unknown) => {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  });
  if (stats && !stats.isDirectory()) {
    if (recovery.mode === 'read') {
      recovery.notices.push(`${path} is a file, not the articles folder; no article could be read (open the workspace in Lede to set the file aside).`);
      return;
    }
    const movedTo = await moveAside(dir, ARTICLES_DIR);
    recovery.notices.push(`${path} was a file, not the articles folder; it was moved to ${movedTo} and an empty articles folder was made.`);
  }
  if (recovery.mode === 'write') await mkdir(path, { recursive: true });
}

/** Temp files of writes a crash interrupted: incomplete by definition, their targets are intact. */
async function removeLeftoverTemps(dir: string): Promise<void> {
  // backups/articles: the journal kept beside a backup is written through a temp file too.
  for (const folder of [dir, join(dir, ARTICLES_DIR), join(dir, 'backups', ARTICLES_DIR)]) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') continue;
      throw error;
    }
    for (const name of names) {
      const stale = name.startsWith(`${LOCK_FILE}.`) ? await isDeadLockLeftover(folder, name) : isLeftoverTemp(name);
      if (stale) await unlink(join(folder, name)).catch(() => undefined);
    }
  }
}
