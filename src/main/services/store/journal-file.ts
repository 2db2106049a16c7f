import { createHash } from 'node:crypto';
import { open, readFile, truncate, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { codeOf, DurableWriteError, fault, fsyncDir } from './durable-write';

/**
 * The append-only change journal beside a stored file (`articles/<id>.journal` beside
 * `articles/<id>.json`): one line per acknowledged save, `<checksum> <json>\n`, appended and
 * fsynced before the save is acknowledged. Each record names the base file it applies to (the
 * SHA-256 of the base's bytes), so a journal left behind by a crash between compacting (the base
 * rewritten) and resetting the journal is recognised as already applied, never replayed twice.
 *
 * A journal is a chain: `{base, change}` records apply to the file whose hash is `base`; a seal
 * line `{base, seal}` says "the records so far, applied to `base`'s file, give the file whose
 * hash is `seal`", and later records name `seal` as their base. A live journal has no seal; the
 * copy kept beside a backup (backups.ts) ends with one, naming the file that replaced the backup.
 */

export type JournalProblem =
  /** The last line never got its newline: a crash mid-append; that save was never acknowledged. */
  | 'torn'
  /** The last line is whole but its checksum does not hold: in flight at a power cut, or damaged since. */
  | 'bad-last'
  /** A bad line or a record that does not follow, with more after it: damage, not a crash. */
  | 'damaged'
  /** The first record names another base: the journal belongs to another version of the file. */
  | 'stale';

export interface JournalRead {
  /** Change records (parsed JSON) that chain from the given base, in order. */
  records: unknown[];
  /** Byte offset just past each record's line (to cut the journal after any of them). */
  ends: number[];
  /** Bytes of the journal file (0 when there is none). */
  size: number;
  /** Byte length of the good prefix (records and seals); less than size when there is a problem. */
  validBytes: number;
  /** The hash of the file the good prefix reaches: the given base, or the last seal's. */
  reached: string;
  /** Whether the good prefix ends with a seal (a backup's journal, complete). */
  sealed: boolean;
  problem: JournalProblem | null;
  /** Lines after the good prefix (not applied), for messages. */
  unread: number;
  /** For a stale journal: the base its first record names. */
  otherBase?: string;
}
export function recordChecksum(json: string): string {
  return createHash('sha256').update(json, 'utf8').digest('hex').slice(0, 16);
}

export function baseHash(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The line for one record (self-delimiting and checksummed). */
export function journalLine(record: object): string {
  const json = JSON.stringify(record);
  return `${recordChecksum(json)} ${json}\n`;
}

/** The seal line: the records before it, applied to `base`'s file, give the file whose hash is `seal`. */
export function sealLine(base: string, seal: string): string {
  return journalLine({ base, seal });
}

/** Reads a journal (missing: empty) and parses it from `base`. */
export async function readJournal(path: string, base: string): Promise<JournalRead> {
  return parseJournal(await readJournalBytes(path), base);
}

export async function readJournalBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return Buffer.alloc(0);
    throw error;
  }
}

/** The records of a journal's bytes that chain from `base` (pure: the one parser, for the store and tests). */
export function parseJournal(bytes: Buffer, base: string): JournalRead {
  const out: JournalRead = { records: [], ends: [], size: bytes.length, validBytes: 0, reached: base, sealed: false, problem: null, unread: 0 };
  let offset = 0;
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset);
    if (end < 0) {
      // Bytes without their newline after the last whole line: the append in flight at a crash.
      out.problem = 'torn';
      out.unread = 1;
      break;
    }
    const parsed = parseLine(bytes.subarray(offset, end)) as { base?: unknown; seal?: unknown; change?: unknown } | null;
    if (!parsed || parsed.base !== out.reached || (typeof parsed.seal !== 'string' && parsed.change === undefined)) {
      const rest = bytes.subarray(offset);
      out.unread = rest.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0) + (rest.at(-1) === 0x0a ? 0 : 1);
      if (parsed && offset === 0 && typeof parsed.base === 'string') {
        out.problem = 'stale';
        out.otherBase = parsed.base;
      } else out.problem = !parsed && end === bytes.length - 1 ? 'bad-last' : 'damaged';
      break;
    }
    offset = end + 1;
    out.validBytes = offset;
    if (typeof parsed.seal === 'string') {
      out.reached = parsed.seal;
      out.sealed = true;
    } else {
      out.records.push(parsed);
      out.ends.push(offset);
      out.sealed = false;
    }
  }
  return out;
}

function parseLine(line: Buffer): object | null {
  const space = line.indexOf(0x20);
  if (space !== 16) return null;
  const json = line.subarray(17).toString('utf8');
  if (recordChecksum(json) !== line.subarray(0, 16).toString('latin1')) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Hook for the crash tests: runs after a record's bytes are written, before the fsync. */
let appendHook: ((path: string) => void) | null = null;
export function onJournalAppendForTests(hook: typeof appendHook): () => void {
  appendHook = hook;
  return () => void (appendHook = null);
}

/** Appends one line and makes it durable (a new journal file's folder entry too). */
export async function appendDurable(path: string, line: string, isNew: boolean): Promise<void> {
  try {
    fault('open', path);
    const handle = await open(path, 'a');
    try {
      fault('write', path);
      await handle.write(line);
      appendHook?.(path);
      fault('fsync', path);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (isNew) await fsyncDir(dirname(path));
  } catch (error) {
    throw new DurableWriteError(path, codeOf(error), false, error);
  }
}

/** Cuts the journal to `length` bytes (0: empty) durably; a missing journal is fine. */
export async function truncateDurable(path: string, length: number): Promise<void> {
  try {
    await truncate(path, length);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes the journal (after its records were folded into the file) durably; a missing one is fine. */
export async function removeDurable(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  await fsyncDir(dirname(path));
}

/**
 * The hash a journal's last line seals to, read from its tail only (a few hundred bytes, however
 * long the journal): null when there is no journal or it does not end with a seal.
 */
export async function sealedHash(path: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 512);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    if (tail.at(-1) !== 0x0a) return null;
    const start = tail.lastIndexOf(0x0a, tail.length - 2) + 1;
    const parsed = parseLine(tail.subarray(start, tail.length - 1)) as { seal?: unknown } | null;
    return typeof parsed?.seal === 'string' ? parsed.seal : null;
  } finally {
    await handle.close();
  }
}
