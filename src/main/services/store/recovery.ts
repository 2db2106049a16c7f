import { existsSync } from 'node:fs';
import { link, mkdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import type { Backups } from './backups';
import { codeOf } from './durable-write';
import { SCHEMA_VERSION } from './file-formats';
import { readStoredJson, StoredFile, type StoredFileSpec } from './stored-file';

/**
 * Loading a stored file so that damage never spreads: a file that is truncated, NUL-filled, not
 * UTF-8, not JSON or not valid for its schema is MOVED ASIDE to `damaged/` (never overwritten,
 * never deleted), the newest backup that is itself valid takes its place, and the analyst gets a
 * notice saying what happened and where the damaged copy is.
 */

export interface RecoveryContext {
  mode: 'write' | 'read';
  backups: Backups;
  /** Messages for the analyst (WorkspaceInfo.notices). */
  notices: string[];
  /** Files found in an older format (upgraded on disk in write mode), for one summary notice. */
  migrated: string[];
}

export type Recovered<T> =
  | { state: 'ok'; file: StoredFile<T>; fromVersion: number; restored: boolean }
  | { state: 'missing' }
  | { state: 'lost'; problem: string; movedTo: string | null };

/** `rebuildable`: the file is a cache rebuilt from the others (the index), so no backup is restored. */
export async function loadWithRecovery<T>(spec: StoredFileSpec<T>, ctx: RecoveryContext, options: { rebuildable?: boolean } = {}): Promise<Recovered<T>> {
  const loaded = await StoredFile.load(spec);
  if (loaded.state === 'ok') {
    ctx.notices.push(...loaded.file.journalNotices);
    if (loaded.fromVersion < SCHEMA_VERSION) await upgrade(spec, loaded.file, loaded.fromVersion, ctx);
    return { ...loaded, restored: false };
  }
  if (loaded.state === 'missing') return loaded;
  if (loaded.state === 'too-new') throw new ApiError('io', `${join(spec.workspaceDir, spec.relPath)} ${loaded.problem}.`);

  const movedTo = ctx.mode === 'write' ? await moveAside(spec.workspaceDir, spec.relPath) : null;
  const what = `${spec.relPath} was damaged (it ${loaded.problem})`;
  if (options.rebuildable) return { state: 'lost', problem: `${what}${movedTo ? ` and was moved to ${movedTo}` : ''}`, movedTo };
  for (const copy of await ctx.backups.list(spec.relPath)) {
    const backup = await readStoredJson(copy.path, spec.codec);
    if (backup.state !== 'ok') continue;
    const file = StoredFile.create(spec, backup.value);
    const when = copy.writtenAt.toISOString();
    if (movedTo) {
      await file.set(backup.value);
      ctx.notices.push(`${what}. It was moved to ${movedTo} and its backup from ${when} was restored; changes made after that time are lost.`);
    } else {
      ctx.notices.push(`${what}. Showing its backup from ${when}; open the workspace in Lede to repair the file.`);
    }
    return { state: 'ok', file, fromVersion: backup.fromVersion, restored: true };
  }
  return { state: 'lost', problem: `${what}${movedTo ? ` and was moved to ${movedTo}` : ''}. No usable backup of it exists`, movedTo };
}

/**
 * Rewrites a file found in an older format in the current one, keeping the original beside the
 * backups as `<name>.v<old format>` (a hard link: the rewrite replaces the file, never edits it).
 * In read mode nothing is written; the file is upgraded the next time Lede opens the workspace.
 */
async function upgrade<T>(spec: StoredFileSpec<T>, file: StoredFile<T>, fromVersion: number, ctx: RecoveryContext): Promise<void> {
  ctx.migrated.push(spec.relPath);
  if (ctx.mode !== 'write') return;
  const original = join(spec.workspaceDir, 'backups', `${spec.relPath}.v${fromVersion}`);
  await mkdir(dirname(original), { recursive: true });
  await link(file.path, original).catch((error: unknown) => {
    if (codeOf(error) !== 'EEXIST') throw error;
  });
  await file.rewrite();
}

/**
 * Moves a damaged file to `damaged/<path with / as __>.<timestamp>`. A hard link to a free name
 * then an unlink, so an earlier damaged copy is never overwritten (rename would replace it).
 */
export async function moveAside(workspaceDir: string, relPath: string): Promise<string> {
  const source = join(workspaceDir, relPath);
  const folder = join(workspaceDir, 'damaged');
  await mkdir(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = `${relPath.replace(/[\\/]/g, '__')}.${stamp}`;
  for (let n = 1; n < 1000; n++) {
    const target = join(folder, n === 1 ? base : `${base}-${n}`);
    try {
      await link(source, target);
      await unlink(source);
      return target;
    } catch (error) {
      if (codeOf(error) === 'EEXIST') continue;
      if (codeOf(error) === 'EPERM' || codeOf(error) === 'ENOTSUP' || codeOf(error) === 'EISDIR') {
        // File systems without hard links: rename to a free name instead.
        if (existsSync(target)) continue;
        await rename(source, target);
        return target;
      }
      throw new ApiError('io', `Could not move the damaged file ${source} aside: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new ApiError('io', `Could not find a free name in ${folder} for the damaged file ${source}.`);
}
