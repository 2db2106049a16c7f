import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { ApiError } from '../../../core/api/contract';
import { CoalescingWriter } from './coalescing-writer';
import type { Backups } from './backups';
import { writeFileDurable } from './durable-write';
import type { FileCodec } from './file-formats';
import { readStoredJson, type ReadResult } from './read-stored-json';
import type { JournalCodec } from './article-journal';
import { appendDurable, baseHash, journalLine, readJournalBytes, recordChecksum, removeDurable, sealLine, truncateDurable } from './journal-file';
import { settleJournal, type Settled } from './journal-replay';

/**
 * One JSON file of the workspace, held in a lowdb `Low` whose adapter is Lede's own: reads
 * decode and validate (and migrate) through the file's codec, writes go through the coalescing
 * writer to the durable write path, with a backup generation kept before each replacement.
 * lowdb's presets are never used: they silently switch to memory when NODE_ENV=test.
 */

export interface StoredFileSpec<T> {
  workspaceDir: string;
  /** Path inside the workspace, with forward slashes: `settings.json`, `articles/a_….json`. */
  relPath: string;
  codec: FileCodec<T>;
  backups: Backups | null;
  /** Told after each durable write, with what was written and the new file's stats. */
  onSaved?: (value: T, stats: Stats) => void;
  /**
   * Saves become records appended to `<relPath minus .json>.journal` (journal-file.ts) instead of
   * whole-file rewrites; the file is compacted (rewritten whole, journal reset) in the background
   * after COMPACT_RECORDS records or COMPACT_BYTES bytes, and before it is moved or closed.
   * Absent: every save rewrites the file. `readOnly`: a journal is read but never written or cut.
   * `absent`: the caller knows there is no journal beside the file (it listed the folder): the
   * first read does not look for one.
   */
  journal?: { codec: JournalCodec<T, unknown>; readOnly: boolean; backups: Backups; absent?: boolean };
}

/** Compaction thresholds: a journal longer than this is folded into its file in the background. */
let COMPACT_RECORDS = 200;
const COMPACT_BYTES = 1 << 20;
/** How long after the journal grows past a threshold its compaction waits (off the save path). */
let COMPACT_DELAY_MS = 2000;

/** TEST-ONLY: compacts far more often, so the crash tests kill compactions too. Production code never calls it. */
export function compactOftenForTests(records: number, delayMs: number): void {
  COMPACT_RECORDS = records;
  COMPACT_DELAY_MS = delayMs;
}

export function journalPathOf(path: string): string {
  return `${path.replace(/\.json$/, '')}.journal`;
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
  journalState: Settled<T> | null = null;
  constructor(
    private readonly spec: StoredFileSpec<T>,
    private readonly writer: () => CoalescingWriter<T>,
  ) {}

  async read(): Promise<T | null> {
    const result = await readStoredJson(join(this.spec.workspaceDir, this.spec.relPath), this.spec.codec);
    if (result.state === 'missing') return null;
    if (result.state !== 'ok') throw new UnusableFileError(result);
    this.lastRead = result;
    this.journalState = null;
    if (!this.spec.journal) return result.value;
    const { workspaceDir, relPath } = this.spec;
    const { backups, readOnly, absent } = this.spec.journal;
    const settled = await settleJournal(
      { workspaceDir, relPath, backups, readOnly, ...(absent ? { absent } : {}) },
      result.value,
      result.bytes,
      this.spec.journal.codec,
    );
    this.journalState = settled;
    return settled.value;
  }

  write(data: T): Promise<void> {
    return this.writer().write(data);
  }
}

export type LoadOutcome<T> =
  { state: 'ok'; file: StoredFile<T>; fromVersion: number } | { state: 'missing' } | { state: 'damaged' | 'too-new'; problem: string };

