import { isUtf8 } from 'node:buffer';
import { close, fstat, open, read, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { ApiError } from '../../../core/api/contract';
import { codeOf, describeCode } from './durable-write';
import type { FileCodec } from './file-formats';

/**
 * A stored file read and decoded, and what went wrong if it could not be: missing, damaged
 * (cut off, not UTF-8, not JSON, failing its codec) or written by a newer Lede. Used to open a
 * workspace's files (stored-file.ts) and to judge backups (recovery.ts).
 */
export type ReadResult<T> =
  { state: 'missing' } | { state: 'ok'; value: T; fromVersion: number; stats: Stats; bytes: Buffer } | { state: 'damaged' | 'too-new'; problem: string };

/** Reads and decodes a stored file without changing anything on disk. */
export async function readStoredJson<T>(path: string, codec: FileCodec<T>): Promise<ReadResult<T>> {
  let whole: { bytes: Buffer; stats: Stats } | string;
  try {
    whole = await readWholeFile(path);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { state: 'missing' };
    // Unreadable is not damaged: moving it aside could not help and might lose it.
    throw new ApiError('io', `${describeCode(codeOf(error))}: cannot read ${path}.`);
  }
  if (typeof whole === 'string') return { state: 'damaged', problem: whole };
  const { bytes, stats } = whole;
  const damaged = (problem: string): ReadResult<T> => ({ state: 'damaged', problem });
  if (bytes.length === 0) return damaged('is empty (0 bytes): it was probably cut off by a crash');
  if (bytes.includes(0)) return damaged('contains NUL bytes: it was probably cut off by a crash or a power loss');
  // The strict check of a fatal TextDecoder, validated natively and decoded in one copy: several
  // times faster over a workspace's thousand files. A leading byte order mark is dropped, as there.
  if (!isUtf8(bytes)) return damaged('is not valid UTF-8 text');
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return damaged(`is not valid JSON (${error instanceof Error ? error.message : String(error)}); it may have been cut short`);
  }
  const decoded = codec.decode(raw, { size: bytes.length, mtimeMs: stats.mtimeMs });
  if (!decoded.ok) return { state: decoded.tooNew ? 'too-new' : 'damaged', problem: decoded.problem };
  return { state: 'ok', value: decoded.value, fromVersion: decoded.fromVersion, stats, bytes };
}

const openFile = promisify(open);
const statFile = promisify(fstat);
const readInto = promisify(read);
const closeFile = promisify(close);

/**
 * The bytes of a regular file and its stats, taken on the open descriptor: one open, fstat, read
 * of the size it gives and close, through the plain callbacks (a FileHandle's stat, readFile and
 * close cost about twice the CPU over a workspace's thousand files, for nothing). The buffer has
 * one byte more than the size, so the read that finds the end needs no second buffer, and a file
 * that grew since the stat is still read to its end. A folder or a device where a file should be
 * is not read: the string says what it is (a stray entry, set aside like damage).
 */
async function readWholeFile(path: string): Promise<{ bytes: Buffer; stats: Stats } | string> {
  const fd = await openFile(path, 'r');
  try {
    const stats = await statFile(fd);
    if (!stats.isFile()) return `is ${stats.isDirectory() ? 'a folder' : 'not a regular file'}, not a Lede file`;
    let bytes: Buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === bytes.length) bytes = grown(bytes);
      const { bytesRead } = await readInto(fd, bytes, length, bytes.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: bytes.subarray(0, length), stats };
  } finally {
    await closeFile(fd);
  }
}

function grown(bytes: Buffer): Buffer {
  const larger = Buffer.allocUnsafe(bytes.length * 2);
  bytes.copy(larger);
  return larger;
}
