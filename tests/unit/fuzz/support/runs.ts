import { FIXED_SEED, mulberry32 } from '../../crash/random';
import type { Random } from './mutate';

/**
 * Which seeds a fuzz test runs. `npm test` must give the same answer every time, so by default a
 * fuzz test runs a fixed seed plus every seed that once found a bug (each replaying only the
 * case that found it); a failure found by chance there would block an unrelated change. Open-ended
 * exploration is `npm run fuzz` (FUZZ_EXPLORE=N: N fresh seeds, printed, failing cases dumped).
 * FUZZ_SEED=S replays one seed's cases in full.
 */
export interface FuzzRun {
  seed: number;
  /** Only these case numbers of the seed (a regression); every case when absent. */
  only?: readonly number[];
  /** What the seed once found (regressions only). */
  found?: string;
}

/** A seed that found a bug, the case of it that did, and what it was: replayed by every `npm test`. */
export interface Regression {
  seed: number;
  caseNumber: number;
  found: string;
}

export type FuzzMode = 'fixed' | 'replay' | 'explore';

export function fuzzMode(env: NodeJS.ProcessEnv = process.env): FuzzMode {
  if (env.FUZZ_SEED) return 'replay';
  if (env.FUZZ_EXPLORE) return 'explore';
  return 'fixed';
}

export function fuzzRuns(regressions: readonly Regression[], env: NodeJS.ProcessEnv = process.env): FuzzRun[] {
  const mode = fuzzMode(env);
  if (mode === 'replay') return [{ seed: Number(env.FUZZ_SEED) >>> 0 }];
  if (mode === 'explore') {
    const count = Math.max(1, Number(env.FUZZ_EXPLORE) || 1);
    return Array.from({ length: count }, () => ({ seed: (Math.random() * 2 ** 32) >>> 0 }));
  }
  return [{ seed: FIXED_SEED }, ...regressions.map((r) => ({ seed: r.seed, only: [r.caseNumber], found: r.found }))];
}

export interface FuzzTotals {
  /** Cases run (a case may hold several checks; `checks` counts those). */
  cases: number;
  checks: number;
  failed: string[];
  seeds: number[];
}

/**
 * Runs `cases` cases of every run: each case is generated from the run's seeded random source in
 * order (so case n of a seed is always the same input), and checked unless the run replays only
 * some cases. `check` returns the problems of one case (none when it passed) and how many checks
 * it made.
 */
export async function runFuzz<Case>(
  runs: readonly FuzzRun[],
  cases: number,
  generate: (random: Random, n: number) => Case,
  check: (c: Case, n: number, seed: number) => Promise<{ problems: string[]; checks: number }> | { problems: string[]; checks: number },
): Promise<FuzzTotals> {
  const totals: FuzzTotals = { cases: 0, checks: 0, failed: [], seeds: runs.map((r) => r.seed) };
  for (const run of runs) {
    const random = mulberry32(run.seed);
    const last = run.only ? Math.max(...run.only) : cases - 1;
    for (let n = 0; n <= last; n++) {
      const c = generate(random, n);
      if (run.only && !run.only.includes(n)) continue;
      const { problems, checks } = await check(c, n, run.seed);
      totals.cases++;
      totals.checks += checks;
      for (const p of problems) totals.failed.push(`seed ${run.seed} case ${n}${run.found ? ` (regression: ${run.found})` : ''}: ${p}`);
    }
  }
  return totals;
}

/** The seeds line every fuzz test prints (the hardening bench reads it back). */
export function seedsLine(runs: readonly FuzzRun[]): string {
  return `FUZZ_SEED=${[...new Set(runs.map((r) => r.seed))].join(',')} (${fuzzMode()}; FUZZ_SEED=S replays one seed)`;
}
