import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../support/cli';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../../support/shared';
import { tempDir } from '../../../support/temp';
import { folderSnapshot } from '../services/exchange/support';

if (!sharedAvailable) console.warn(`lede import-annotations tests ${SHARED_MISSING_REASON}`);

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lede-cli-import-annotations-')));
afterEach(() => cleanup());

const seed = (name: string) => readFileSync(join('seeds', name), 'utf8');

/** A real workspace made by the CLI: the five seeds and one more article. */
function newWorkspace(ws: string): void {
  const article = join(dir, 'extra.txt');
  writeFileSync(article, 'Harbour Reopens\nThe harbour reopened on Monday.');
  const run = runCli(['import', '--workspace', ws, article]);
  if (run.status !== 0) throw new Error(run.stderr);
}

describe('lede import-annotations', () => {
  it('imports a brat .ann for a seed article as a named layer and prints the report', () => {
    const ws = join(dir, 'ws');
    newWorkspace(ws);
    const text = seed('000_d052c3cef2812ef5.txt');
    const first = text.split(/\s/)[0]!;
    const ann = join(dir, '000_d052c3cef2812ef5.ann');
    writeFileSync(ann, `T1\tSpeaker 0 ${first.length}\t${first}\nA1\tConfidence T1 high\n`);
    const run = runCli(['import-annotations', '--workspace', ws, '--as', 'colleague', ann]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('layer colleague: 1 annotation, 0 links in 1 article');
    expect(run.stdout).toContain('label schema: added label Speaker');
    expect(run.stdout).toContain('label schema: added attribute Confidence on Speaker');
    expect(run.stdout).toContain('Imported 1 layer: 0 articles added, 1 matched by text.');
    const list = JSON.parse(runCli(['list', '--workspace', ws, '--json']).stdout) as { authors: Record<string, number> }[];
    expect(list.filter((a) => a.authors.colleague === 1)).toHaveLength(1);

    // The same again is refused (the layer exists), changing nothing; --replace replaces it.
    const before = folderSnapshot(ws);
    const again = runCli(['import-annotations', '--workspace', ws, '--as', 'colleague', ann]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/error: 000_d052c3cef2812ef5\.ann: the article .* already has a layer "colleague" \(1 annotation\)/);
    expect(again.stderr).toContain('Nothing was imported: 1 problem.');
    expect(folderSnapshot(ws)).toEqual(before);
    const replaced = runCli(['import-annotations', '--workspace', ws, '--as', 'colleague', '--replace', ann]);
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toContain('(replaced on 1 article)');
  });

  it.skipIf(!sharedAvailable)('takes layer names from a brat project folder, with no --as', () => {
    const ws = join(dir, 'ws');
    const project = join(dir, 'project');
    for (const annotator of ['4b22', '5fec']) cpSync(sharedPath('corpora/polnear-multi', annotator), join(project, annotator), { recursive: true });
    const run = runCli(['import-annotations', '--workspace', ws, project]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/layer 4b22: \d+ annotations, \d+ links in 11 articles/);
    expect(run.stdout).toMatch(/layer 5fec: \d+ annotations, \d+ links in 11 articles/);
    const withAs = runCli(['import-annotations', '--workspace', ws, '--as', 'x', project]);
    expect(withAs.status).toBe(1);
    expect(withAs.stderr).toMatch(/takes its layer names from its annotator folders \(4b22, 5fec\); leave the layer name out/);
  });

  it('prints every located problem and exits 1; changes nothing', () => {
    const ws = join(dir, 'ws');
    newWorkspace(ws);
    const before = folderSnapshot(ws);
    const folder = join(dir, 'brat');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'Alpha beta gamma.');
    writeFileSync(join(folder, 'a.ann'), 'T1\tActor 0 5\tAlpha\nT2\tActor 6 99\tbeta\n');
    writeFileSync(join(folder, 'b.jsonl'), '{"text": "x", "label": [[0, 1, "y"]]}\n{"text": 5}\n');
    writeFileSync(join(folder, 'c.lede.json'), Buffer.from([0x7b, 0x0a, 0xff, 0x7d]));
    const run = runCli(['import-annotations', '--workspace', ws, '--as', 'x', folder, join(dir, 'missing.ann')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing\.ann: no such file or folder/);
    const second = runCli(['import-annotations', '--workspace', ws, '--as', 'x', folder]);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/error: a\.ann:2 .*T2.*: /);
    expect(second.stderr).toMatch(/error: b\.jsonl:2 text: /);
    expect(second.stderr).toMatch(/error: c\.lede\.json:2: .*not valid UTF-8 \(byte 0xff at offset 2\)/);
    expect(folderSnapshot(ws)).toEqual(before);
  });

  it('usage errors exit 2', () => {
    for (const args of [
      ['import-annotations'],
      ['import-annotations', '--format', 'csv', 'x'],
      ['import-annotations', '--as', '', 'x'],
      ['import-annotations', '--bogus', 'x'],
    ]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
    }
  });
});
