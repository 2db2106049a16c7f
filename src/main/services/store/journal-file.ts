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
 */

export interface JournalRead {
  /** Records (parsed JSON) whose checksum holds and that apply to the given base, in order. */
  records: unknown[];
  /** Bytes of the journal file (0 when there is none). */
  size: number;
  /** Byte length of the valid prefix; less than size when the tail is torn or damaged. */
  validBytes: number;
  /** A bad line followed by good ones: damage, not a crash mid-append. */
  damagedInside: boolean;
  /** Records for another base (already compacted into it): the journal should be reset. */
  stale: number;
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

/** Reads a journal; a torn or garbled trailing line (a crash mid-append) is left out, never fatal. */
export async function readJournal(path: string, base: string): Promise<JournalRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return parseJournal(Buffer.alloc(0), base);
    throw error;
  }
  return parseJournal(bytes, base);
}

/** The records of a journal's bytes that apply to `base` (pure: the one parser, for the store and tests). */
export function parseJournal(bytes: Buffer, base: string): JournalRead {
  const records: unknown[] = [];
  let offset = 0;
  let validBytes = 0;
  let stale = 0;
  let bad = false;
  let damagedInside = false;
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset);
    if (end < 0) {
      bad = true; // torn: the last line never got its newline
      break;
    }
    const parsed = parseLine(bytes.subarray(offset, end));
    offset = end + 1;
    if (!parsed) {
      bad = true;
      continue;
    }
    if (bad) {
      damagedInside = true; // a good record after a bad one: not a torn tail
      break;
    }
    validBytes = offset;
    if ((parsed as { base?: unknown }).base === base) records.push(parsed);
    else stale++;
  }
  return { records, size: bytes.length, validBytes, damagedInside, stale };
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
