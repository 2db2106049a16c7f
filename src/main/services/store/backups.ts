import { existsSync } from 'node:fs';
import { link, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { codeOf } from './durable-write';

/** How many generations of each file are kept: backups/<file>.1 (newest) … .3 (oldest). */
export const BACKUP_GENERATIONS = 3;
/** A new generation is made at most this often per file (see `Backups.beforeReplace`). */
export const BACKUP_INTERVAL_MS = 60_000;

export interface BackupCopy {
  path: string;
  generation: number;
  /** When this version of the file was written. */
  writtenAt: Date;
}

/**
 * Rolling backups under `<workspace>/backups/`, mirroring the workspace's layout.
 *
 * Why this stays off the save cost: a generation is a HARD LINK to the file that is about to be
 * replaced. Every save replaces a file by renaming a new one over it (durable-write.ts) and never
 * writes into the old one, so the linked inode is a frozen snapshot, made with one metadata
 * operation and no copying whatever the file's size. It is also time-throttled: at most one new
 * generation per file per BACKUP_INTERVAL_MS, so a burst of edits costs a handful of renames
 * once a minute, and the kept generations span minutes of work instead of the last three
 * keystrokes. The first save of a file in each session always makes one.
 */
export class Backups {
  private readonly lastBackup = new Map<string, number>();
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

  /** Called just before `relPath` is replaced: keeps the current version as generation 1. */
  async beforeReplace(relPath: string): Promise<void> {
    const last = this.lastBackup.get(relPath);
    if (last !== undefined && this.now() - last < BACKUP_INTERVAL_MS) return;
    const current = join(this.workspaceDir, relPath);
    try {
      // A file being created has no previous version; the throttle starts with its first backup.
      if (!existsSync(current)) return;
      this.lastBackup.set(relPath, this.now());
      await this.ensureDir(dirname(this.path(relPath, 1)));
      await ignoreMissing(unlink(this.path(relPath, BACKUP_GENERATIONS)));
      for (let g = BACKUP_GENERATIONS - 1; g >= 1; g--) {
        await ignoreMissing(rename(this.path(relPath, g), this.path(relPath, g + 1)));
      }
      await link(current, this.path(relPath, 1));
    } catch (error) {
      this.problems.push(`Could not keep a backup of ${relPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The existing backups of `relPath`, newest first. */
  async list(relPath: string): Promise<BackupCopy[]> {
    const copies: BackupCopy[] = [];
    for (let g = 1; g <= BACKUP_GENERATIONS; g++) {
      const path = this.path(relPath, g);
      try {
        copies.push({ path, generation: g, writtenAt: (await stat(path)).mtime });
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

async function ignoreMissing(operation: Promise<void>): Promise<void> {
  try {
    await operation;
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
}
