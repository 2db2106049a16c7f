import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../../src/main/services/paths';
import { runCli } from '../../support/cli';
import { tempDir } from '../../support/temp';

/**
 * A second process on a workspace the browser host holds (both real processes from the build):
 * `lede import` is refused with exit 1 and says who holds the workspace; a second host refuses to
 * start, saying the same; reading (`lede list`) still works; once the host has stopped, importing
 * works again.
 */
const temp = tempDir('lede-lock-cli-');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  temp.cleanup();
});

function startHost(workspace: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(appRoot(), 'out/main/web.js'), '--workspace', workspace, '--port', '0'], {
    cwd: appRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('Open http://127.0.0.1:')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`the host exited with ${code}: ${output}`)));
  });
}

describe('a workspace held by the browser host', () => {
  it('refuses a second writer from the CLI or a second host, with the reason', async () => {
    const workspace = join(temp.dir, 'ws');
    const article = join(temp.dir, 'strike.txt');
    writeFileSync(article, 'Port Strike Ends\nDock workers returned on Friday.');
    const host = await startHost(workspace);

    const refused = runCli(['import', '--workspace', workspace, article]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`is in use by another Lede process \\(Lede, pid ${host.pid} on this computer, since .*\\)\\. Close that one first`),
    );
    expect(refused.stdout).not.toMatch(/added/);

    const second = spawnSync(process.execPath, [join(appRoot(), 'out/main/web.js'), '--workspace', workspace, '--port', '0'], {
      cwd: appRoot(),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`in use by another Lede process .*pid ${host.pid}`));

    const list = runCli(['list', '--workspace', workspace, '--json']);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(5);

    await new Promise<void>((resolve) => {
      host.on('exit', () => resolve());
      host.kill('SIGTERM');
    });
    const accepted = runCli(['import', '--workspace', workspace, article]);
    expect(accepted.status).toBe(0);
    expect(accepted.stdout).toMatch(/1 added/);
  }, 90_000);
});
