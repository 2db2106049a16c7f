import { isUtf8 } from 'node:buffer';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { ApiError } from '../../../core/api/contract';
import { CoalescingWriter } from './coalescing-writer';
import type { Backups } from './backups';
import { codeOf, describeCode, writeFileDurable } from './durable-write';
import type { FileCodec } from './file-formats';

/**
 * One JSON file of the workspace, held in a lowdb `Low` whose adapter is Lede's own: reads
 * decode and validate (and migrate) through the file's codec, writes go through the coalescing
 * writer to the durable write path, with a backup generation kept before each replacement.
 * lowdb's presets are never used: they silently switch to memory when NODE_ENV=test.
 */

export type ReadResult<T> =
  | { state: 'missing' }
  | { state: 'ok'; value: T; fromVersion: number; stats: Stats }
  | { state: 'damaged' | 'too-new'; problem: string };

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
  return { state: 'ok', value: decoded.value, fromVersion: decoded.fromVersion, stats };
}

export interface StoredFileSpec<T> {
  workspaceDir: string;
  /** Path inside the workspace, with forward slashes: `settings.json`, `articles/a_….json`. */
  relPath: string;
  codec: FileCodec<T>;
  backups: Backups | null;
  /** Told after each durable write, with what was written and the new file's stats. */
  onSaved?: (value: T, stats: Stats) => void;
}

/** A value that would not validate when read back: refused before anything is written. */
export class UnreadableValueError extends ApiError {
  constructor(relPath: string, problem: string) {
    super('invalid-argument', `Lede did not save ${relPath}: the file would not be readable the next time (it ${problem}). Nothing was changed.`);
  }
}

/** Thrown by the adapter's read() so `Low.read` reports a damaged or too-new file. */
class UnusableFileError extends Error {
  constructor(readonly result: Exclude<ReadResult<unknown>, { state: 'ok' | 'missing' }>) {
    super(result.problem);
  }
}

class DurableJsonAdapter<T> implements Adapter<T> {
  lastRead: Extract<ReadResult<T>, { state: 'ok' }> | null = null;
  constructor(
    private readonly spec: StoredFileSpec<T>,
    private readonly writer: () => CoalescingWriter<T>,
  ) {}

  async read(): Promise<T | null> {
    const result = await readStoredJson(join(this.spec.workspaceDir, this.spec.relPath), this.spec.codec);
    if (result.state === 'missing') return null;
    if (result.state !== 'ok') throw new UnusableFileError(result);
    this.lastRead = result;
    return result.value;
  }

  write(data: T): Promise<void> {
    return this.writer().write(data);
  }
}

export type LoadOutcome<T> =
  | { state: 'ok'; file: StoredFile<T>; fromVersion: number }
  | { state: 'missing' }
  | { state: 'damaged' | 'too-new'; problem: string };

export class StoredFile<T> {
  readonly path: string;
  private readonly db: Low<T>;
  private readonly writer: CoalescingWriter<T>;
  private durableValue: T;
  durableStats: Stats | null;

  private constructor(
    readonly spec: StoredFileSpec<T>,
    adapter: DurableJsonAdapter<T>,
    value: T,
    stats: Stats | null,
  ) {
    this.path = join(spec.workspaceDir, spec.relPath);
    this.db = new Low<T>(adapter, value);
    this.durableValue = value;
    this.durableStats = stats;
    this.writer = new CoalescingWriter<T>(
      (v) => this.saveNow(v),
      // A failed write puts the in-memory value back to what is on disk, before anyone builds on it.
      () => (this.db.data = this.durableValue),
    );
  }

  static async load<T>(spec: StoredFileSpec<T>): Promise<LoadOutcome<T>> {
    let writer: CoalescingWriter<T> | undefined;
    const adapter = new DurableJsonAdapter(spec, () => writer!);
    const probe = new Low<T | null>(adapter as Adapter<T | null>, null);
    try {
      await probe.read();
    } catch (error) {
      if (error instanceof UnusableFileError) return { state: error.result.state, problem: error.result.problem };
      throw error;
    }
    const read = adapter.lastRead;
    if (probe.data === null || !read) return { state: 'missing' };
    const file = new StoredFile(spec, adapter, probe.data, read.stats);
    writer = file.writer;
    return { state: 'ok', file, fromVersion: read.fromVersion };
  }

  /** A file whose content is not on disk yet (a new article, a restored backup): call set() to write it. */
  static create<T>(spec: StoredFileSpec<T>, value: T): StoredFile<T> {
    let writer: CoalescingWriter<T> | undefined;
    const file = new StoredFile(spec, new DurableJsonAdapter(spec, () => writer!), value, null);
    writer = file.writer;
    return file;
  }

  /** The current value, including changes whose write is still in flight. */
  get value(): T {
    return this.db.data;
  }

  /** The value last written durably. */
  get durable(): T {
    return this.durableValue;
  }

  get writes(): number {
    return this.writer.writes;
  }

  /**
   * Makes `value` current at once and resolves when a write containing it is durable. On a write
   * failure the value reverts to the durable one and the returned promise rejects.
   */
  set(value: T): Promise<void> {
    this.db.data = value;
    return this.db.write();
  }

  idle(): Promise<void> {
    return this.writer.idle();
  }

  /**
   * The file's content for `value`, refused (UnreadableValueError) if it would not validate when
   * read back: such a file would be set aside as damaged on the next start, with every backup.
   * The one gate every write of a stored file goes through (saves here, transactions).
   * `validated`: the caller has just checked this very value against the file's schema and
   * everything the codec checks besides (putDocsProblems, for an import's documents), so reading
   * it back would check it a second time — a fifth of a 1,000-article import.
   */
  serialize(value: T, options: { validated?: boolean } = {}): string {
    // Compact: a fifth smaller and faster to write than indented, which counts when an import
    // rewrites a thousand articles; `jq .` shows a file indented.
    const json = `${JSON.stringify(this.spec.codec.encode(value))}\n`;
    if (options.validated) return json;
    const readBack = this.spec.codec.decode(JSON.parse(json));
    if (!readBack.ok) throw new UnreadableValueError(this.spec.relPath, readBack.problem);
    return json;
  }

  /** Takes `value` as current and durable: it was written by a transaction (transaction.ts). */
  adopt(value: T, stats: Stats): void {
    this.db.data = value;
    this.durableValue = value;
    this.durableStats = stats;
    this.spec.onSaved?.(value, stats);
  }

  private async saveNow(value: T): Promise<void> {
    const json = this.serialize(value);
    const backups = this.spec.backups;
    const stats = await writeFileDurable(this.path, json, backups ? { beforeReplace: () => backups.beforeReplace(this.spec.relPath) } : {});
    this.durableValue = value;
    this.durableStats = stats;
    this.spec.onSaved?.(value, stats);
  }
}
