import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../../../src/main/services/store/lock';
import { openWorkspace } from '../../../../../src/main/services/workspace';
import { tempDir } from '../../../../support/temp';
import { SEEDS_DIR } from '../support';

/**
 * Issue 11, item 9: what the analyst reads when a workspace cannot be opened for writing — a
 * read-only disk, a full disk, a lock whose pid now belongs to another program — says what is
 * wrong and what to do, in words (it used to be "EROFS: … lede.lock.<pid>.1.tmp").
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A small tmpfs holding a closed workspace, or null (with the reason printed) where mount is not permitted. */
async function workspaceOnTmpfs(): Promise<{ mountPoint: string; dir: string } | null> {
  const { dir: mountPoint, cleanup } = tempDir('lede-tmpfs-');
  cleanups.push(cleanup);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (error) {
    console.log(`skipped: cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
  cleanups.push(() => execFileSync('umount', ['-l', mountPoint]));
  const dir = join(mountPoint, 'ws');
  mkdirSync(dir);
  const ws = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
  await ws.close();
  return { mountPoint, dir };
}

describe('opening a workspace that cannot be written', () => {
  it('a read-only disk: said in words, and reading still works', async (context) => {
    const at = await workspaceOnTmpfs();
    if (!at) return context.skip('skipped: cannot mount a small tmpfs here (needs root), and a read-only disk cannot be made without one');
    execFileSync('mount', ['-o', 'remount,ro', at.mountPoint]);
    const error = await openWorkspace(at.dir, { mode: 'write' }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `Lede cannot open the workspace ${at.dir} for writing. The disk is read-only: copy the workspace to a disk you can write to, or look at it read-only (lede list, lede export).`,
    );
    const reader = await openWorkspace(at.dir, { mode: 'read' });
    expect(await reader.listArticles()).toHaveLength(5);
    await reader.close();
  });

  it('a full disk: said in words', async (context) => {
    const at = await workspaceOnTmpfs();
    if (!at) return context.skip('skipped: cannot mount a small tmpfs here (needs root), and a full disk cannot be made without one');
    try {
      writeFileSync(join(at.mountPoint, 'filler'), Buffer.alloc(2 * 1024 * 1024));
    } catch {
      // ENOSPC: full, as wanted
    }
    const error = await openWorkspace(at.dir, { mode: 'write' }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `Lede cannot open the workspace ${at.dir} for writing. The disk is full: free some space and open the workspace again. Nothing in it was changed.`,
    );
  });

  it('a stale lock whose pid now belongs to a program started after it is taken over; a live holder is named with the way in', async () => {
    const { dir, cleanup } = tempDir('lede-lock-');
    cleanups.push(cleanup);
    const other = spawn('sleep', ['30']);
    cleanups.push(() => other.kill('SIGKILL'));
    await new Promise((resolve) => other.once('spawn', resolve));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: other.pid, hostname: hostname(), since: '2020-01-01T00:00:00.000Z', purpose: 'Lede' }));
    const ws = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
    await ws.close();

    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: other.pid, hostname: hostname(), since: new Date(Date.now() + 60_000).toISOString(), purpose: 'Lede' }),
    );
    const refused = await openWorkspace(dir, { mode: 'write' }).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(
      new RegExp(
        `pid ${other.pid} on this computer.*If no Lede is running there, the lock was left by a crash: delete ${join(dir, LOCK_FILE).replace(/[.]/g, '\\.')} and open the workspace again\\.$`,
      ),
    );
  });
});
