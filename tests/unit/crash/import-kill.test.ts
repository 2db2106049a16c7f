import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../../src/main/services/paths';
import { openWorkspace } from '../../../src/main/services/workspace';
import { tempDir } from '../../support/temp';
import { articleTexts, bratSet, leftovers, withLayer } from '../main/services/store/import-support';
import { SEEDS_DIR } from '../main/services/support';
import { mulberry32, seedFrom } from './random';

/**
 * Issue 11, item 3, under real crashes: a child process imports a brat set onto every article of a
 * workspace as a new layer and is SIGKILLed at a random moment of the import (from half to 1.1 times the
 * import's measured length: parsing comes first, the writes last; old code left 96 of 100 there). After each kill the workspace is opened as Lede opens it at
 * the next start, and the layer must be on every article or on none; every earlier layer whole.
 * `npm test` runs IMPORT_KILLS (default 24) kills; the hardening bench runs 200.
 */

const SOURCE = join(appRoot(), 'tests/unit/crash/fixtures/import-once.ts');
const BUNDLE = join(appRoot(), 'node_modules/.cache/lede-tests/import-once.mjs');
const KILLS = Number(process.env.IMPORT_KILLS || 24);
const ARTICLES = 100;

function runAndKill(dir: string, setDir: string, layer: string, delayMs: number): Promise<{ killed: boolean; ms: number; stderr: string }> {
  const child = spawn(process.execPath, [BUNDLE, dir, setDir, layer], { cwd: appRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let started = 0;
  let timer: NodeJS.Timeout | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    if (!started && chunk.toString().includes('READY')) {
      started = Date.now();
      timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', ms: started ? Date.now() - started : 0, stderr });
    });
  });
}

const temp = tempDir('lede-import-kill-');
beforeAll(() => {
  buildSync({
    entryPoints: [SOURCE],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    logLevel: 'error',
  });
});
afterAll(() => temp.cleanup());

describe('SIGKILL during an annotation import', () => {
  it(`leaves every import whole or absent through ${KILLS} kills`, async () => {
    const random = mulberry32(seedFrom('CRASH_SEED'));
    const dir = join(temp.dir, 'ws');
    const texts = articleTexts(ARTICLES, 20_000);
    const setDir = join(temp.dir, 'set');
    mkdirSync(setDir);
    for (const f of bratSet(texts)) writeFileSync(join(setDir, f.path), f.bytes);
    const ws = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
    await ws.importArticleFiles(texts.map((t, i) => ({ name: `doc${i}.txt`, bytes: new TextEncoder().encode(t) })));
    await ws.close();

    let estimate = 400;
    let kills = 0;
    let partial = 0;
    let whole = 0;
    const complete: string[] = [];
    const failures: string[] = [];
    for (let trial = 0; kills < KILLS && trial < KILLS * 3 && failures.length === 0; trial++) {
      const layer = `L${trial}`;
      const run = await runAndKill(dir, setDir, layer, estimate * (0.5 + random() * 0.6));
      if (!run.killed) {
        if (run.stderr.trim()) failures.push(`trial ${trial}: ${run.stderr.trim()}`);
        estimate = Math.max(50, run.ms);
      } else kills++;
      const after = await openWorkspace(dir, { mode: 'write' });
      try {
        const n = await withLayer(after, layer);
        if (n === ARTICLES) {
          complete.push(layer);
          if (run.killed) whole++;
        } else if (n !== 0) {
          partial++;
          failures.push(`trial ${trial}: ${n} of ${ARTICLES} articles have the layer`);
        }
        for (const earlier of complete)
          if ((await withLayer(after, earlier)) !== ARTICLES) failures.push(`trial ${trial}: the earlier layer ${earlier} is no longer whole`);
        const notices = after
          .info()
          .notices.filter((n) => !/^A change to \d+ file\(s\) \(an annotation import\) was interrupted by a crash; it was completed/.test(n));
        if (notices.length) failures.push(`trial ${trial}: notices ${notices.join(' | ')}`);
        if (existsSync(join(dir, 'damaged'))) failures.push(`trial ${trial}: files were set aside as damaged`);
      } finally {
        await after.close();
      }
      const left = leftovers(dir);
      if (left.length) failures.push(`trial ${trial}: left behind ${left.join(', ')}`);
    }
    console.log(`import kills / partial imports left: ${kills} / ${partial} (killed imports found whole: ${whole}; ${ARTICLES} articles each)`);
    expect(failures).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
  }, 600_000);
});
