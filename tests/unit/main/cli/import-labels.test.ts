import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipFiles } from '../../../../src/main/services/exchange/download';
import { runCli } from '../../../support/cli';
import { tempDir } from '../../../support/temp';
import { folderSnapshot } from '../services/exchange/support';

/** Labels by meaning through the real binary: --map, zips of the app's own export, and agreement across spellings. */
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lede-cli-import-labels-')));
afterEach(() => cleanup());

const TEXT = 'Harbour Reopens\nMayor Ana Diaz said the harbour reopened on Monday after the storm.';
const span = (type: string, n: number, word: string) => `T${n}\t${type} ${TEXT.indexOf(word)} ${TEXT.indexOf(word) + word.length}\t${word}`;
const ANN = (actor: string, quote: string) => `${span(actor, 1, 'Ana Diaz')}\n${span(quote, 2, 'the harbour reopened on Monday')}\n`;

function workspace(): string {
  const ws = join(dir, 'ws');
  const article = join(dir, 'harbour.txt');
  writeFileSync(article, TEXT);
  const run = runCli(['import', '--workspace', ws, article]);
  if (run.status !== 0) throw new Error(run.stderr);
  return ws;
}

function bratPair(folder: string, ann: string): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'harbour.txt'), TEXT);
  writeFileSync(join(folder, 'harbour.ann'), ann);
  return folder;
}

const instanceF1 = (stdout: string) => (JSON.parse(stdout) as { instance_f1: { mean_f1: number } }).instance_f1.mean_f1;

describe('labels by meaning through the CLI', () => {
  it("agree: a colleague's Actor/Quote imported beside our actor/quote agree fully, not 0.000", () => {
    const ws = workspace();
    expect(runCli(['import-annotations', '--workspace', ws, '--as', 'me', bratPair(join(dir, 'me'), ANN('actor', 'quote'))]).status).toBe(0);
    const theirs = runCli(['import-annotations', '--workspace', ws, '--as', 'colleague', bratPair(join(dir, 'colleague'), ANN('Actor', 'Quote'))]);
    expect(theirs.stderr).toBe('');
    expect(theirs.stdout).toContain('label Actor → actor');
    expect(theirs.stdout).not.toContain('added label');
    const agree = runCli(['agree', '--workspace', ws, '--layers', 'me,colleague', '--json']);
    expect(agree.status, agree.stderr).toBe(0);
    expect(instanceF1(agree.stdout)).toBe(1);
  });

  it('agree on a brat project whose annotators spell the labels differently (Actor, actor) matches them', () => {
    const project = join(dir, 'project');
    bratPair(join(project, 'alice'), ANN('Actor', 'Quote'));
    bratPair(join(project, 'bob'), ANN('actor', 'QUOTE'));
    const agree = runCli(['agree', project, '--json']);
    expect(agree.status, agree.stderr).toBe(0);
    expect(instanceF1(agree.stdout)).toBe(1);
    expect((JSON.parse(agree.stdout) as { labels: string[] }).labels).toHaveLength(2);
  });

  it('--map puts their labels onto ours; an unknown label on either side is an error that changes nothing; a malformed map is a usage error', () => {
    const ws = workspace();
    const folder = bratPair(join(dir, 'theirs'), ANN('Person', 'Statement'));
    const before = folderSnapshot(ws);
    const typo = runCli(['import-annotations', '--workspace', ws, '--as', 'colleague', '--map', 'Persn=actor', folder]);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('error: map: the files have no label "Persn" to map (their labels: Person, Statement)');
    const ours = runCli(['import-annotations', '--workspace', ws, '--as', 'colleague', '--map', 'Person=Speaker', folder]);
    expect(ours.status).toBe(1);
    expect(ours.stderr).toMatch(/error: map: the workspace has no label "Speaker" to map "Person" to \(labels: Claim, Quote, Actor, Event\)/);
    expect(folderSnapshot(ws)).toEqual(before);
    expect(runCli(['import-annotations', '--workspace', ws, '--as', 'colleague', '--map', 'Person', folder]).status).toBe(2);

    const run = runCli(['import-annotations', '--workspace', ws, '--as', 'colleague', '--map', 'Person=Actor', '--map', 'Statement=quote', folder]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('label Person → actor (mapped)');
    expect(run.stdout).toContain('label Statement → quote (mapped)');
    expect(run.stdout).not.toContain('added label');
  });

  it("a zip of the app's own brat export imports back through the CLI", () => {
    const ws = workspace();
    expect(runCli(['import-annotations', '--workspace', ws, '--as', 'me', bratPair(join(dir, 'me'), ANN('actor', 'quote'))]).status).toBe(0);
    const out = join(dir, 'export');
    expect(runCli(['export', '--workspace', ws, '--format', 'brat', '--annotator', 'me', '--out', out]).status).toBe(0);
    const files = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => ({ path: relative(out, join(e.parentPath, e.name)).split('\\').join('/'), content: readFileSync(join(e.parentPath, e.name), 'utf8') }));
    const zip = join(dir, 'lede-brat.zip');
    writeFileSync(zip, zipFiles(files));
    const run = runCli(['import-annotations', '--workspace', ws, '--as', 'colleague', zip]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/layer colleague: 2 annotations, 0 links in \d+ articles?/);
    const agree = runCli(['agree', '--workspace', ws, '--layers', 'me,colleague', '--json']);
    expect(instanceF1(agree.stdout)).toBe(1);
  });
});
