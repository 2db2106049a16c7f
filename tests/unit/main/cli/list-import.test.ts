import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../support/cli';
import { tempDir } from '../../../support/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lede-cli-')));
afterEach(() => cleanup());

describe('lede import and list', () => {
  it('imports files, reports added, skipped and failed, and exits 1 when any failed', () => {
    const workspace = join(dir, 'ws');
    const good = join(dir, 'report.txt');
    const again = join(dir, 'report-copy.txt');
    const bad = join(dir, 'latin1.txt');
    writeFileSync(good, 'Port Strike Ends\nDock workers returned on Friday.');
    writeFileSync(again, 'Port Strike Ends\nDock workers returned on Friday.');
    writeFileSync(bad, Buffer.from([0x63, 0x61, 0x66, 0xe9]));

    const run = runCli(['import', '--workspace', workspace, good, again, bad, join(dir, 'missing.txt')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/added\s+a_[0-9a-f]{16}\s+Port Strike Ends/);
    expect(run.stdout).toMatch(/skipped\s+report-copy\.txt/);
    expect(run.stderr).toMatch(/failed\s+latin1\.txt:1: is not valid UTF-8/);
    // Named once: the reason already starts with the file's name.
    expect(run.stderr).not.toMatch(/latin1\.txt: latin1\.txt/);
    expect(run.stderr).toMatch(/failed\s+.*missing\.txt: no such file/);
    expect(run.stdout).toContain('1 added, 1 skipped, 2 failed');

    const list = runCli(['list', '--workspace', workspace, '--json']);
    expect(list.status).toBe(0);
    const articles = JSON.parse(list.stdout) as { title: string; annotationCount: number }[];
    expect(articles).toHaveLength(6);
    expect(articles.map((a) => a.title)).toContain('Port Strike Ends');
    expect(articles.every((a) => a.annotationCount === 0)).toBe(true);

    const table = runCli(['list', '--workspace', workspace]);
    expect(table.stdout).toContain('Port Strike Ends');
    expect(table.stdout).toContain('6 articles');
  });

  it('reads the workspace from LEDE_WORKSPACE when --workspace is absent', () => {
    const workspace = join(dir, 'from-env');
    const file = join(dir, 'a.md');
    writeFileSync(file, '# Budget Passes\n\nThe budget passed.');
    expect(runCli(['import', file], { LEDE_WORKSPACE: workspace }).status).toBe(0);
    const list = runCli(['list', '--json'], { LEDE_WORKSPACE: workspace });
    expect(JSON.parse(list.stdout).map((a: { title: string }) => a.title)).toContain('Budget Passes');
  });

  it('prints help and exits 2 on usage errors', () => {
    for (const args of [['bogus'], ['list', '--bad'], ['import']]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout + run.stderr).toMatch(/Usage: lede/);
    }
  });
});