export class StoredFile<T> {
  readonly path: string;
  private readonly db: Low<T>;
  private readonly writer: CoalescingWriter<T>;
  private durableValue: T;
  durableStats: Stats | null;
  /**
   * The live journal: the hash of the file its records apply to (null: not known, the next save
   * is written whole), its valid length and records, whether it exists (null: not known), and
   * whether the backups can rebuild that file (`covered`, null: not checked yet). Records are
   * appended only to a covered file: were it damaged, its backup, the backup's journal and this
   * journal give back every acknowledged save.
   */
  private journal: { path: string; base: string | null; bytes: number; records: number; exists: boolean | null; covered: boolean | null } | null;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  private forceWhole = false;
  /** Notices from reading the journal (a damaged journal set aside), for the recovery context. */
  journalNotices: string[] = [];
  /** Bytes written by the last save (journal record or whole file), for benchmarks. */
  lastWriteBytes = 0;

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
    this.journal = spec.journal ? { path: journalPathOf(this.path), base: null, bytes: 0, records: 0, exists: null, covered: null } : null;
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
    const settled = adapter.journalState;
    // Taken: the adapter lives as long as the file, and the read kept its raw bytes (a thousand
    // articles' files held twice over, as bytes and as documents, through a bulk import or agree).
    adapter.lastRead = null;
    adapter.journalState = null;
    if (probe.data === null || !read) return { state: 'missing' };
    const file = new StoredFile(spec, adapter, probe.data, read.stats);
    writer = file.writer;
    if (file.journal && settled) {
      // settleJournal already cut a torn tail and kept a damaged or foreign journal aside.
      file.journal.base = settled.base;
      file.journal.exists = settled.exists;
      file.journal.bytes = settled.bytes;
      file.journal.records = settled.records;
      file.journalNotices = settled.notices;
      if (!spec.journal!.readOnly && (file.journal.records >= COMPACT_RECORDS || file.journal.bytes >= COMPACT_BYTES)) file.scheduleCompaction(0);
    }
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

  /** Records in the journal not yet folded into the file (0 without a journal). */
  get journalRecords(): number {
    return this.journal?.records ?? 0;
  }

  /**
   * Folds the journal into the file (one whole-file write, then the journal is reset) and
   * resolves when that is durable; before the file is moved, copied or the workspace closed.
   */
  async compact(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    await this.idle();
    if (!this.journal || this.spec.journal?.readOnly || (this.journal.records === 0 && this.journal.exists === false)) return;
    await this.rewrite();
  }

  /** Writes the current value as a whole file (a format upgrade; a compaction), never as a journal record. */
  rewrite(): Promise<void> {
    this.forceWhole = true;
    return this.db.write();
  }

