import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../support/cli';
import { tempDir } from '../../../support/temp';

/**
 * `lede suggest` through the real binary: suggestions written as annotation files (workspace
 * articles and loose text files), stored as the layer `suggested` all or nothing, and evaluated
 * against the PolNeAR corpus.
 */

const STORY = [
  'Mayor Promises New Harbour',
  '“We will rebuild the harbour before winter,” Mayor Anna Berg said on Tuesday. “The town cannot wait,” she added.',
  'According to the port authority, the work will cost 40 million euros.',
].join('\n');

let dir: string;
let cleanup: () => void;
let ws: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('lede-cli-suggest-'));
  ws = join(dir, 'ws');
  writeFileSync(join(dir, 'harbour.txt'), STORY);
  const run = runCli(['import', '--workspace', ws, join(dir, 'harbour.txt')]);
  if (run.status !== 0) throw new Error(run.stderr);
});
afterAll(() => cleanup());

describe('lede suggest', () => {
  it('writes a loose text file’s quotes, speakers and actors as a brat pair, with the speaker as a link', () => {
    const out = join(dir, 'loose');
    const run = runCli(['suggest', join(dir, 'harbour.txt'), '--format', 'brat', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['annotation.conf', 'harbour.ann', 'harbour.txt', 'visual.conf']);
    const ann = readFileSync(join(out, 'harbour.ann'), 'utf8');
    expect(readFileSync(join(out, 'harbour.txt'), 'utf8')).toBe(STORY);
    const quote = /^(T\d+)\tquote [^\t]+\t“We will rebuild the harbour before winter,”/m.exec(ann);
    const berg = /^(T\d+)\tactor [^\t]+\t(?:Mayor )?Anna Berg$/m.exec(ann);
    expect(quote, ann).not.toBeNull();
    expect(berg, ann).not.toBeNull();
    expect(ann).toMatch(new RegExp(`^R\\d+\\tspeaker Arg1:${quote![1]} Arg2:${berg![1]}\\t`, 'm'));
  });

  it('reads the workspace without changing it, and --kinds leaves out what was not asked for', () => {
    const before = readFileSync(join(ws, 'index.json'), 'utf8');
    const out = join(dir, 'quotes.jsonl');
    const run = runCli(['suggest', '--workspace', ws, '--kinds', 'quote', '--format', 'jsonl', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Suggested [1-9]\d* quotes?, 0 actors and 0 speaker links in 6 articles, as jsonl/);
    const labels = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .flatMap((line) => (JSON.parse(line) as { label: [number, number, string][] }).label.map((l) => l[2]));
    expect(new Set(labels)).toEqual(new Set(['quote']));
    expect(readFileSync(join(ws, 'index.json'), 'utf8')).toBe(before);
  });

  it('--accept stores the suggestions as the layer "suggested", refuses a second time without --replace, and replaces with it', () => {
    const first = runCli(['suggest', '--workspace', ws, '--accept']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/layer suggested: \d+ annotations, \d+ links? in 6 articles/);
    const again = runCli(['suggest', '--workspace', ws, '--accept']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has a layer "suggested"');
    expect(again.stderr).toContain('--replace');
    const replaced = runCli(['suggest', '--workspace', ws, '--accept', '--replace']);
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain('(replaced on 6 articles)');
  });

  it('refuses contradictory or incomplete usage with exit 2 and a sentence that says what to do', () => {
    for (const [args, message] of [
      [['suggest', '--workspace', ws], '--format brat|w3c|jsonl --out PATH, or --accept'],
      [['suggest', '--workspace', ws, '--kinds', 'speaker', '--format', 'brat', '--out', join(dir, 'x')], 'add quote to --kinds'],
      [['suggest', '--workspace', ws, '--kinds', 'quotes', '--format', 'brat', '--out', join(dir, 'x')], 'not: quotes'],
      [['suggest', join(dir, 'harbour.txt'), '--accept'], 'import the files first'],
      [['suggest', '--workspace', ws, '--replace', '--format', 'brat', '--out', join(dir, 'x')], '--replace goes with --accept'],
    ] as const) {
      const run = runCli([...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
    const missing = runCli(['suggest', '--workspace', ws, '--article', 'a_0000000000000000', '--format', 'brat', '--out', join(dir, 'x')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no article with id a_0000000000000000');
  });

  it('--evaluate prints precision, recall, F1 and speaker accuracy on the PolNeAR corpus', () => {
    const run = runCli(['suggest', '--evaluate', join(__dirname, '../../../../../shared/corpora/polnear-single')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/direct quotes, overlap ≥ 0\.5 +P 0\.\d{3} +R 0\.\d{3} +F1 0\.\d{3}/);
    expect(run.stdout).toMatch(/speaker accuracy on matched direct quotes: 0\.\d{3}/);
    const none = runCli(['suggest', '--evaluate', ws]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no brat documents');
  });
});
