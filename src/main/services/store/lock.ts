import { hostname } from 'node:os';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import { codeOf } from './durable-write';

/**
 * The workspace lock: `<workspace>/lede.lock` names the process that may write the workspace.
 * lowdb (steno) gives no protection against two processes writing the same file, so a second
 * writer is refused with a message naming the holder. A lock whose process is gone (killed,
 * crashed) on this computer is stale and taken over.
 */

export const LOCK_FILE = 'lede.lock';

export interface LockOwner {
  pid: number;
  hostname: string;
  /** When the holder took the lock. */
  since: string;
  /** What holds it, e.g. "Lede desktop" or "lede import", for the message. */
  purpose: string;
}

/** Locks this process holds, so that a lock naming our own pid is told apart from a stale one. */
const held = new Set<string>();
let sequence = 0;

export class WorkspaceLock {
  private constructor(
    readonly path: string,
    readonly owner: LockOwner,
  ) {}

  static async acquire(dir: string, purpose = 'Lede'): Promise<WorkspaceLock> {
    const path = join(dir, LOCK_FILE);
    const owner: LockOwner = { pid: process.pid, hostname: hostname(), since: new Date().toISOString(), purpose };
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await tryCreate(path, owner)) {
        held.add(path);
        return new WorkspaceLock(path, owner);
      }
      const current = await readOwner(path);
      if (current === 'gone') continue;
      if (current !== 'unreadable' && !isStale(current, path)) throw lockedError(dir, current);
      await takeOver(path, current);
    }
    throw new ApiError('locked', `Could not take the lock of the workspace ${dir}: it keeps changing hands. Try again.`);
  }

  async release(): Promise<void> {
    held.delete(this.path);
    const current = await readOwner(this.path);
    // Only remove the lock if it is still ours (it may have been judged stale and taken over).
    if (current !== 'gone' && current !== 'unreadable' && current.pid === this.owner.pid && current.since === this.owner.since) {
      await unlink(this.path).catch((error: unknown) => {
        if (codeOf(error) !== 'ENOENT') throw error;
      });
    }
  }
}

/**
 * Creates the lock complete or not at all: the content goes to a private temp file, which is
 * then hard-linked to the lock name; link() fails if the name exists, atomically, so no reader
 * ever sees a half-written lock and two processes can never both succeed.
 */
async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  const temp = `${path}.${process.pid}.${++sequence}.tmp`;
  await writeFile(temp, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw new ApiError('io', `Cannot create the workspace lock ${path}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function readOwner(path: string): Promise<LockOwner | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string') {
      return { pid: owner.pid, hostname: owner.hostname, since: String(owner.since ?? ''), purpose: String(owner.purpose ?? 'Lede') };
    }
  } catch {
    // fall through: a lock we cannot read was not written by a live Lede (locks are written whole)
  }
  return 'unreadable';
}

function isStale(owner: LockOwner, path: string): boolean {
  // On another computer (a shared folder) we cannot tell whether the holder is alive.
  if (owner.hostname !== hostname()) return false;
  // Our own pid but not a lock we hold: left by an earlier run that had the same pid (containers).
  if (owner.pid === process.pid) return !held.has(path);
  return !processAlive(owner.pid);
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return codeOf(error) === 'EPERM';
  }
}

/**
 * Removes a stale lock without racing another process doing the same: the lock is renamed to a
 * private name first, and only deleted if what was moved is the stale lock that was judged;
 * if a live process's fresh lock was moved by mistake, it is put back.
 */
async function takeOver(path: string, judged: LockOwner | 'unreadable'): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${Date.now()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await readOwner(aside);
  const same = judged === 'unreadable' ? moved === 'unreadable' : moved !== 'gone' && moved !== 'unreadable' && moved.pid === judged.pid && moved.since === judged.since;
  if (!same) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function lockedError(dir: string, owner: LockOwner): ApiError {
  const where = owner.hostname === hostname() ? 'on this computer' : `on the computer "${owner.hostname}"`;
  const since = owner.since ? `, since ${owner.since}` : '';
  return new ApiError(
    'locked',
    `The workspace ${dir} is in use by another Lede process (${owner.purpose}, pid ${owner.pid} ${where}${since}). ` +
      'Close that one first, or choose another workspace.',
  );
}
