import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appRoot } from '../../../../../src/main/services/paths';
import { LOCK_FILE, WorkspaceLock } from '../../../../../src/main/services/store/lock';
import { openWorkspace } from '../../../../../src/main/services/workspace';
import { tempDir } from '../../../../support/temp';
import { SEEDS_DIR, newWorkspace } from '../support';

const HOLDER = join(appRoot(), 'tests/unit/main/services/store/fixtures/hold-workspace.ts');
const children: ChildProcess[] = [];
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const c of cleanups.splice(0)) await c();
});

/** Runs the holder script in a real second Node process; resolves with its first line. */
function secondProcess(dir: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir, SEEDS_DIR], { cwd: appRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, line: out.split('\n')[0]! });
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`second process exited with ${code}: ${err}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('workspace lock', () => {
  it('refuses a second writer in the same process, naming the holder', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const error = await openWorkspace(dir, { mode: 'write' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'locked' });
    expect((error as Error).message).toContain(`pid ${process.pid} on this computer`);
    // a reader is never refused, and the holder keeps working
    const reader = await openWorkspace(dir, { mode: 'read' });
    expect((await reader.listArticles()).length).toBe(5);
    await ws.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await openWorkspace(dir, { mode: 'write' });
    await again.close();
  });

  it('refuses a writer while a real second process holds the workspace, and takes over once it is killed', async () => {
    const { dir, cleanup } = tempDir('lede-lock-');
    cleanups.push(cleanup);
    const { child, line } = await secondProcess(dir);
    expect(line).toBe(`OPEN ${child.pid}`);
    const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    expect(owner).toMatchObject({ pid: child.pid, hostname: hostname() });

    const refused = await openWorkspace(dir, { mode: 'write' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'locked' });
    expect((refused as Error).message).toMatch(new RegExp(`in use by another Lede process \\(Lede, pid ${child.pid} on this computer, since `));

    await killed(child); // SIGKILL: no chance to release the lock
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    const ws = await openWorkspace(dir, { mode: 'write' });
    cleanups.unshift(() => ws.close());
    expect((await ws.listArticles()).length).toBe(5);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  }, 60_000);

  it('makes a real second process refuse to open while this one holds the lock', async () => {
    const { dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const { line } = await secondProcess(dir);
    expect(line.startsWith('ERROR ')).toBe(true);
    const error = JSON.parse(line.slice('ERROR '.length));
    expect(error.code).toBe('locked');
    expect(error.message).toContain(`pid ${process.pid}`);
  }, 60_000);

  it('takes over a lock left by a dead process, a damaged lock, and one with our own pid from an earlier run', async () => {
    const { dir, cleanup } = tempDir('lede-lock-');
    cleanups.push(cleanup);
    const lockPath = join(dir, LOCK_FILE);
    const deadPid = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid!));
    });
    for (const content of [
      JSON.stringify({ pid: deadPid, hostname: hostname(), since: '2020-01-01T00:00:00.000Z', purpose: 'Lede' }),
      '{"pid": 12',
      JSON.stringify({ pid: process.pid, hostname: hostname(), since: '2020-01-01T00:00:00.000Z', purpose: 'Lede' }),
    ]) {
      writeFileSync(lockPath, content);
      const lock = await WorkspaceLock.acquire(dir);
      expect(lock.owner.pid).toBe(process.pid);
      await lock.release();
      expect(existsSync(lockPath)).toBe(false);
    }
  });

  it('takes over a stale lock whose breaker was left by a process that died while taking it over', async () => {
    const { dir, cleanup } = tempDir('lede-lock-');
    cleanups.push(cleanup);
    const deadPid = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid!));
    });
    const stale = JSON.stringify({ pid: deadPid, hostname: hostname(), since: '2020-01-01T00:00:00.000Z', purpose: 'Lede' });
    writeFileSync(join(dir, LOCK_FILE), stale);
    const breaker = join(dir, `${LOCK_FILE}.break.${createHash('sha256').update(stale).digest('hex').slice(0, 16)}`);
    writeFileSync(
      breaker,
      JSON.stringify({ pid: deadPid, hostname: hostname(), since: '2020-01-01T00:00:01.000Z', purpose: 'taking over a stale lock', nonce: 'x' }),
    );
    const lock = await WorkspaceLock.acquire(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).nonce).toBe(lock.owner.nonce);
    await lock.release();
  });

  it('does not judge a lock held from another computer', async () => {
    const { dir, cleanup } = tempDir('lede-lock-');
    cleanups.push(cleanup);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, hostname: 'other-host.example', since: '2020-01-01T00:00:00.000Z', purpose: 'Lede' }));
    await expect(WorkspaceLock.acquire(dir)).rejects.toThrow(/pid 1 on the computer "other-host\.example"/);
  });
});
