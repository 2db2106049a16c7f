import { join } from 'node:path';
import type { JournalCodec } from './article-journal';
import type { Backups, BackupCopy } from './backups';
import { copyAside, moveAside } from './damaged';
import { baseHash, parseJournal, readJournalBytes, removeDurable, truncateDurable, type JournalRead } from './journal-file';

/**
 * Reading a journal back: at load (the file is fine: replay its journal, cut a torn tail, keep a
 * damaged journal aside) and at a restore (the file is damaged: rebuild it from a backup, the
 * backup's journal and the live journal). The rule throughout: an acknowledged record is never
 * dropped silently. What cannot be applied is kept (in damaged/) and named in a notice.
 */

export interface Replay<T> {
  value: T;
  /** Records applied (a prefix of those given). */
  applied: number;
  /** Why the records after `applied` were not applied. */
  problem: string | null;
}

/** `base` with `records` applied, stopping before the first that does not decode or leaves the value invalid (the one replay, for the store and tests). */
export function replayRecords<T>(base: T, records: readonly unknown[], codec: JournalCodec<T, unknown>): Replay<T> {
  const values: T[] = [base];
  let problem: string | null = null;
  for (const record of records) {
    const decoded = codec.decode((record as { change?: unknown }).change);
    if (!decoded.ok) {
      problem = `a record ${decoded.problem}`;
      break;
    }
    values.push(codec.apply(values.at(-1)!, decoded.change));
  }
  const last = values.length - 1;
  if (last === 0 || codec.check(values[last]!) === null) return { value: values[last]!, applied: last, problem };
  // Rare (a bug, or a record valid alone but not on this base): the longest prefix whose value is valid.
  let good = 0;
  let bad = last;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (codec.check(values[mid]!) === null) good = mid;
    else bad = mid;
  }
  return { value: values[good]!, applied: good, problem: `applying record ${bad} leaves the article ${codec.check(values[bad]!)}` };
}

export interface JournalPlace {
  workspaceDir: string;
  /** The file's path in the workspace (`articles/<id>.json`); its journal is `<id>.journal` beside it. */
  relPath: string;
  backups: Backups | null;
  readOnly: boolean;
  /** Known to have no journal (its folder was just listed): not looked for. */
  absent?: boolean;
}

export function journalRelPath(relPath: string): string {
  return `${relPath.replace(/\.json$/, '')}.journal`;
}

export interface Settled<T> {
  value: T;
  /**
   * The SHA-256 of the file's bytes: the base the live journal's records name. Null in read-only
   * mode with no journal: nothing will be appended, and hashing every file of a bulk read costs.
   */
  base: string | null;
  records: number;
  /** Bytes of the live journal after settling (what later appends follow). */
  bytes: number;
  exists: boolean;
  notices: string[];
}

/**
 * The file's value with its live journal replayed, at load. A torn tail (a crash mid-append, a
 * save never acknowledged) is cut off. A damaged record, or one that does not apply, stops the
 * replay: the records before it are applied, the journal as found is kept in damaged/, and a
 * notice says how many changes could not be applied. A journal of another version of the file
 * is removed only when a backup's journal provably holds it; otherwise it is kept aside too.
 * In read mode nothing on disk changes.
 */
export async function settleJournal<T>(place: JournalPlace, fileValue: T, fileBytes: Buffer, codec: JournalCodec<T, unknown>): Promise<Settled<T>> {
  const rel = journalRelPath(place.relPath);
  const path = join(place.workspaceDir, rel);
  const bytes = place.absent ? Buffer.alloc(0) : await readJournalBytes(path);
  if (bytes.length === 0 && place.readOnly) return { value: fileValue, base: null, records: 0, bytes: 0, exists: false, notices: [] };
  const base = baseHash(fileBytes);
  const out: Settled<T> = { value: fileValue, base, records: 0, bytes: 0, exists: bytes.length > 0, notices: [] };
  if (bytes.length === 0) return out;
  const read = parseJournal(bytes, base);
  const write = !place.readOnly;
  if (read.problem === 'stale') {
    if (place.backups && (await heldByBackup(place.backups, place.relPath, bytes, read.otherBase!, base))) {
      // A compaction stopped between replacing the file and removing its journal: already applied.
      if (write) await removeDurable(path);
      return { ...out, exists: !write };
    }
    const kept = write ? await moveAside(place.workspaceDir, rel) : null;
    out.notices.push(
      `The change journal ${rel} holds ${read.unread} change(s) made to another version of ${place.relPath} (the file was replaced outside Lede?); they were not applied.` +
        (kept ? ` The journal was kept as ${kept}.` : ' Open the workspace in Lede to set it aside.'),
    );
    return { ...out, exists: !write };
  }
  const replay = replayRecords(fileValue, read.records, codec);
  const keep = replay.applied > 0 ? read.ends[replay.applied - 1]! : 0;
  out.value = replay.value;
  out.records = replay.applied;
  out.bytes = keep;
  const lost = read.unread + (read.records.length - replay.applied);
  if (lost === 0) return out;
  if (read.problem === 'torn' && replay.applied === read.records.length) {
    if (write) await truncateDurable(path, keep);
    else out.bytes = bytes.length; // never appended to in read mode
    return out;
  }
  const kept = write ? await copyAside(place.workspaceDir, rel, bytes) : null;
  if (write) await truncateDurable(path, keep);
  const why =
    replay.problem ??
    (read.problem === 'bad-last'
      ? 'its last line does not match its checksum (it was being written when Lede stopped, or was damaged since)'
      : 'a line in it does not match its checksum, or does not follow the one before (the journal was damaged)');
  out.notices.push(
    `The change journal ${rel} could not be read to its end: ${why}. ${replay.applied} change(s) before that point were applied; ${lost} after it could not be and are not shown.` +
      (kept ? ` The journal as found was kept as ${kept}.` : ' Open the workspace in Lede to keep it aside and go on.'),
  );
  return out;
}

