/**
 * The browser side of the benchmarks: the browser host (out/main/web.js, built if missing) on a
 * workspace folder, and Debian's Chromium driven by Playwright.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'out/main/web.js')) && existsSync(join(ROOT, 'out/renderer/index.html'))) return;
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
}

export interface Host {
  url: string;
  stop(): Promise<void>;
}

export function startHost(dir: string): Promise<Host> {
  return new Promise((ok, fail) => {
    const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--workspace', dir, '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok({
          url: m[1]!,
          stop: async () => {
            child.kill('SIGTERM');
            await new Promise((r) => child.once('exit', r));
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
