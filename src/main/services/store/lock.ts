import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { readFileSync } from 'node:fs';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import { codeOf, describeCode } from './durable-write';

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
  /** Random, so that no two locks ever have the same content (see removeIfUnchanged). */
  nonce: string;
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
    const owner: LockOwner = { pid: process.pid, hostname: hostname(), since: new Date().toISOString(), purpose, nonce: randomBytes(8).toString('hex') };
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await tryCreate(path, owner)) {
        held.add(path);
        return new WorkspaceLock(path, owner);
      }
      const current = await readLock(path);
      if (current === 'gone') continue;
      if (current.owner !== 'unreadable' && !isStale(current.owner, path)) throw lockedError(dir, current.owner);
      await removeIfUnchanged(path, current.raw);
    }
    throw new ApiError('locked', `Could not take the lock of the workspace ${dir}: it keeps changing hands. Try again.`);
  }

  async release(): Promise<void> {
    held.delete(this.path);
    const current = await readLock(this.path);
    // Only remove the lock if it is still ours (it may have been judged stale and taken over).
    if (current !== 'gone' && current.owner !== 'unreadable' && sameOwner(current.owner, this.owner)) {
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
  try {
    await writeFile(temp, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw cannotWriteError(dirname(path), error);
  }
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw cannotWriteError(dirname(path), error);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

interface ReadLock {
  /** The file's exact content: what a takeover compares, so a lock is never removed unless it is the one judged. */
  raw: string;
  owner: LockOwner | 'unreadable';
}

async function readLock(path: string): Promise<ReadLock | 'gone'> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const owner = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string') {
      return {
        raw,
        owner: {
          pid: owner.pid,
          hostname: owner.hostname,
          since: String(owner.since ?? ''),
          purpose: String(owner.purpose ?? 'Lede'),
          nonce: String(owner.nonce ?? ''),
        },
      };
    }
  } catch {
    // fall through: a lock we cannot read was not written by a live Lede (locks are written whole)
  }
  return { raw, owner: 'unreadable' };
}

function sameOwner(a: LockOwner, b: LockOwner): boolean {
  return a.pid === b.pid && a.since === b.since && a.nonce === b.nonce;
}

function isStale(owner: LockOwner, path: string): boolean {
  // On another computer (a shared folder) we cannot tell whether the holder is alive.
  if (owner.hostname !== hostname()) return false;
  // Our own pid but not a lock we hold: left by an earlier run that had the same pid (containers).
  if (owner.pid === process.pid) return !held.has(path);
  return !processAlive(owner.pid) || startedAfter(owner.pid, owner.since);
}

/**
 * True when the process with `pid` started after `since` (Linux, from /proc): the holder is gone
 * and its pid now belongs to another program, so the lock is stale. False when it cannot tell.
 */
function startedAfter(pid: number, since: string): boolean {
  const taken = Date.parse(since);
  if (process.platform !== 'linux' || Number.isNaN(taken)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime, in clock ticks after boot); the command name (field 2) may hold spaces.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(bootSeconds)) return false;
    const startedMs = bootSeconds * 1000 + (ticks / CLOCK_TICKS) * 1000;
    // A second of slack: btime is rounded to seconds.
    return startedMs > taken + 1000;
  } catch {
    return false;
  }
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

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
 * Removes the file at `path` if, and only if, its content is still `judged` (a stale lock), with
 * no race between processes doing the same. Removal happens only while holding a BREAKER named
 * after that exact content (`<path>.break.<hash of judged>`), created exclusively with link():
 *  - two processes judging the same stale lock contend for the same breaker; one wins, checks
 *    the content again and removes it; the other finds the breaker taken and simply retries;
 *  - a process that judged a lock which is gone by now gets a breaker for a content that no
 *    longer exists, finds the current lock different, and removes nothing;
 *  - nothing else ever removes a lock by name except its own live holder, so between the check
 *    and the unlink nobody can put a fresh lock there.
 * A breaker whose holder died mid-way is itself stale, and is broken the same way, one level down.
 * (The old takeover moved the lock aside to look at it and linked it back, which failed silently
 * when a third process had created one meanwhile: two holders.)
 */
async function removeIfUnchanged(path: string, judged: string, depth = 0): Promise<void> {
  if (depth > 8) return;
  const breaker = `${path}.break.${createHash('sha256').update(judged).digest('hex').slice(0, 16)}`;
  const me: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    since: new Date().toISOString(),
    purpose: 'taking over a stale lock',
    nonce: randomBytes(8).toString('hex'),
  };
  if (await tryCreate(breaker, me)) {
    try {
      const now = await readLock(path);
      if (now !== 'gone' && now.raw === judged) await unlink(path);
    } finally {
      await unlink(breaker).catch(() => undefined);
    }
    return;
  }
  const holder = await readLock(breaker);
  if (holder === 'gone') return;
  if (holder.owner === 'unreadable' || isStale(holder.owner, breaker)) {
    await removeIfUnchanged(breaker, holder.raw, depth + 1);
    return;
  }
  // Another live process is taking it over: give it a moment, then the caller looks again.
  await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
}

/** Whether `name` in a workspace folder is a lock temp or breaker left by a process that is gone. */
export async function isDeadLockLeftover(dir: string, name: string): Promise<boolean> {
  const temp = /^lede\.lock\.(?:stale\.)?(\d+)\./.exec(name);
  if (temp) return !processAlive(Number(temp[1]));
  if (!/^lede\.lock\.break\.[0-9a-f]{16}$/.test(name)) return false;
  const holder = await readLock(join(dir, name));
  return holder !== 'gone' && (holder.owner === 'unreadable' || (holder.owner.hostname === hostname() && !processAlive(holder.owner.pid)));
}

/** A workspace that cannot be written at all (read-only disk, full disk, no permission), in words. */
export function cannotWriteError(dir: string, error: unknown): ApiError {
  const code = codeOf(error) ?? (error as { code?: string } | null)?.code;
  const hint: Record<string, string> = {
    EROFS: 'The disk is read-only: copy the workspace to a disk you can write to, or look at it read-only (lede list, lede export).',
    ENOSPC: 'The disk is full: free some space and open the workspace again. Nothing in it was changed.',
    EDQUOT: 'Your disk quota is used up: free some space and open the workspace again. Nothing in it was changed.',
    EACCES: 'You may not write to this folder: check its permissions, or choose another workspace.',
    EPERM: 'You may not write to this folder: check its permissions, or choose another workspace.',
  };
  return new ApiError(
    'io',
    `Lede cannot open the workspace ${dir} for writing. ${(code && hint[code]) ?? `${describeCode(code)}: ${error instanceof Error ? error.message : String(error)}`}`,
  );
}

function lockedError(dir: string, owner: LockOwner): ApiError {
  const where = owner.hostname === hostname() ? 'on this computer' : `on the computer "${owner.hostname}"`;
  const since = owner.since ? `, since ${owner.since}` : '';
  return new ApiError(
    'locked',
    `The workspace ${dir} is in use by another Lede process (${owner.purpose}, pid ${owner.pid} ${where}${since}). ` +
      `Close that one first, or choose another workspace. If no Lede is running there, the lock was left by a crash: delete ${join(dir, LOCK_FILE)} and open the workspace again.`,
  );
}
