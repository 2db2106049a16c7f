import { existsSync } from 'node:fs';
import { link, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { codeOf, fsyncDir, writeFileDurable } from './durable-write';
import { sealedHash } from './journal-file';
import { inPool } from './pool';

/** How many generations of each file are kept: backups/<file>.1 (newest) … .3 (oldest). */
export const BACKUP_GENERATIONS = 3;
/** Older generations (.2, .3) shift at most this often per file (see `Backups`). */
export const BACKUP_INTERVAL_MS = 60_000;

export interface BackupCopy {
  path: string;
  generation: number;
  /** When this version of the file was written. */
  writtenAt: Date;
  /** The journal that takes this version to the one that replaced it (`<copy>.journal`), if kept. */
  journal: string | null;
}

/**
 * Rolling backups under `<workspace>/backups/`, mirroring the workspace's layout.
 *
 * Why this stays off the save cost: a generation is a HARD LINK to the file that is about to be
 * replaced. Every save replaces a file by renaming a new one over it (durable-write.ts) and never
 * writes into the old one, so the linked inode is a frozen snapshot, made with one metadata
 * operation and no copying, whatever the file's size.
 *  - `.1` is always the version before the latest save (one unlink and one link per save), so a
 *    damaged file loses at most its last save;
 *  - `.2` and `.3` are older versions, shifted at most once per BACKUP_INTERVAL_MS per file, so
 *    they span minutes of work rather than the last few keystrokes.
 * The backup folder is fsynced after each change to it (a link costs no data, but the folder
 * entry must be durable before the save's rename replaces the file it points at).
 *
 * A file with a change journal (article files) keeps `<copy>.journal` beside each generation:
 * the journal records that, applied to that copy, give the file that replaced it, ending with a
 * seal line naming that file's hash (journal-file.ts). It moves with its generation, so a
 * damaged article is rebuilt from `.1` + `.1.journal` + the live journal: every acknowledged save.
 */
export class Backups {
  private readonly lastShift = new Map<string, number>();
  private readonly madeDirs = new Set<string>();
  /** Backup failures never block a save; they are reported here for the analyst. */
  readonly problems: string[] = [];

  constructor(
    readonly workspaceDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  path(relPath: string, generation: number): string {
    return join(this.workspaceDir, 'backups', `${relPath}.${generation}`);
  }

  journalPath(relPath: string, generation: number): string {
    return `${this.path(relPath, generation)}.journal`;
  }

  /**
   * Called just before `relPath` is replaced: keeps the current version as generation 1, with
   * `journal` (records from it to the replacement, sealed) beside it when given. Resolves with
   * whether both are durable: a backup failure never blocks a save, it is reported in `problems`.
   */
  async beforeReplace(relPath: string, journal?: string): Promise<boolean> {
    const kept = await this.keep(relPath, journal);
    if (!kept) return false;
    try {
      // The links and renames are in the backups folder: the save's fsync of its own folder does
      // not make them durable, and a backup lost in a power cut is no backup.
      await fsyncDir(kept.dir);
      return journal !== undefined;
    } catch (error) {
      this.problems.push(`Could not keep a backup of ${relPath}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /**
   * beforeReplace for many files about to be replaced together (a transaction's): each one's
   * generations shift as there, a few files at a time, and each backup folder is fsynced once
   * at the end rather than once per file. Resolves when every backup is durable.
   */
  async beforeReplaceAll(relPaths: readonly string[]): Promise<void> {
    const dirs = new Map<string, string[]>();
    // Each backup folder listed once: the generations that are not there are not unlinked or
    // renamed one by one to learn it (a thousand articles' first import: six failed calls each).
    const listings = new Map<string, ReadonlySet<string> | null>();
    for (const relPath of relPaths) listings.set(dirname(this.path(relPath, 1)), null);
    for (const dir of listings.keys()) listings.set(dir, await listing(dir));
    await inPool(relPaths, 16, async (relPath) => {
      const kept = await this.keep(relPath, undefined, listings.get(dirname(this.path(relPath, 1))) ?? null);
      if (kept) dirs.set(kept.dir, [...(dirs.get(kept.dir) ?? []), relPath]);
    });
    for (const [dir, paths] of dirs) {
      try {
        await fsyncDir(dir);
      } catch (error) {
        for (const relPath of paths) this.problems.push(`Could not keep a backup of ${relPath}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /**
   * Links the current version as generation 1 (the others shifted), and its journal; not yet
   * durable. `listed`: the names in the backup folder just before (null: not known), so that a
   * generation not there is not unlinked or renamed (each call only moves a file of its own
   * generation or older, which no earlier call here touched, so the listing still holds).
   */
  private async keep(relPath: string, journal?: string, listed: ReadonlySet<string> | null = null): Promise<{ dir: string } | null> {
    const current = join(this.workspaceDir, relPath);
    const ifThere = (path: string, operation: () => Promise<void>) => (listed && !listed.has(basename(path)) ? undefined : ignoreMissing(operation()));
    try {
      // A file being created has no previous version.
      if (!existsSync(current)) return null;
      await this.ensureDir(dirname(this.path(relPath, 1)));
      const last = this.lastShift.get(relPath);
      if (last === undefined || this.now() - last >= BACKUP_INTERVAL_MS) {
        this.lastShift.set(relPath, this.now());
        await ifThere(this.path(relPath, BACKUP_GENERATIONS), () => unlink(this.path(relPath, BACKUP_GENERATIONS)));
        await ifThere(this.journalPath(relPath, BACKUP_GENERATIONS), () => unlink(this.journalPath(relPath, BACKUP_GENERATIONS)));
        for (let g = BACKUP_GENERATIONS - 1; g >= 1; g--) {
          await ifThere(this.path(relPath, g), () => rename(this.path(relPath, g), this.path(relPath, g + 1)));
          await ifThere(this.journalPath(relPath, g), () => rename(this.journalPath(relPath, g), this.journalPath(relPath, g + 1)));
        }
      } else {
        await ifThere(this.path(relPath, 1), () => unlink(this.path(relPath, 1)));
        await ifThere(this.journalPath(relPath, 1), () => unlink(this.journalPath(relPath, 1)));
      }
      await link(current, this.path(relPath, 1));
      // Temp file, fsync, rename: a journal beside a backup is whole or absent.
      if (journal !== undefined) await writeFileDurable(this.journalPath(relPath, 1), journal);
      return { dir: dirname(this.path(relPath, 1)) };
    } catch (error) {
      this.problems.push(`Could not keep a backup of ${relPath}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /** Replaces the journal beside generation `generation` (a restore extends it to the restored file). */
  async replaceJournal(relPath: string, generation: number, journal: string): Promise<void> {
    await writeFileDurable(this.journalPath(relPath, generation), journal);
  }

  /** Whether some generation's journal seals to `hash`, i.e. the file with that hash can be rebuilt from the backups. */
  async covers(relPath: string, hash: string): Promise<boolean> {
    for (let g = 1; g <= BACKUP_GENERATIONS; g++) if ((await sealedHash(this.journalPath(relPath, g))) === hash) return true;
    return false;
  }

  /** The existing backups of `relPath`, newest first. */
  async list(relPath: string): Promise<BackupCopy[]> {
    const copies: BackupCopy[] = [];
    for (let g = 1; g <= BACKUP_GENERATIONS; g++) {
      const path = this.path(relPath, g);
      try {
        const writtenAt = (await stat(path)).mtime;
        copies.push({ path, generation: g, writtenAt, journal: existsSync(this.journalPath(relPath, g)) ? this.journalPath(relPath, g) : null });
      } catch (error) {
        if (codeOf(error) !== 'ENOENT') throw error;
      }
    }
    return copies;
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.madeDirs.add(dir);
  }
}

/** The names in a folder (none when it does not exist yet), or null when it cannot be listed. */
async function listing(dir: string): Promise<ReadonlySet<string> | null> {
  try {
    return new Set(await readdir(dir));
  } catch (error) {
    return codeOf(error) === 'ENOENT' ? new Set() : null;
  }
}

async function ignoreMissing(operation: Promise<void>): Promise<void> {
  try {
    await operation;
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
}
