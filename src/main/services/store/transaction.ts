import type { Stats } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import type { Backups } from './backups';
import { codeOf, describeCode, DurableWriteError, fsyncDir, writeFileDurable } from './durable-write';
import { inPool } from './pool';

/**
 * Writing several workspace files as one change, all or nothing (an annotation import touches
 * hundreds of articles and the label schema). A redo journal under `<workspace>/.lede-journal/`:
 *  1. every new file is written durably into a private folder `<journal>/<id>/` (a full disk or a
 *     failed write here changes nothing: the folder is removed);
 *  2. the commit point: `<journal>/<id>/commit.json`, naming each staged file and its target, is
 *     written durably (a rename, so it is there whole or not at all);
 *  3. each staged file is renamed over its target (keeping a backup, as every save does), the
 *     target folders are fsynced, and the journal folder is removed.
 * A crash before 2 leaves a folder without commit.json: discarded at the next start. A crash after
 * 2 leaves a commit.json: the next start renames in whatever is still staged (a staged file that is
 * gone was already renamed), so the change is either wholly there or wholly absent.
 */

export const JOURNAL_DIR = '.lede-journal';
const COMMIT_FILE = 'commit.json';

export interface FileWrite {
  /** Path inside the workspace, with forward slashes. */
  relPath: string;
  data: string;
}

interface CommitRecord {
  files: { staged: string; target: string }[];
}

let sequence = 0;

/** Hooks for the crash tests: called between the steps above. Production code never sets it. */
let stepHook: ((step: 'staged' | 'committed' | 'renamed') => void) | null = null;
export function onTransactionStepForTests(hook: typeof stepHook): () => void {
  stepHook = hook;
  return () => void (stepHook = null);
}

/**
 * Writes `writes` as one change and resolves with each target's new stats. Throws an io ApiError;
 * when it says `committed`, the change will be completed at the next start.
 */
export async function commitFiles(workspaceDir: string, writes: readonly FileWrite[], backups: Backups | null): Promise<Map<string, Stats>> {
  const id = `${Date.now()}-${process.pid}-${++sequence}`;
  const folder = join(workspaceDir, JOURNAL_DIR, id);
  const record: CommitRecord = { files: writes.map((w, i) => ({ staged: `${i}.json`, target: w.relPath })) };
  const stats = new Map<string, Stats>();
  try {
    await mkdir(folder, { recursive: true });
    // After a failure no new write starts, and the running ones end before the folder is removed.
    let failure: { error: unknown } | null = null;
    await inPool(writes.map((w, i) => [w, i] as const), 16, async ([w, i]) => {
      if (failure) return;
      try {
        stats.set(w.relPath, await writeFileDurable(join(folder, `${i}.json`), w.data));
      } catch (error) {
        failure ??= { error };
      }
    });
    if (failure) throw (failure as { error: unknown }).error;
    stepHook?.('staged');
    await writeFileDurable(join(folder, COMMIT_FILE), `${JSON.stringify(record)}\n`);
  } catch (error) {
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    const code = error instanceof DurableWriteError ? error.code : codeOf(error);
    throw new ApiError('io', `${describeCode(code)}; nothing was saved, everything is as it was before.`, [error instanceof Error ? error.message : String(error)]);
  }
  stepHook?.('committed');
  try {
    await applyRecord(workspaceDir, folder, record, backups);
  } catch (error) {
    throw new ApiError(
      'io',
      `${describeCode(codeOf(error))}: the change was recorded but could not be put in place (${error instanceof Error ? error.message : String(error)}). ` +
        'It will be completed the next time the workspace is opened.',
    );
  }
  return stats;
}

async function applyRecord(workspaceDir: string, folder: string, record: CommitRecord, backups: Backups | null): Promise<number> {
  const dirs = new Set<string>();
  let moved = 0;
  for (const { staged, target } of record.files) {
    const to = join(workspaceDir, target);
    await backups?.beforeReplace(target);
    try {
      await rename(join(folder, staged), to);
      moved++;
      stepHook?.('renamed');
    } catch (error) {
      // Already renamed in before a crash: nothing left to do for this file.
      if (codeOf(error) !== 'ENOENT') throw error;
    }
    dirs.add(dirname(to));
  }
  for (const dir of dirs) await fsyncDir(dir);
  await rm(folder, { recursive: true, force: true });
  return moved;
}

/**
 * At the start of a writing session: completes every committed change a crash interrupted and
 * discards every uncommitted one. In read mode nothing is written; the notice says so.
 */
export async function recoverJournal(workspaceDir: string, mode: 'write' | 'read', backups: Backups | null): Promise<string[]> {
  const root = join(workspaceDir, JOURNAL_DIR);
  let ids: string[];
  try {
    ids = (await readdir(root)).sort();
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return [];
    throw error;
  }
  const notices: string[] = [];
  for (const id of ids) {
    const folder = join(root, id);
    const record = await readRecord(join(folder, COMMIT_FILE));
    if (mode === 'read') {
      if (record) notices.push('A change (an annotation import) was interrupted by a crash; it is not shown yet and is completed the next time the workspace is opened in Lede.');
      continue;
    }
    if (record) {
      await applyRecord(workspaceDir, folder, record, backups);
      notices.push(`A change to ${record.files.length} file(s) (an annotation import) was interrupted by a crash; it was completed, nothing of it is lost.`);
    } else await rm(folder, { recursive: true, force: true });
  }
  return notices;
}

async function readRecord(path: string): Promise<CommitRecord | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  }
  // Written by rename, so complete; still, never follow a target outside the workspace.
  const parsed = JSON.parse(text) as CommitRecord;
  const safe = (p: unknown) => typeof p === 'string' && p.length > 0 && !p.startsWith('/') && !p.split(/[\\/]/).some((part) => part === '..' || part === '');
  if (!Array.isArray(parsed.files) || !parsed.files.every((f) => safe(f.staged) && safe(f.target) && !f.staged.includes('/'))) {
    throw new ApiError('io', `${path} is not a valid Lede journal record; move the folder ${dirname(path)} away to open the workspace.`);
  }
  return parsed;
}