/** Whether a backup's journal begins with the journal `bytes` (of base `from`) and seals to `to`: then its records are in the file `to`. */
async function heldByBackup(backups: Backups, relPath: string, bytes: Buffer, from: string, to: string): Promise<boolean> {
  const valid = bytes.subarray(0, parseJournal(bytes, from).validBytes);
  for (const copy of await backups.list(relPath)) {
    if (!copy.journal) continue;
    const companion = await readJournalBytes(copy.journal);
    if (!companion.subarray(0, valid.length).equals(valid)) continue;
    const read = parseJournal(companion, from);
    if (read.sealed && read.reached === to && read.problem === null) return true;
  }
  return false;
}

export interface Rebuilt<T> {
  value: T;
  /** Changes replayed from the backup's journal and from the live journal. */
  fromBackupJournal: number;
  fromLiveJournal: number;
  /** Changes that could not be applied (and where they are kept), for the notice. */
  lost: string[];
  /**
   * The backup's new journal: the records from the backup to `value` (the backup's journal and
   * the live one as applied); the caller seals it to the restored file's hash and writes it.
   */
  chain: { bytes: Buffer; reached: string };
  /** The live journal, to be removed (all of it applied) or kept aside (some not applied) before the restored file is written. */
  liveFullyApplied: boolean;
  liveBytes: Buffer;
}

/**
 * A damaged file rebuilt from one backup generation: the copy, its journal (which takes it to
 * the file that replaced it), then the live journal when it names that file as its base. Pure
 * reading: nothing on disk changes.
 */
export async function rebuildFromBackup<T>(
  place: JournalPlace,
  copy: BackupCopy,
  copyValue: T,
  copyBytes: Buffer,
  codec: JournalCodec<T, unknown>,
): Promise<Rebuilt<T>> {
  const copyHash = baseHash(copyBytes);
  const liveBytes = await readJournalBytes(join(place.workspaceDir, journalRelPath(place.relPath)));
  const liveBase = liveBytes.length > 0 ? (parseJournal(liveBytes, '').otherBase ?? null) : null;
  const lost: string[] = [];
  let value = copyValue;
  let chain: Buffer = Buffer.alloc(0);
  let reached: string | null = copyHash;
  let fromBackupJournal = 0;
  // The live journal may name the copy itself (a crash stopped a compaction after the backup was linked).
  if (copy.journal && liveBase !== copyHash) {
    const companionBytes = await readJournalBytes(copy.journal);
    const read = parseJournal(companionBytes, copyHash);
    const replay = replayRecords(copyValue, read.records, codec);
    value = replay.value;
    fromBackupJournal = replay.applied;
    const complete = read.problem === null && replay.applied === read.records.length && read.sealed;
    const keep = complete ? read.validBytes : replay.applied > 0 ? read.ends[replay.applied - 1]! : 0;
    chain = companionBytes.subarray(0, keep);
    reached = complete ? read.reached : parseJournal(chain, copyHash).reached;
    if (!complete) {
      lost.push(
        `the backup's journal ${copy.journal} could not be read to its end (${replay.problem ?? 'it is damaged or cut short'}), so changes after its first ${replay.applied} are missing`,
      );
      reached = null; // the live journal follows the file this journal led to, which was not reached
    }
  }
  // Without a journal beside it, nothing says what replaced the backup (an import, a file of an
  // older Lede): unless the live journal follows the backup itself, changes after it may be lost.
  if (!copy.journal && liveBase !== copyHash) lost.push('no journal was kept beside that backup, so changes made after that time are lost');
  let fromLiveJournal = 0;
  let liveFullyApplied = liveBytes.length === 0;
  if (liveBytes.length > 0) {
    const read = reached !== null && liveBase === reached ? parseJournal(liveBytes, reached) : null;
    if (read) {
      const replay = replayRecords(value, read.records, codec);
      value = replay.value;
      fromLiveJournal = replay.applied;
      const keep = replay.applied > 0 ? read.ends[replay.applied - 1]! : 0;
      chain = Buffer.concat([chain, liveBytes.subarray(0, keep)]);
      const unapplied = read.unread + read.records.length - replay.applied;
      // A torn tail is the save in flight at a crash, never acknowledged.
      liveFullyApplied = unapplied === 0 || (read.problem === 'torn' && replay.applied === read.records.length);
      if (!liveFullyApplied)
        lost.push(`${unapplied} change(s) at the end of the article's journal could not be read (${replay.problem ?? 'the journal is damaged'})`);
    } else {
      const lines = liveBytes.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);
      lost.push(`the ${lines} change(s) in the article's journal follow a version of the file no backup leads to`);
    }
  }
  return {
    value,
    fromBackupJournal,
    fromLiveJournal,
    lost,
    chain: { bytes: chain, reached: reached ?? parseJournal(chain, copyHash).reached },
    liveFullyApplied,
    liveBytes,
  };
}

export type { JournalRead };
