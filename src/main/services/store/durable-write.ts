import type { Stats } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The one way Lede replaces a file: write a temp file in the same folder, fsync it, rename it
 * over the target, fsync the folder. A crash at any point leaves either the old file or the new
 * one, complete (steno, lowdb's writer, renames but never fsyncs, so a power cut can leave an
 * empty or NUL-filled file behind its rename).
 */

export class DurableWriteError extends Error {
  constructor(
    readonly path: string,
    /** The system error code (ENOSPC, EROFS, EACCES…) when there is one. */
    readonly code: string | undefined,
    /** True when the rename happened, i.e. the new content is in place but may not be durable yet. */
    readonly targetReplaced: boolean,
    cause: unknown,
  ) {
    super(`${describeCode(code)} while saving ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DurableWriteError';
  }
}

export type WriteStep = 'open' | 'write' | 'fsync' | 'rename' | 'fsync-dir';
type FaultHook = (step: WriteStep, path: string) => void;
let faultHook: FaultHook | null = null;

/**
 * TEST-ONLY fault injection: the hook runs before each step of every durable write and may throw
 * an error (with a `code` such as 'ENOSPC') to make that step fail. Tests run as root, where a
 * chmod'ed folder does not stop writes, and a read-only mount is not available everywhere, so
 * this is how every machine can check that a failed save leaves memory equal to disk.
 * Production code never calls it. Returns the function that removes the hook.
 */
export function injectWriteFaultForTests(hook: FaultHook): () => void {
  faultHook = hook;
  return () => {
    if (faultHook === hook) faultHook = null;
  };
}

let sequence = 0;

export interface DurableWriteOptions {
  /** Runs once the new content is durable in the temp file, just before it replaces the target. */
  beforeReplace?: () => Promise<unknown>;
  /** Permissions of the new file (default 0o644); 0o600 for secrets such as the host's session token. */
  mode?: number;
}

/** Replaces `path` with `data` durably; resolves with the new file's stats (size, mtime). */
export async function writeFileDurable(path: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<Stats> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${++sequence}.tmp`);
  let replaced = false;
  let created = false;
  try {
    fault('open', path);
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
    created = true;
    let stats: Stats;
    try {
      fault('write', path);
      await handle.writeFile(data);
      fault('fsync', path);
      await handle.sync();
      stats = await handle.stat();
    } finally {
      await handle.close();
    }
    await options.beforeReplace?.();
    fault('rename', path);
    await rename(temp, path);
    replaced = true;
    fault('fsync-dir', path);
    await fsyncDir(dir);
    return stats;
  } catch (error) {
    if (created && !replaced) await unlink(temp).catch(() => undefined);
    throw new DurableWriteError(path, codeOf(error), replaced, error);
  }
}

/**
 * Writes a NEW file `path` (refused if it exists) and fsyncs it, without the temp file, rename and
 * folder fsync of writeFileDurable: for files staged in a private folder that nothing reads until
 * the caller has fsynced that folder once for all of them and written a commit record after
 * (store/transaction.ts). A failure leaves a partial file there, which the caller removes with
 * its folder. Resolves with the file's stats.
 */
export async function writeStagedFile(path: string, data: string | Uint8Array): Promise<Stats> {
  try {
    fault('open', path);
    const handle = await open(path, 'wx', 0o644);
    try {
      fault('write', path);
      await handle.writeFile(data);
      fault('fsync', path);
      await handle.sync();
      return await handle.stat();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new DurableWriteError(path, codeOf(error), false, error);
  }
}

let dirSyncObserver: ((dir: string) => void) | null = null;

/** TEST-ONLY: told of every folder fsync (which folders a save makes durable). Returns the remover. */
export function observeDirSyncsForTests(observer: (dir: string) => void): () => void {
  dirSyncObserver = observer;
  return () => void (dirSyncObserver = null);
}

/** Makes a rename or a new link in `dir` durable. Windows cannot open a folder for fsync. */
export async function fsyncDir(dir: string): Promise<void> {
  dirSyncObserver?.(dir);
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and FUSE mounts) do not support fsync on a folder: nothing more to do.
    if (codeOf(error) !== 'EINVAL' && codeOf(error) !== 'ENOTSUP') throw error;
  } finally {
    await handle.close();
  }
}

/** Names of temp files a crashed writer may have left (they are incomplete by definition). */
export function isLeftoverTemp(name: string): boolean {
  return /^\..+\.\d+\.\d+\.tmp$/.test(name);
}

/** Runs the test fault hook (journal appends use it too). */
export function fault(step: WriteStep, path: string): void {
  faultHook?.(step, path);
}

export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const CODE_TEXT: Record<string, string> = {
  ENOSPC: 'The disk is full',
  EDQUOT: 'The disk quota is exhausted',
  EROFS: 'The disk is read-only',
  EACCES: 'Permission denied',
  EPERM: 'Permission denied',
  EIO: 'The disk reported an input/output error',
};

export function describeCode(code: string | undefined): string {
  return (code && CODE_TEXT[code]) ?? (code ? `Error ${code}` : 'An error occurred');
}
