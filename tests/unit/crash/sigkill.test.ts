import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../../src/main/services/paths';
import { openWorkspace } from '../../../src/main/services/workspace';
import { tempDir } from '../../support/temp';
import { SEEDS_DIR } from '../main/services/support';
import { mulberry32, seedFrom } from './random';

/**
 * Crash safety against real files: a child Node process runs the real Workspace and saves edits
 * as fast as it can, acknowledging each once applyEdit has resolved; this test SIGKILLs it at
 * random moments (sometimes while it is still opening and recovering the workspace), then checks
 * the workspace: it loads, every acknowledged save is there, the one save in flight is either
 * wholly there or wholly absent, nothing was set aside as damaged and there is no notice of loss.
 * Then it starts the writer again on the same folder, and so on. `npm test` runs a fixed seed (the
 * kill moments still vary with the machine's timing); CRASH_SEED=... replays a run's delays.
 */

const WRITER_SOURCE = join(appRoot(), 'tests/unit/crash/fixtures/save-loop.ts');
/** The writer bundled once (packages stay external, so it sits where node_modules resolve): it starts in half the time tsx takes. */
const WRITER = join(appRoot(), 'node_modules/.cache/lede-tests/save-loop.mjs');
const MIN_SAVES = 500;
const MIN_KILLS = 100;
/**
 * A guard against a writer that stopped making progress, not a speed target: a run takes about
 * 40 s on a quiet 2-core machine, and the loop ends on counts (kills, saves), never on time, so
 * a busy machine only makes it longer.
 */
const TIME_BUDGET_MS = 480_000;

type Op = { kind: 'insert' | 'update' | 'remove'; articleId: string; id: string; note?: string };
/** What must be on disk: per article, our annotations' ids and notes. */
type Model = Map<string, Map<string, string>>;

function applyOp(model: Model, op: Op): Model {
  const next: Model = new Map([...model].map(([id, anns]) => [id, new Map(anns)]));
  const anns = next.get(op.articleId) ?? new Map<string, string>();
  next.set(op.articleId, anns);
  if (op.kind === 'insert') anns.set(op.id, '');
  else if (op.kind === 'update') anns.set(op.id, op.note!);
  else anns.delete(op.id);
  return next;
}

function sameModel(a: Model, b: Model): boolean {
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const key of keys) {
    const x = a.get(key) ?? new Map();
    const y = b.get(key) ?? new Map();
    if (x.size !== y.size) return false;
    for (const [id, note] of x) if (y.get(id) !== note) return false;
  }
  return true;
}

interface Round {
  acked: Op[];
  pending: Op | null;
  ready: boolean;
  stderr: string;
}

/** Starts the writer, kills it after `delayMs` (counted from READY, or from the start if `early`). */
function runAndKill(dir: string, seed: number, delayMs: number, early: boolean): Promise<Round> {
  const child: ChildProcess = spawn(process.execPath, [WRITER, dir, SEEDS_DIR, String(seed)], { cwd: appRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  const round: Round = { acked: [], pending: null, ready: false, stderr: '' };
  let buffer = '';
  let timer: NodeJS.Timeout | undefined;
  const kill = () => child.kill('SIGKILL');
  if (early) timer = setTimeout(kill, delayMs);
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.startsWith('READY ')) {
        round.ready = true;
        const notices = JSON.parse(line.slice(6)) as string[];
        if (notices.length) round.stderr += `writer started with notices: ${notices.join(' | ')}\n`;
        if (!early) timer = setTimeout(kill, delayMs);
      } else if (line.startsWith('BEGIN ')) round.pending = JSON.parse(line.slice(6)) as Op;
      else if (line === 'ACK' && round.pending) {
        round.acked.push(round.pending);
        round.pending = null;
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (round.stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') round.stderr += `writer exited by itself (${code ?? signal})\n`;
      resolve(round);
    });
  });
}

/** Our annotations as stored, read through a read-only open (which never writes or repairs). */
async function stored(dir: string): Promise<{ model: Model; notices: string[] }> {
  const workspace = await openWorkspace(dir, { mode: 'read' });
  try {
    const model: Model = new Map();
    for (const { id } of await workspace.listArticles()) {
      const doc = await workspace.getDoc(id);
      model.set(id, new Map(doc.annotations.filter((a) => a.id.startsWith('ann_k')).map((a) => [a.id, a.note])));
    }
    return { model, notices: workspace.info().notices };
  } finally {
    await workspace.close();
  }
}

const temp = tempDir('lede-sigkill-');
beforeAll(() => {
  buildSync({
    entryPoints: [WRITER_SOURCE],
    outfile: WRITER,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    logLevel: 'error',
  });
});
afterAll(() => temp.cleanup());

describe('SIGKILL while saving', () => {
  it(`keeps every acknowledged save through at least ${MIN_KILLS} kills and ${MIN_SAVES} saves`, async () => {
    const seed = seedFrom('CRASH_SEED');
    const random = mulberry32(seed);
    const dir = join(temp.dir, 'ws');
    let model: Model = new Map();
    let tried = 0;
    let survived = 0;
    let saves = 0;
    let inFlightKept = 0;
    const failures: string[] = [];
    const started = Date.now();
    while ((saves < MIN_SAVES || tried < MIN_KILLS) && Date.now() - started < TIME_BUDGET_MS && failures.length === 0) {
      const early = tried > 0 && random() < 0.15;
      const delay = early ? random() * 600 : random() < 0.2 ? random() * 15 : random() * 250;
      const round = await runAndKill(dir, (seed + tried) >>> 0, delay, early);
      tried++;
      if (round.stderr.trim()) {
        failures.push(`kill ${tried}: ${round.stderr.trim()}`);
        break;
      }
      for (const op of round.acked) model = applyOp(model, op);
      saves += round.acked.length;
      let after: Awaited<ReturnType<typeof stored>>;
      try {
        after = await stored(dir);
      } catch (error) {
        failures.push(`kill ${tried}: the workspace did not load: ${(error as Error).message}`);
        break;
      }
      const problems: string[] = [];
      if (after.notices.length) problems.push(`notices: ${after.notices.join(' | ')}`);
      if (existsSync(join(dir, 'damaged'))) problems.push(`damaged/ holds ${readdirSync(join(dir, 'damaged')).join(', ')}`);
      if (sameModel(after.model, model)) {
        // the save in flight (if any) did not land
      } else if (round.pending && sameModel(after.model, applyOp(model, round.pending))) {
        model = applyOp(model, round.pending);
        inFlightKept++;
      } else problems.push(`stored annotations differ from the acknowledged saves (pending: ${JSON.stringify(round.pending)})`);
      if (problems.length) failures.push(`kill ${tried} (${early ? 'while starting' : 'while saving'}, after ${delay.toFixed(0)} ms): ${problems.join('; ')}`);
      else survived++;
    }
    console.log(`kills survived / kills tried: ${survived} / ${tried}`);
    console.log(
      `saves acknowledged before a kill: ${saves}; saves in flight at a kill that landed whole: ${inFlightKept}; seconds: ${((Date.now() - started) / 1000).toFixed(1)}`,
    );
    expect(failures).toEqual([]);
    expect(survived).toBe(tried);
    expect(tried).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(saves).toBeGreaterThanOrEqual(MIN_SAVES);
  }, 600_000);
});
