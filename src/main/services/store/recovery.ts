import { existsSync } from 'node:fs';
import { link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import type { BackupCopy, Backups } from './backups';
import { moveAside } from './damaged';
import { codeOf } from './durable-write';
import { SCHEMA_VERSION } from './file-formats';
import { baseHash, removeDurable, sealLine } from './journal-file';
import { journalRelPath, rebuildFromBackup } from './journal-replay';
import { readStoredJson, type ReadResult } from './read-stored-json';
import { StoredFile, type StoredFileSpec } from './stored-file';

/**
 * Loading a stored file so that damage never spreads: a file that is truncated, NUL-filled, not
 * UTF-8, not JSON or not valid for its schema is MOVED ASIDE to `damaged/` (never overwritten,
 * never deleted), the newest backup that is itself valid takes its place, and the analyst gets a
 * notice saying what happened and where the damaged copy is. A file with a change journal is
 * rebuilt from the backup, the backup's journal and its own journal (journal-replay.ts), so it
 * comes back with every acknowledged save.
 */

export interface RecoveryContext {
  mode: 'write' | 'read';
  backups: Backups;
  /** Messages for the analyst (WorkspaceInfo.notices). */
  notices: string[];
  /** Files found in an older format (upgraded on disk in write mode), for one summary notice. */
  migrated: string[];
}

export type Recovered<T> =
  | { state: 'ok'; file: StoredFile<T>; fromVersion: number; restored: boolean }
  | { state: 'missing' }
  | { state: 'lost'; problem: string; movedTo: string | null };

/** `rebuildable`: the file is a cache rebuilt from the others (the index), so no backup is restored. */
export async function loadWithRecovery<T>(spec: StoredFileSpec<T>, ctx: RecoveryContext, options: { rebuildable?: boolean } = {}): Promise<Recovered<T>> {
  const loaded = await StoredFile.load(spec);
  if (loaded.state === 'ok') {
    ctx.notices.push(...loaded.file.journalNotices);
    if (loaded.fromVersion < SCHEMA_VERSION) await upgrade(spec, loaded.file, loaded.fromVersion, ctx);
    return { ...loaded, restored: false };
  }
  if (loaded.state === 'missing') return loaded;
  if (loaded.state === 'too-new') throw new ApiError('io', `${join(spec.workspaceDir, spec.relPath)} ${loaded.problem}.`);

  const movedTo = ctx.mode === 'write' ? await moveAside(spec.workspaceDir, spec.relPath) : null;
  const what = `${spec.relPath} was damaged (it ${loaded.problem})`;
  if (options.rebuildable) return { state: 'lost', problem: `${what}${movedTo ? ` and was moved to ${movedTo}` : ''}`, movedTo };
  for (const copy of await ctx.backups.list(spec.relPath)) {
    const backup = await readStoredJson(copy.path, spec.codec);
    if (backup.state !== 'ok') continue;
    const when = copy.writtenAt.toISOString();
    if (spec.journal) return restoreJournaled(spec, ctx, copy, backup, what, movedTo);
    const file = StoredFile.create(spec, backup.value);
    if (movedTo) {
      await file.set(backup.value);
      ctx.notices.push(`${what}. It was moved to ${movedTo} and its backup from ${when} was restored; changes made after that time are lost.`);
    } else {
      ctx.notices.push(`${what}. Showing its backup from ${when}; open the workspace in Lede to repair the file.`);
    }
    return { state: 'ok', file, fromVersion: backup.fromVersion, restored: true };
  }
  let journalKept = '';
  const live = journalRelPath(spec.relPath);
  if (spec.journal && existsSync(join(spec.workspaceDir, live))) {
    journalKept = movedTo ? ` (its change journal was moved to ${await moveAside(spec.workspaceDir, live)})` : '';
  }
  return { state: 'lost', problem: `${what}${movedTo ? ` and was moved to ${movedTo}` : ''}. No usable backup of it exists${journalKept}`, movedTo };
}

/**
 * A damaged journaled file rebuilt from the backup `copy`: its journal, then the live journal.
 * In write mode the backup's journal is extended to the rebuilt file first (so the rebuilt file
 * is itself rebuildable), then the file is written, then the live journal, now held by the
 * backup's journal, is removed; live changes that could not be applied are kept in damaged/.
 */
async function restoreJournaled<T>(
  spec: StoredFileSpec<T>,
  ctx: RecoveryContext,
  copy: BackupCopy,
  backup: Extract<ReadResult<T>, { state: 'ok' }>,
  what: string,
  movedTo: string | null,
): Promise<Recovered<T>> {
  const place = { workspaceDir: spec.workspaceDir, relPath: spec.relPath, backups: ctx.backups, readOnly: ctx.mode !== 'write' };
  const rebuilt = await rebuildFromBackup(place, copy, backup.value, backup.bytes, spec.journal!.codec);
  const file = StoredFile.create(spec, rebuilt.value);
  const when = copy.writtenAt.toISOString();
  const replayed = rebuilt.fromBackupJournal + rebuilt.fromLiveJournal;
  const since = replayed > 0 ? `, with the ${replayed} change(s) saved since (from the backup's journal and the article's)` : '';
  const livePath = join(spec.workspaceDir, journalRelPath(spec.relPath));
  if (movedTo) {
    let liveKept = '';
    if (!rebuilt.liveFullyApplied)
      liveKept = ` The article's journal as found was kept as ${await moveAside(spec.workspaceDir, journalRelPath(spec.relPath))}.`;
    const json = file.serialize(rebuilt.value);
    await ctx.backups.replaceJournal(
      spec.relPath,
      copy.generation,
      `${rebuilt.chain.bytes.toString('utf8')}${sealLine(rebuilt.chain.reached, baseHash(json))}`,
    );
    await file.set(rebuilt.value);
    await removeDurable(livePath);
    ctx.notices.push(
      `${what}. It was moved to ${movedTo} and its backup from ${when} was restored${since}; ` +
        (rebuilt.lost.length === 0 ? 'nothing is lost.' : `but ${rebuilt.lost.join('; ')}.${liveKept}`),
    );
  } else {
    ctx.notices.push(
      `${what}. Showing its backup from ${when}${since}${rebuilt.lost.length ? ` (${rebuilt.lost.join('; ')})` : ''}; open the workspace in Lede to repair the file.`,
    );
  }
  return { state: 'ok', file, fromVersion: backup.fromVersion, restored: true };
}

/**
 * Rewrites a file found in an older format in the current one, keeping the original beside the
 * backups as `<name>.v<old format>` (a hard link: the rewrite replaces the file, never edits it).
 * In read mode nothing is written; the file is upgraded the next time Lede opens the workspace.
 */
async function upgrade<T>(spec: StoredFileSpec<T>, file: StoredFile<T>, fromVersion: number, ctx: RecoveryContext): Promise<void> {
  ctx.migrated.push(spec.relPath);
  if (ctx.mode !== 'write') return;
  const original = join(spec.workspaceDir, 'backups', `${spec.relPath}.v${fromVersion}`);
  await mkdir(dirname(original), { recursive: true });
  await link(file.path, original).catch((error: unknown) => {
    if (codeOf(error) !== 'EEXIST') throw error;
  });
  await file.rewrite();
}

export { moveAside } from './damaged';
