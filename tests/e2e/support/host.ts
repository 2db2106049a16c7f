import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  workspace: string;
  /** Stops the host process (SIGTERM, so it releases its lock) and starts a new one on the same workspace. */
  restart(): Promise<void>;
  /** Starts the host again after `stop()`, as an analyst does (same workspace, no --port: the kept one); `args` are extra flags. */
  start(args?: string[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the real browser host (`out/main/web.js`, built by `npm run build`) as its own process
 * on a fresh temporary workspace, and reads the URL it prints.
 */
export async function startHost(workspace: string): Promise<RunningHost> {
  let child: ChildProcess;
  let url = '';
  const launch = async (args: string[]) => {
    const started = await spawnHost(workspace, args);
    child = started.child;
    url = started.url;
  };
  // A fresh workspace keeps no port yet: any free one, which the host then keeps for restarts.
  await launch(['--port', '0']);
  const stop = () => stopChild(child!);
  const host: RunningHost = {
    get url() {
      return url;
    },
    get origin() {
      return new URL(url).origin;
    },
    get token() {
      return new URL(url).searchParams.get('token') ?? '';
    },
    workspace,
    async restart() {
      await stop();
      await launch([]);
    },
    start: (args = []) => launch(args),
    stop,
  };
  return host;
}

function spawnHost(workspace: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--workspace', workspace, ...args], {
      cwd: ROOT,
      env: { ...process.env, LEDE_WORKSPACE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the host did not start in time:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, url: match[1]! });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}

/** A Playwright test with a fresh workspace and a running host per test. */
export const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test needs from this pattern
  host: async ({}, use) => {
    const workspace = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
    const host = await startHost(workspace);
    await use(host);
    await host.stop();
    rmSync(workspace, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
