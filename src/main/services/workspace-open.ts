import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ApiError } from '../../core/api/contract';
import { extendSchema, defaultLabelSchema, type LabelSchema } from '../../core/model/label-schema';
import { DEFAULT_SETTINGS, type Settings } from '../../core/model/settings';
import type { ActorRegistry } from '../../core/actors/entity';
import { ACTORS_FILE, actorsCodec, emptyRegistry } from './actor-store';
import { INDEX_FILE, indexCodec, type IndexData } from './article-index';
import { ARTICLES_DIR, ArticleStore } from './article-store';
import { Backups } from './store/backups';
import { codeOf, isLeftoverTemp } from './store/durable-write';
import { labelSchemaCodec, settingsCodec, type FileCodec } from './store/file-formats';
import { LOCK_FILE, processAlive, WorkspaceLock } from './store/lock';
import { loadWithRecovery, type RecoveryContext } from './store/recovery';
import { StoredFile, type StoredFileSpec } from './store/stored-file';

export const SETTINGS_FILE = 'settings.json';
export const LABEL_SCHEMA_FILE = 'label-schema.json';

/** Everything an open workspace is made of; workspace.ts wraps it in the public Workspace. */
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
    throw new ApiError('invalid-argument', `${dir} is not a Lede workspace and is not empty. Choose an empty folder (or a new one) for a new workspace, or an existing workspace.`);
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
      await mkdir(join(dir, ARTICLES_DIR), { recursive: true });
    }
    const recovery: RecoveryContext = { mode, backups: new Backups(dir), notices: [], migrated: [] };
    const spec = <T>(relPath: string, codec: FileCodec<T>): StoredFileSpec<T> => ({
      workspaceDir: dir,
      relPath,
      codec,
      backups: mode === 'write' ? recovery.backups : null,
    });
    const settings = await loadOrCreate(spec(SETTINGS_FILE, settingsCodec), recovery, () => ({ ...DEFAULT_SETTINGS }), 'The settings were reset to their defaults.');
    const index = await loadOrCreate(spec(INDEX_FILE, indexCodec), recovery, () => ({ createdAt: new Date().toISOString(), articles: [] }), 'The index was rebuilt from the article files; no annotation is lost.');
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
          ? `${recovery.migrated.length} file(s) were upgraded from an older Lede format; the originals are kept in ${join(dir, 'backups')} with the suffix .v0.`
          : `${recovery.migrated.length} file(s) are in an older Lede format; they will be upgraded when the workspace is opened in Lede.`,
      );
    }
    return { dir, readOnly: mode === 'read', lock, recovery, settings, labelSchema, actors, index, articles, isNew: state !== 'workspace', indexStale };
  } catch (error) {
    await lock?.release().catch(() => undefined);
    throw error;
  }
}

/** Loads a small file, repairing it from a backup if damaged, or creates it (written in write mode). */
async function loadOrCreate<T>(spec: StoredFileSpec<T>, recovery: RecoveryContext, initial: () => T | Promise<T>, whenLost: string): Promise<StoredFile<T>> {
  const result = await loadWithRecovery(spec, recovery);
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

/** Temp files of writes a crash interrupted: incomplete by definition, their targets are intact. */
async function removeLeftoverTemps(dir: string): Promise<void> {
  for (const folder of [dir, join(dir, ARTICLES_DIR)]) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') continue;
      throw error;
    }
    for (const name of names) {
      const lockTemp = /^lede\.lock\.(?:stale\.)?(\d+)\./.exec(name);
      const stale = lockTemp ? !processAlive(Number(lockTemp[1])) : isLeftoverTemp(name);
      if (stale) await unlink(join(folder, name)).catch(() => undefined);
    }
  }
}
