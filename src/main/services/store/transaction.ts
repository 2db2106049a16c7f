import type { Stats } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import type { Backups } from './backups';
import { codeOf, describeCode, DurableWriteError, fsyncDir, writeFileDurable, writeStagedFile } from './durable-write';
import { baseHash } from './journal-file';
import { inPool } from './pool';

/**
 * Writing several workspace files as one change, all or nothing (an annotation import touches
 * hundreds of articles and the label schema). A redo journal under `<workspace>/.lede-journal/`:
 *  1. every new file is written and fsynced into a private folder `<journal>/<id>/`, then that
 *     folder is fsynced once (no temp file and rename per file: nothing reads the folder before
 *     step 2; a full disk or a failed write here changes nothing: the folder is removed);
 *  2. the commit point: `<journal>/<id>/commit.json`, naming each staged file and its target, is
 *     written durably (a rename, so it is there whole or not at all);
 *  3. every target's backup is kept (as every save does; the backup folders fsynced once, before
 *     any rename), each staged file is renamed over its target, the target folders are fsynced,
 *     and the journal folder is removed.
 * A crash before 2 leaves a folder without commit.json: discarded at the next start. A crash after
 * 2 leaves a commit.json: the next start renames in whatever is still staged (a staged file that is
 * gone was already renamed), so the change is either wholly there or wholly absent.
 */

export const JOURNAL_DIR = '.lede-journal';
const COMMIT_FILE = 'commit.json';

export interface FileWrite {
  /** Path inside the workspace, with forward slashes. */
  relPath: string;
  /**
   * The content, or the function that makes it: called as the file is written, so a transaction
   * of a thousand articles holds only the few in flight as text, not all of them at once.
   */
  data: string | (() => string);
}

/** A file the transaction wrote: its stats and the SHA-256 (hex) of its bytes (a journal's base). */
export interface Written {
  stats: Stats;
  hash: string;
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
 * Writes `writes` as one change and resolves with each target's new stats and hash. Throws an io
 * ApiError; when it says `committed`, the change will be completed at the next start. A `data`
 * function that throws (a value refused before it is written) fails the change like a write
 * error: nothing is changed, and the error is thrown as it is.
 */
export async function commitFiles(workspaceDir: string, writes: readonly FileWrite[], backups: Backups | null): Promise<Map<string, Written>> {
  const id = `${Date.now()}-${process.pid}-${++sequence}`;
  const folder = join(workspaceDir, JOURNAL_DIR, id);
  const record: CommitRecord = { files: writes.map((w, i) => ({ staged: `${i}.json`, target: w.relPath })) };
  const written = new Map<string, Written>();
  try {
    await mkdir(folder, { recursive: true });
    // After a failure no new write starts, and the running ones end before the folder is removed.
    let failure: { error: unknown } | null = null;
    await inPool(
      writes.map((w, i) => [w, i] as const),
      16,
      async ([w, i]) => {
        if (failure) return;
        try {
          const bytes = Buffer.from(typeof w.data === 'string' ? w.data : w.data(), 'utf8');
          written.set(w.relPath, { stats: await writeStagedFile(join(folder, `${i}.json`), bytes), hash: baseHash(bytes) });
        } catch (error) {
          failure ??= { error };
        }
      },
    );
    if (failure) throw (failure as { error: unknown }).error;
    // The staged files' names, durable once for all of them, before the commit record names them.
    await fsyncDir(folder);
    stepHook?.('staged');
    await writeFileDurable(join(folder, COMMIT_FILE), `${JSON.stringify(record)}\n`);
  } catch (error) {
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    // A value refused as it was serialised (not an io failure): said as it is.
    if (error instanceof ApiError) throw error;
    const code = error instanceof DurableWriteError ? error.code : codeOf(error);
    throw new ApiError('io', `${describeCode(code)}; nothing was saved, everything is as it was before.`, [
      error instanceof Error ? error.message : String(error),
    ]);
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
  return written;
}

/** Renames at once within one folder (a thousand articles' renames one after another waited ~0.2 s on the disk). */
const RENAMES_AT_ONCE = 16;

async function applyRecord(workspaceDir: string, folder: string, record: CommitRecord, backups: Backups | null): Promise<number> {
  const dirs = new Set<string>();
  let moved = 0;
  // Every backup first, made durable once per backup folder: not one folder fsync per file.
  await backups?.beforeReplaceAll(record.files.map((f) => f.target));
  // Folder by folder in the record's order (the label schema, at the top, is in place before any
  // article naming its labels), the files of one folder several at a time. After a failure no
  // new rename starts; the next start completes the rest (a crash here is no different).
  for (const run of runsByFolder(record.files)) {
    let failure: { error: unknown } | null = null;
    await inPool(run, RENAMES_AT_ONCE, async ({ staged, target }) => {
      if (failure) return;
      const to = join(workspaceDir, target);
      try {
        await rename(join(folder, staged), to);
        moved++;
        stepHook?.('renamed');
      } catch (error) {
        // Already renamed in before a crash: nothing left to do for this file.
        if (codeOf(error) !== 'ENOENT') failure ??= { error };
      }
      dirs.add(dirname(to));
    });
    if (failure) throw (failure as { error: unknown }).error;
  }
  for (const dir of dirs) await fsyncDir(dir);
  await rm(folder, { recursive: true, force: true });
  return moved;
}

/** The record's files in runs of consecutive targets in the same folder, in order. */
export function runsByFolder<T extends { target: string }>(files: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const f of files) {
    const last = runs[runs.length - 1];
    if (last && dirname(last[0]!.target) === dirname(f.target)) last.push(f);
    else runs.push([f]);
  }
  return runs;
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
      if (record)
        notices.push(
          'A change (an annotation import) was interrupted by a crash; it is not shown yet and is completed the next time the workspace is opened in Lede.',
        );
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
