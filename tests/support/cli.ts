import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CLI = resolve(ROOT, 'bin/lede.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `lede` CLI (bin/lede.js -> out/main/cli.js) in its own process. The build is
 * made by `npm install`/`npm test` before the unit tests run.
 */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  if (!existsSync(resolve(ROOT, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first');
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LEDE_WORKSPACE: '', ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
