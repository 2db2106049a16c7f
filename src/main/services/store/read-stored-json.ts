import { isUtf8 } from 'node:buffer';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
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
  let bytes: Buffer;
  let stats: Stats;
  try {
    const handle = await open(path, 'r');
    try {
      stats = await handle.stat();
      // A folder (or a device) where a file should be: a stray entry, set aside like damage.
      if (!stats.isFile()) return { state: 'damaged', problem: `is ${stats.isDirectory() ? 'a folder' : 'not a regular file'}, not a Lede file` };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { state: 'missing' };
    // Unreadable is not damaged: moving it aside could not help and might lose it.
    throw new ApiError('io', `${describeCode(codeOf(error))}: cannot read ${path}.`);
  }
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
