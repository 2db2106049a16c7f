import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { runCli } from '../../../support/cli';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../../support/shared';
import { tempDir } from '../../../support/temp';
import { SEEDS_DIR } from '../services/support';
import { putBratProject, referenceMismatches } from '../services/review/support';

if (!sharedAvailable) console.warn(`lede agree tests ${SHARED_MISSING_REASON}`);

let dir: string;
let cleanup: () => void;
const POLNEAR = sharedAvailable ? sharedPath('corpora/polnear-multi') : '';

/** A workspace made with the real store, holding two annotators' layers (or only the first). */
async function workspaceWith(name: string, annotators: string[]): Promise<string> {
  const path = join(dir, name);
  const ws = await openWorkspace(path, { mode: 'write', seedsDir: SEEDS_DIR });
  await putBratProject(ws, POLNEAR, annotators);
  await ws.close();
  return path;
}

describe.skipIf(!sharedAvailable)('lede agree', () => {
  let twoLayers: string;
  let oneLayer: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('lede-agree-'));
    twoLayers = await workspaceWith('two', ['4b22', '5fec']);
    oneLayer = await workspaceWith('one', ['d473']);
  }, 60_000);
  afterAll(() => cleanup());

  it('reproduces the reference figures from the brat project, through the real binary', () => {
    const run = runCli(['agree', POLNEAR, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const reference = JSON.parse(readFileSync(sharedPath('reference/polnear-multi-agreement.json'), 'utf8'));
    expect(referenceMismatches(reference, JSON.parse(run.stdout))).toEqual([]);
  });

  it('prints markdown tables by default, with n/a where a figure is undefined', () => {
    const run = runCli(['agree', POLNEAR]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('# Inter-annotator agreement');
    expect(run.stdout).toContain('- 6 annotators: 4b22, 4e07, 5fec, 6b86, d473, ef2d');
    expect(run.stdout).toContain('left out: huff-post_2016-03-23_how-the-democratic-elite-betraye (no layer for 4e07)');
    expect(run.stdout).toMatch(/\| Label \| Mean F1 \| SD F1 \| Pairs \|\n\| --- \| --- \| --- \| --- \|\n\| Attribution \| 0\.732 \| 0\.026 \| 15 \|/);
    // Kappa is undefined for 4b22|4e07 on Discard, which neither of them used: n/a, never 0 or NaN,
    // and so is the mean over pairs; alpha is defined.
    const discard = run.stdout.split('\n').find((l) => l.startsWith('| Discard |') && l.split('|').length > 15)!;
    const cells = discard
      .split('|')
      .map((c) => c.trim())
      .slice(1, -1);
    expect(cells.slice(0, 4)).toEqual(['Discard', 'n/a', '0.000', 'n/a']);
    expect(cells.slice(-2)).toEqual(['n/a', '0.133']);
    expect(run.stdout).not.toMatch(/NaN/);
  });

  it('compares two layers of a workspace with the same figures as the brat project gives for them', () => {
    const fromWorkspace = runCli(['agree', '--workspace', twoLayers, '--json']);
    expect(fromWorkspace.status).toBe(0);
    const fromBrat = runCli(['agree', POLNEAR, '--layers', '4b22,5fec', '--json']);
    const ws = JSON.parse(fromWorkspace.stdout);
    const brat = JSON.parse(fromBrat.stdout);
    expect(ws.coders).toEqual(['4b22', '5fec']);
    expect(ws.documents).toBe(11);
    for (const key of ['labels', 'tokens', 'token_binary']) expect(ws[key]).toEqual(brat[key]);
    for (const family of ['instance_f1', 'token_f1']) {
      expect(ws[family].mean_f1).toBeCloseTo(brat[family].mean_f1, 12);
      expect(ws[family].per_label).toEqual(brat[family].per_label);
    }
    const markdown = runCli(['agree', '--workspace', twoLayers, '--layers', '5fec,4b22']);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain('- 2 annotators: 4b22, 5fec');
    expect(markdown.stdout).toContain('11 documents compared');
  });

  it('answers bad paths and too few layers with a clear error: usage errors exit 2, failures 1', () => {
    const cases: [string[], number, RegExp][] = [
      [['agree', join(dir, 'missing')], 1, /no such folder/],
      [['agree', join(POLNEAR, '4b22', 'nyt_2016-08-11_new-emails-raise-queries-over-cl.txt')], 1, /not a folder/],
      [['agree', twoLayers], 1, /is a Lede workspace, not a brat project: use --workspace/],
      [['agree', '--workspace', join(dir, 'missing')], 1, /There is no Lede workspace in/],
      [['agree', '--workspace', oneLayer], 1, /at least two layers; the workspace .* has only "d473"/],
      [['agree', '--workspace', twoLayers, '--layers', '4b22,nobody'], 1, /No layer named "nobody" in this workspace\. Layers: 4b22, 5fec/],
      [['agree', POLNEAR, '--layers', '4b22,nobody'], 1, /no annotator folder nobody/],
      [['agree', POLNEAR, '--layers', '4b22'], 2, /at least two different layers/],
      [['agree', POLNEAR, '--layers', '4b22,4b22'], 2, /at least two different layers/],
      [['agree', POLNEAR, '--workspace', twoLayers], 2, /either --workspace DIR or a brat project folder, not both/],
      [['agree', '--bogus'], 2, /unknown option/],
    ];
    for (const [args, status, message] of cases) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(status);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stdout, args.join(' ')).toBe('');
    }
  });
});

describe('lede agree on a brat project with a trigger shared by two events', () => {
  const PROJECT = join(__dirname, '../../../fixtures/brat-shared-trigger');

  it('counts the shared trigger once and reports link and attribute agreement, in JSON and markdown', () => {
    const run = runCli(['agree', PROJECT, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    // Two Attack events over one trigger were two instances (instance F1 0.889, Attack 0.667) before.
    expect(json.instance_f1.mean_f1).toBe(1);
    expect(json.instance_f1.per_label.Attack.mean_f1).toBe(1);
    expect(json.token_f1.mean_f1).toBe(1);
    expect(json.instance_f1.pairs['ana|ben']).toEqual({ tp: 4, fp: 0, fn: 0, f1: 1 });
    expect(json.link_f1.per_type).toEqual({ Agent: { mean_f1: 1, sd_f1: 0 }, Target: { mean_f1: 2 / 3, sd_f1: 0 } });
    expect(json.link_f1.pairs['ana|ben']).toEqual({ tp: 2, fp: 0, fn: 1, f1: 0.8 });
    expect(json.attribute_agreement).toEqual({ Certainty: { mean_agreement: 0, sd_agreement: 0, pairs: { 'ana|ben': { compared: 1, agreed: 0, share: 0 } } } });

    const markdown = runCli(['agree', PROJECT]);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toMatch(/## Link F1\n\n.*\n\nOverall: mean F1 0\.800/);
    expect(markdown.stdout).toMatch(/\| Target \| 0\.667 \| 0\.000 \| 1 \|/);
    expect(markdown.stdout).toContain('| Certainty | 0.000 (0/1) | 0.000 | 0.000 |');
  });
});
