/**
 * Benchmarks are plain scripts under bench/, run with tsx by scripts/bench.mjs. Each prints its
 * figures with `report()`, one JSON object per line prefixed by BENCH_LINE, which the runner
 * collects into the table and bench-results.json.
 */
export const BENCH_LINE = 'BENCH ';

export interface BenchFigure {
  name: string;
  median: number;
  unit: string;
  /** Human-readable target, e.g. "<= 15 ms"; empty when the figure is informative only. */
  target: string;
  ok: boolean;
}

export function report(figure: BenchFigure): void {
  process.stdout.write(`${BENCH_LINE}${JSON.stringify(figure)}\n`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `runs` times (after `warmup` untimed runs) and returns the milliseconds of each run. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Reports a median in ms against an upper bound. */
export function reportMs(name: string, times: readonly number[], maxMs: number | null): number {
  const m = median(times);
  report({ name, median: round(m), unit: 'ms', target: maxMs === null ? '' : `<= ${maxMs} ms`, ok: maxMs === null || m <= maxMs });
  return m;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
