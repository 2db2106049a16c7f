import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../support/cli';
import { tempDir } from '../../../support/temp';

let dir: string;
let cleanup: () => void;
let ws: string;
let articleId: string;

/** A workspace made through the CLI: the seeds, and one tagged article imported as a brat pair. */
beforeAll(() => {
  ({ dir, cleanup } = tempDir('lede-cli-export-'));
  ws = join(dir, 'ws');
  const text = 'Port Strike Ends\nDock workers returned on Friday, the union said.';
  writeFileSync(join(dir, 'strike.txt'), text);
  writeFileSync(
    join(dir, 'strike.ann'),
    'T1\tactor 17 29\tDock workers\nT2\tclaim 17 64\tDock workers returned on Friday, the union said\nR1\tsource Arg1:T2 Arg2:T1\t\n#1\tAnnotatorNotes T2\tcheck the date\n',
  );
  const run = runCli(['import-annotations', '--workspace', ws, '--as', 'me', join(dir, 'strike.txt'), join(dir, 'strike.ann')]);
  if (run.status !== 0) throw new Error(run.stderr);
  articleId = /added article (a_[0-9a-f]{16})/.exec(run.stdout)![1]!;
});
afterAll(() => cleanup());

describe('lede export', () => {
  it('writes one file per format, importable again as another layer', () => {
    for (const [format, ext] of [
      ['lede', 'lede.json'],
      ['w3c', 'jsonld'],
      ['jsonl', 'jsonl'],
      ['csv', 'csv'],
      ['conll', 'conll'],
    ] as const) {
      const out = join(dir, `all.${ext}`);
      const run = runCli(['export', '--workspace', ws, '--format', format, '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Exported 2 annotations of 6 articles as ${format}: ${out}`);
      expect(readFileSync(out, 'utf8')).toContain(format === 'conll' ? 'Dock\tB-claim' : 'Dock workers');
    }
    const back = runCli(['import-annotations', '--workspace', ws, '--as', 'copy', join(dir, 'all.jsonld')]);
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toContain('layer copy: 2 annotations, 1 link in 6 articles');
  });

  it('writes brat as a folder of .txt/.ann pairs with annotation.conf, for one article and one layer', () => {
    const out = join(dir, 'brat');
    const run = runCli(['export', '--workspace', ws, '--format', 'brat', '--article', articleId, '--annotator', 'me', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['annotation.conf', 'strike.ann', 'strike.txt', 'visual.conf']);
    expect(readFileSync(join(out, 'strike.ann'), 'utf8')).toContain('AnnotatorNotes');
    const check = runCli(['validate', out]);
    expect(check.status, check.stdout).toBe(0);
  });

  it('--split writes one importable file per article; the JSONL entities variant', () => {
    const out = join(dir, 'split');
    const run = runCli(['export', '--workspace', ws, '--format', 'w3c', '--split', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out)).toHaveLength(6);
    expect(readdirSync(out)).toContain('strike.w3c.jsonld');
    const entities = join(dir, 'entities.jsonl');
    expect(runCli(['export', '--workspace', ws, '--format', 'jsonl', '--jsonl-variant', 'entities', '--out', entities]).status).toBe(0);
    expect(readFileSync(entities, 'utf8')).toContain('"start_offset":17');
  });

  it('unknown articles or layers fail with exit 1 and write nothing; usage errors exit 2', () => {
    const out = join(dir, 'nothing.json');
    const noArticle = runCli(['export', '--workspace', ws, '--format', 'lede', '--article', 'a_0000000000000000', '--out', out]);
    expect(noArticle.status).toBe(1);
    expect(noArticle.stderr).toMatch(/No article a_0000000000000000 in this workspace/);
    const noLayer = runCli(['export', '--workspace', ws, '--format', 'lede', '--annotator', 'nobody', '--out', out]);
    expect(noLayer.status).toBe(1);
    expect(noLayer.stderr).toMatch(/No layer named "nobody" in the articles chosen\. Layers: copy, me\./);
    expect(existsSync(out)).toBe(false);
    for (const args of [
      ['export', '--workspace', ws, '--out', out],
      ['export', '--workspace', ws, '--format', 'pdf', '--out', out],
      ['export', '--workspace', ws, '--format', 'lede'],
      ['export', '--format', 'jsonl', '--jsonl-variant', 'x', '--out', out],
    ]) {
      expect(runCli(args).status, args.join(' ')).toBe(2);
    }
  });

  it('a write that fails (OUT under a file) exits 1 with its error, before the loss report', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    for (const extra of [
      ['--format', 'brat'],
      ['--format', 'w3c', '--split'],
    ]) {
      const run = runCli(['export', '--workspace', ws, ...extra, '--out', join(blocker, 'out')]);
      expect(run.status, extra.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/ENOTDIR/);
      expect(run.stderr).not.toMatch(/^layers:/m);
      expect(run.stdout).not.toMatch(/Exported/);
    }
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder');
  });

  it('--all-layers writes a brat project OUT/<annotator>/<doc>.txt/.ann and says so on stderr; --annotator repeats', () => {
    const out = join(dir, 'project');
    const run = runCli(['export', '--workspace', ws, '--format', 'brat', '--article', articleId, '--all-layers', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('layers: 2 layers (copy, me), kept apart: a brat project: one folder per annotator, <annotator>/<doc>.txt and .ann.');
    expect(readdirSync(out).sort()).toEqual(['annotation.conf', 'copy', 'me', 'visual.conf']);
    expect(readdirSync(join(out, 'me')).sort()).toEqual(['strike.ann', 'strike.txt']);
    // The project reads back as its two layers, as `lede agree` and imports expect.
    const agree = runCli(['agree', out]);
    expect(agree.status, agree.stderr).toBe(0);
    const two = join(dir, 'two');
    const named = runCli(['export', '--workspace', ws, '--format', 'jsonl', '--annotator', 'me', '--annotator', 'copy', '--out', two]);
    expect(named.status, named.stderr).toBe(0);
    expect(readdirSync(two).sort()).toEqual(['copy.jsonl', 'me.jsonl']);
  });

  it('defaults to the own layer, and reports on stderr what the format could not carry', () => {
    const out = join(dir, 'mine.conll');
    const run = runCli(['export', '--workspace', ws, '--format', 'conll', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    // The layout first, then one line per loss (written at once, still one line each).
    expect(run.stderr.split('\n')).toEqual([
      'layers: Only the layer me.',
      'lost: 1 link of type "source": CoNLL has no links; not exported',
      'lost: 1 annotation note: CoNLL has no notes; not exported',
      '',
    ]);
    expect(run.stdout).toContain('Exported 2 annotations of 6 articles as conll');
    const both = runCli(['export', '--workspace', ws, '--format', 'lede', '--annotator', 'me', '--all-layers', '--out', join(dir, 'both.json')]);
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/either the layers to export or all layers/);
  });
});
