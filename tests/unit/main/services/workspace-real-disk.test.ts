import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { tempDir } from '../../../support/temp';
import { docOnDisk, insertEdit, SEEDS_DIR } from './support';

/**
 * Write failures on a real file system rather than an injected fault: a small tmpfs that is
 * remounted read-only (EROFS) or filled up (ENOSPC). Tests run as root, where chmod does not stop
 * writes, so a mount is the real way; it needs mount rights (root with CAP_SYS_ADMIN, as on these
 * machines). Where mounting is not allowed, these tests say why they are skipped; the same
 * guarantees are also checked everywhere with injected faults in workspace-edits.test.ts.
 */

function mountCommand(...args: string[]): { ok: boolean; error: string } {
  const r = spawnSync('mount', args, { encoding: 'utf8' });
  return { ok: r.status === 0, error: `${r.stderr ?? ''}${r.error?.message ?? ''}`.trim() };
}

function probeMount(): string | null {
  if (process.platform !== 'linux') return `skipped: tmpfs mounts are a Linux test device (platform is ${process.platform})`;
  const { dir, cleanup } = tempDir('lede-mount-probe-');
  try {
    const mounted = mountCommand('-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir);
    if (!mounted.ok) return `skipped: cannot mount a tmpfs here (${mounted.error || 'mount failed'}); injected faults cover this elsewhere`;
    spawnSync('umount', [dir]);
    return null;
  } finally {
    cleanup();
  }
}

const skipReason = probeMount();
if (skipReason) console.warn(skipReason);

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function workspaceOnTmpfs(size: string) {
  const { dir, cleanup } = tempDir('lede-tmpfs-');
  const mountPoint = join(dir, 'disk');
  mkdirSync(mountPoint);
  expect(mountCommand('-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint).ok).toBe(true);
  cleanups.push(() => {
    spawnSync('umount', ['-l', mountPoint]);
    cleanup();
  });
  const wsDir = join(mountPoint, 'workspace');
  const ws = await openWorkspace(wsDir, { mode: 'write', seedsDir: SEEDS_DIR });
  cleanups.unshift(() => ws.close().catch(() => undefined));
  const id = (await ws.listArticles())[0]!.id;
  await ws.applyEdit(insertEdit(await ws.getDoc(id), 'claim', 0, 9));
  return { ws, mountPoint, wsDir, id };
}

describe.skipIf(skipReason !== null)('saving on a real disk that refuses writes', () => {
  it('read-only file system (EROFS): io error, memory equals disk, and saving works again once writable', async () => {
    const { ws, mountPoint, wsDir, id } = await workspaceOnTmpfs('4m');
    expect(mountCommand('-o', 'remount,ro', mountPoint).ok).toBe(true);

    const error = await ws.applyEdit(insertEdit(await ws.getDoc(id), 'quote', 20, 30)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'io', message: expect.stringMatching(/^The disk is read-only while saving .*The change was not saved\.$/) });
    expect(await ws.getDoc(id)).toEqual(docOnDisk(wsDir, id));
    expect((await ws.getDoc(id)).annotations).toHaveLength(1);
    const report = await ws.importArticleFiles([{ name: 'late.txt', bytes: new TextEncoder().encode('Late news\n\nText.') }]);
    expect(report.failed[0]?.error).toMatch(/^late\.txt: The disk is read-only/);
    expect((await ws.listArticles()).length).toBe(5);

    expect(mountCommand('-o', 'remount,rw', mountPoint).ok).toBe(true);
    await ws.applyEdit(insertEdit(await ws.getDoc(id), 'quote', 20, 30));
    expect(docOnDisk(wsDir, id).annotations).toHaveLength(2);
  });

  it('full disk (ENOSPC): io error, the stored file stays complete, memory equals disk', async () => {
    const { ws, mountPoint, wsDir, id } = await workspaceOnTmpfs('512k');
    const filler = join(mountPoint, 'filler.bin');
    try {
      writeFileSync(filler, Buffer.alloc(1024 * 1024, 1));
    } catch (error) {
      expect((error as { code?: string }).code).toBe('ENOSPC');
    }
    const big = insertEdit(await ws.getDoc(id), 'claim', 30, 60);
    if (big.kind === 'doc' && big.command.op === 'insert') big.command.annotations[0]!.note = 'n'.repeat(50_000);
    const error = await ws.applyEdit(big).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'io', message: expect.stringMatching(/^The disk is full while saving/) });
    expect(docOnDisk(wsDir, id)).toEqual(await ws.getDoc(id));
    expect((await ws.getDoc(id)).annotations).toHaveLength(1);

    rmSync(filler);
    await ws.applyEdit(big);
    expect(docOnDisk(wsDir, id).annotations).toHaveLength(2);
  });
});