  private scheduleCompaction(delay: number): void {
    if (this.compactTimer) return;
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      // A failed compaction loses nothing (the journal still holds every record): it is retried on the next save.
      this.compact().catch(() => undefined);
    }, delay);
    this.compactTimer.unref?.();
  }

  private async resetJournal(): Promise<void> {
    const journal = this.journal!;
    await removeDurable(journal.path);
    journal.exists = false;
    journal.bytes = 0;
    journal.records = 0;
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

  /**
   * Takes `value` as current and durable: it was written by a transaction (transaction.ts), as
   * bytes whose SHA-256 is `hash`. A journaled file is compacted before (Workspace.putDocs), so it
   * has no journal now; its backup has no journal leading to this version, so the next save is
   * written whole.
   */
  adopt(value: T, stats: Stats, hash: string): void {
    if (this.journal) Object.assign(this.journal, { base: hash, covered: false, records: 0, bytes: 0 });
    this.db.data = value;
    this.durableValue = value;
    this.durableStats = stats;
    this.spec.onSaved?.(value, stats);
  }

  /**
   * The journal line for the change from the durable value to `value`, refused like serialize()
   * if the change would not validate when read back: the gate for every journal record.
   */
  serializeChange(value: T): { line: string; size: number } | null {
    const journal = this.spec.journal!;
    const change = journal.codec.diff(this.durableValue, value);
    const size = journal.codec.size(change);
    if (size === 0) return null;
    const line = journalLine({ base: this.journal!.base, change });
    const json = line.slice(17, -1);
    if (recordChecksum(json) !== line.slice(0, 16)) throw new UnreadableValueError(this.spec.relPath, 'has a journal record whose checksum does not hold');
    const readBack = journal.codec.decode((JSON.parse(json) as { change: unknown }).change);
    const problem = readBack.ok ? journal.codec.problem(value, readBack.change) : readBack.problem;
    if (problem) throw new UnreadableValueError(this.spec.relPath, problem);
    return { line, size };
  }

  private async saveNow(value: T): Promise<void> {
    const journal = this.journal;
    const whole = this.forceWhole;
    this.forceWhole = false;
    if (journal && journal.base !== null && !whole && !this.spec.journal!.readOnly && this.durableStats) {
      const record = this.serializeChange(value);
      // A change as big as the file (an import, a text update) is cheaper written whole; and a
      // file the backups cannot rebuild (new, restored, written by an import) is written whole
      // once, which links it as a backup with the journal that leads on from it.
      if (record && record.line.length * 4 < this.durableStats.size && (journal.covered ??= await this.backupsCover(journal.base))) {
        try {
          await appendDurable(journal.path, record.line, journal.exists !== true);
        } catch (error) {
          // Part of the line may be on disk: cut it off, and write the next save whole (which resets the journal).
          this.forceWhole = true;
          await truncateDurable(journal.path, journal.bytes).catch(() => undefined);
          throw error;
        }
        journal.exists = true;
        journal.bytes += Buffer.byteLength(record.line);
        journal.records++;
        this.lastWriteBytes = record.line.length;
        this.durableValue = value;
        this.spec.onSaved?.(value, this.durableStats);
        if (journal.records >= COMPACT_RECORDS || journal.bytes >= COMPACT_BYTES) this.scheduleCompaction(COMPACT_DELAY_MS);
        return;
      }
      if (!record) {
        this.durableValue = value;
        this.lastWriteBytes = 0;
        return;
      }
    }
    await this.saveWhole(value);
  }

  private async backupsCover(base: string): Promise<boolean> {
    return this.spec.backups ? this.spec.backups.covers(this.spec.relPath, base) : false;
  }

  /**
   * The journal kept beside the backup of the file being replaced: the live journal's records,
   * then this save's own change when it is not among them, sealed with the new file's hash, so
   * backup + journal = the new file. Undefined when the file being replaced is not known.
   */
  private async backupJournal(value: T, json: string): Promise<string | undefined> {
    const journal = this.journal;
    if (!journal || journal.base === null || !this.durableStats) return undefined;
    const live = journal.bytes > 0 ? (await readJournalBytes(journal.path)).subarray(0, journal.bytes).toString('utf8') : '';
    const own = value === this.durableValue ? null : this.serializeChange(value);
    return `${live}${own?.line ?? ''}${sealLine(journal.base, baseHash(json))}`;
  }

  private async saveWhole(value: T): Promise<void> {
    const json = this.serialize(value);
    const backups = this.spec.backups;
    const companion = backups ? await this.backupJournal(value, json) : undefined;
    let covered = false;
    const stats = await writeFileDurable(
      this.path,
      json,
      backups ? { beforeReplace: async () => void (covered = (await backups.beforeReplace(this.spec.relPath, companion)) && companion !== undefined) } : {},
    );
    this.lastWriteBytes = json.length;
    this.durableValue = value;
    this.durableStats = stats;
    if (this.journal) {
      // The journal's records name the old file, so a crash before this reset never replays them
      // onto the new one; and the backup's journal holds them, so they are never lost.
      Object.assign(this.journal, { base: baseHash(json), covered });
      // Unknown (a new or restored file) or present: cut it; a missing one is fine.
      if (this.journal.exists !== false) {
        // The save is durable: failing to remove the old journal only means the next save is whole too (and retries).
        await this.resetJournal().catch(() => (this.forceWhole = true));
      }
    }
    this.spec.onSaved?.(value, stats);
  }
}
