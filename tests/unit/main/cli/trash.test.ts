import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../support/cli';
import { tempDir } from '../../../support/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lede-cli-trash-')));
afterEach(() => cleanup());

const ids = (workspace: string) => (JSON.parse(runCli(['list', '--json', '--workspace', workspace]).stdout) as { id: string }[]).map((a) => a.id);

describe('lede init', () => {
  it('creates an empty workspace with --no-seeds, a seeded one without, and leaves an existing one alone', () => {
    const empty = join(dir, 'empty');
    const run = runCli(['init', '--no-seeds', '--workspace', empty]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('created the workspace');
    expect(run.stdout).toContain('0 articles');
    expect(ids(empty)).toEqual([]);
    expect(existsSync(join(empty, 'label-schema.json'))).toBe(true);

    const seeded = join(dir, 'seeded');
    expect(runCli(['init', '--workspace', seeded]).stdout).toContain('with 5 articles');
    const again = runCli(['init', '--no-seeds', '--workspace', seeded]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already a Lede workspace (5 articles); nothing was changed');
  });
});

describe('lede delete, trash, restore', () => {
  it('moves articles to the trash, lists them, restores one, and refuses unknown ids changing nothing', () => {
    const ws = join(dir, 'ws');
    runCli(['init', '--workspace', ws]);
    const [a, b, c] = ids(ws);
    const del = runCli(['delete', a!, b!, '--workspace', ws]);
    expect(del.status).toBe(0);
    expect(del.stdout).toContain('2 articles moved to the trash');
    expect(ids(ws)).toHaveLength(3);
    const trash = JSON.parse(runCli(['trash', '--json', '--workspace', ws]).stdout) as { id: string }[];
    expect(trash.map((t) => t.id).sort()).toEqual([a, b].sort());
    expect(runCli(['trash', '--workspace', ws]).stdout).toContain('2 articles in the trash');

    const restore = runCli(['restore', a!, '--workspace', ws]);
    expect(restore.stdout).toContain(`restored ${a}`);
    expect(ids(ws)).toContain(a);

    const bad = runCli(['delete', c!, 'art_missing', '--workspace', ws]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('art_missing');
    expect(ids(ws)).toContain(c);
    expect(runCli(['restore', c!, '--workspace', ws]).status).toBe(1);

    expect(runCli(['trash', '--empty', '--workspace', ws]).stdout).toContain('1 article deleted for good');
    expect(readdirSync(ws)).not.toContain('trash');
    expect(ids(ws)).toHaveLength(4);
  });
});
