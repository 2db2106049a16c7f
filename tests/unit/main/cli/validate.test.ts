import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../support/cli';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../../support/shared';
import { tempDir } from '../../../support/temp';

if (!sharedAvailable) console.warn(`lede validate corpus test ${SHARED_MISSING_REASON}`);

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lede-cli-validate-')));
afterEach(() => cleanup());

describe('lede validate', () => {
  it.skipIf(!sharedAvailable)('accepts every brat corpus, exit 0', () => {
    for (const folder of ['corpora/brat-tutorial-news', 'corpora/polnear-single', 'corpora/polnear-multi']) {
      const run = runCli(['validate', sharedPath(folder)]);
      expect(run.status, run.stdout).toBe(0);
      expect(run.stdout).toMatch(/OK: \d+ annotation files? checked, no problems\./);
    }
  });

  it('prints every problem of every file with file, line and field, exit 1', () => {
    const folder = join(dir, 'brat');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'Alpha beta gamma.');
    writeFileSync(join(folder, 'a.ann'), 'T1\tActor 0 5\tAlpha\nT1\tActor 6 10\tbeta\nT3\tActor 6 10\tBETA\nA1\tNegated T9\nbroken line\n');
    writeFileSync(join(folder, 'lonely.ann'), '');
    writeFileSync(join(dir, 'x.jsonl'), '{"text":"abc","label":[[2,1,"y"]]}\n{"text":"abc","__proto__":{}}\n');
    writeFileSync(join(dir, 'y.lede.json'), '{"format":"lede-annotations","version":99}');
    const run = runCli(['validate', folder, join(dir, 'x.jsonl'), join(dir, 'y.lede.json')]);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^error: a\.ann:2 id annotation T1: id T1 is already used on line 1$/));
    expect(lines).toContainEqual(expect.stringMatching(/^error: a\.ann:3 .*annotation T3: /));
    expect(lines).toContainEqual(expect.stringMatching(/^error: a\.ann:4 target annotation A1: T9 is not defined$/));
    expect(lines).toContainEqual(expect.stringMatching(/^error: a\.ann:5/));
    expect(lines).toContainEqual('error: lonely.ann: lonely.txt is missing: a .ann is checked against its text');
    expect(lines).toContainEqual(expect.stringMatching(/^error: x\.jsonl:1 label\[0\]: span is reversed/));
    expect(lines).toContainEqual(expect.stringMatching(/^error: x\.jsonl:2 __proto__: key "__proto__" is not allowed/));
    expect(lines).toContainEqual(expect.stringMatching(/^error: y\.lede\.json version: made by a newer Lede/));
    expect(run.stdout).toMatch(/\d+ problems found\./);
  });

  it('resolves W3C targets against a workspace named with --workspace, reading it without changing it', () => {
    const ws = join(dir, 'ws');
    writeFileSync(join(dir, 'strike.txt'), 'Port Strike Ends\nDock workers returned on Friday.');
    writeFileSync(join(dir, 'strike.ann'), 'T1\tactor 17 29\tDock workers\n');
    expect(runCli(['import-annotations', '--workspace', ws, '--as', 'me', join(dir, 'strike.txt'), join(dir, 'strike.ann')]).status).toBe(0);
    const exported = join(dir, 'all.jsonld');
    expect(runCli(['export', '--workspace', ws, '--format', 'w3c', '--out', exported]).status).toBe(0);
    // As another tool would write it: targets name the texts, the file does not carry them.
    const collection = JSON.parse(readFileSync(exported, 'utf8'));
    delete collection['lede:sources'];
    const bare = join(dir, 'bare.jsonld');
    writeFileSync(bare, JSON.stringify(collection));

    const alone = runCli(['validate', bare]);
    expect(alone.status).toBe(1);
    expect(alone.stdout).toMatch(/neither in the file nor in the workspace/);
    const footprint = () =>
      readdirSync(ws, { recursive: true, encoding: 'utf8' })
        .sort()
        .map((f) => `${f} ${statSync(join(ws, f)).mtimeMs}`);
    const before = footprint();
    const resolved = runCli(['validate', '--workspace', ws, bare]);
    expect(resolved.status, resolved.stdout).toBe(0);
    expect(resolved.stdout).toMatch(/OK: 1 annotation file checked, no problems\./);
    expect(footprint()).toEqual(before);
  });

  it('usage errors exit 2', () => {
    expect(runCli(['validate']).status).toBe(2);
    expect(runCli(['validate', '--format', 'csv', 'x']).status).toBe(2);
  });
});
