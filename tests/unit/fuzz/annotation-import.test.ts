import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationImportResult } from '../../../src/core/api/exchange';
import { importAnnotations, type InputFile } from '../../../src/main/services/exchange/import-annotations';
import { openWorkspace, type Workspace } from '../../../src/main/services/workspace';
import { sharedAvailable, SHARED_MISSING_REASON } from '../../support/shared';
import { tempDir } from '../../support/temp';
import { SEEDS_DIR } from '../main/services/support';
import { prototypePolluted } from './support/check';
import { formatSeeds, type FormatSeed } from './support/format-seeds';
import { bytesOf, insertText, JSON_SNIPPETS, mutateBytes, mutateJson, mutateLines, pick, type Random } from './support/mutate';
import { startCase } from './support/clock';
import { dumpCase } from './support/dump';
import { fuzzRuns, runFuzz, seedsLine } from './support/runs';

/**
 * The annotation-import service (what the api's importAnnotations and `lede import-annotations`
 * call) fed mutated files from the corpora, as the analyst would choose them: each import either
 * succeeds or is refused with located errors — never an exception, never the service's "failed
 * unexpectedly" safety net, never over 2 s — and a refused import leaves every file of the
 * workspace as it was. Seeds: support/runs.ts (FUZZ_SEED replays one, FUZZ_EXPLORE=N explores);
 * FUZZ_IMPORT_CASES resizes; FUZZ_DUMP=folder keeps failing inputs.
 */
const CASES = Number(process.env.FUZZ_IMPORT_CASES ?? 1000);
const HOSTILE_BRAT = [
  'T9\tClaim 5 3\tx',
  'T8\tClaim 0 99999999\tx',
  'R1\tspeaker Arg1:T404 Arg2:T1',
  'E1\t',
  '#1\tAnnotatorNotes T1\t' + 'n'.repeat(120_000),
  'A1\t__proto__ T1',
  'T7\tconstructor 0 3\tx',
];

if (!sharedAvailable) console.warn(SHARED_MISSING_REASON);

function filesFor(random: Random, seed: FormatSeed, n: number): { files: InputFile[]; as?: string } {
  if (seed.format === 'brat') {
    const base = `doc${n}`;
    const ann = random() < 0.5 ? mutateLines(random, seed.brat.ann, HOSTILE_BRAT) : mutateBytes(random, bytesOf(seed.brat.ann), bytesOf(seed.brat.txt));
    const txt = random() < 0.2 ? mutateBytes(random, bytesOf(seed.brat.txt), bytesOf(seed.brat.txt)) : bytesOf(seed.brat.txt);
    const files: InputFile[] = [{ path: `${base}.ann`, bytes: typeof ann === 'string' ? bytesOf(ann) : ann }];
    if (random() < 0.9) files.push({ path: `${base}.txt`, bytes: txt });
    if (seed.brat.conf && random() < 0.5) files.push({ path: 'annotation.conf', bytes: bytesOf(seed.brat.conf) });
    return { files, as: 'fuzz' };
  }
  const roll = random();
  const text = roll < 0.5 ? mutateJson(random, seed.text, 5000) : roll < 0.8 ? insertText(random, seed.text, pick(random, JSON_SNIPPETS)) : null;
  const bytes = text === null ? mutateBytes(random, bytesOf(seed.text), bytesOf(seed.text)) : bytesOf(text);
  const name = seed.format === 'lede' ? `set${n}.lede.json` : seed.format === 'w3c' ? `set${n}.w3c.json` : `set${n}.jsonl`;
  return { files: [{ path: name, bytes }], ...(seed.format === 'lede' && random() < 0.7 ? {} : { as: 'fuzz' }) };
}

/** Every file of the workspace with its size and mtime (the lock is this process's own). */
function footprint(dir: string): string {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      const stats = statSync(full);
      if (stats.isDirectory()) walk(full);
      else if (name !== 'lede.lock') out.push(`${full}:${stats.size}:${stats.mtimeMs}`);
    }
  };
  walk(dir);
  return out.join('\n');
}

let temp: ReturnType<typeof tempDir>;
let workspace: Workspace;
beforeAll(async () => {
  temp = tempDir('lede-fuzz-import-');
  workspace = await openWorkspace(join(temp.dir, 'ws'), { mode: 'write', seedsDir: SEEDS_DIR });
});
afterAll(async () => {
  await workspace?.close();
  temp?.cleanup();
});

describe.skipIf(!sharedAvailable)('fuzzing the annotation-import service', () => {
  const runs = fuzzRuns([]);
  it(`survives ${CASES} mutated imports per seed`, async () => {
    console.log(seedsLine(runs));
    const seeds = formatSeeds();
    let imported = 0;
    let slowest = 0;
    const generate = (random: Random, n: number) => {
      const source = pick(random, seeds);
      return { source, ...filesFor(random, source, n) };
    };
    const totals = await runFuzz(runs, CASES, generate, async ({ source, files, as }, n, seed) => {
      await workspace.flush();
      const before = footprint(workspace.dir);
      const clock = startCase();
      const problems: string[] = [];
      let result: AnnotationImportResult | null = null;
      try {
        result = await importAnnotations(workspace, files, as === undefined ? {} : { as });
      } catch (error) {
        problems.push(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
      const { wallMs: ms, problems: slow } = clock.stop();
      slowest = Math.max(slowest, ms);
      problems.push(...slow);
      if (result && !result.ok) {
        if (result.errors.length === 0) problems.push('refused without saying why');
        for (const e of result.errors) {
          if (!e.message?.trim()) problems.push(`an error without a message: ${JSON.stringify(e)}`);
          if (/failed unexpectedly/.test(e.message)) problems.push(`an exception inside the import: ${e.message.slice(0, 300)}`);
        }
        await workspace.flush();
        if (footprint(workspace.dir) !== before) problems.push('a refused import changed the workspace');
      } else if (result?.ok) imported++;
      if (prototypePolluted()) problems.push('Object.prototype was polluted');
      if (problems.length) dumpCase(seed, n, Object.fromEntries(files.map((f) => [f.path, f.bytes])));
      return { problems: problems.length ? [`${source.format} ${source.name}: ${problems.join('; ').slice(0, 400)}`] : [], checks: 1 };
    });
    console.log(
      `fuzz cases run / failed (annotation import service): ${totals.cases} / ${totals.failed.length}; imported ${imported}; slowest ${slowest.toFixed(0)} ms; ${seedsLine(runs)}`,
    );
    for (const f of totals.failed.slice(0, 20)) console.log(f);
    expect(totals.failed).toEqual([]);
  }, 300_000);
});
