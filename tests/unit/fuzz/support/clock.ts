import { fuzzMode, type FuzzMode } from './runs';

/**
 * How long one fuzz case took, and whether that is a hang. The bound is 2 s per file. A
 * hang (a runaway loop, catastrophic backtracking) burns CPU, so the bound is checked on this
 * process's CPU time; wall time is only checked against a gross bound, because on a busy 2-core CI
 * machine a file's fsync or a parallel test file can stretch it without anything being wrong.
 * Which bound applies depends on the mode (see caseLimits).
 */
export const MAX_CPU_MS = 2000;
export const MAX_WALL_MS = 10_000;

/**
 * In `npm test` (the fixed seeds) the bound is only a guard against gross regressions, with a
 * margin of over 5x the slowest case seen (about 1.1 s of CPU, a hostile HTML page): a busy 2-core
 * machine must never fail it by chance. A hang still fails it (it spins far past 10 s). `npm run
 * fuzz` and replays hold each case to the 2 s and report what crosses it.
 */
export const GROSS_LIMITS = { cpuMs: 10_000, wallMs: 60_000 };
export const STRICT_LIMITS = { cpuMs: MAX_CPU_MS, wallMs: MAX_WALL_MS };

export function caseLimits(mode: FuzzMode = fuzzMode()): { cpuMs: number; wallMs: number } {
  return mode === 'fixed' ? GROSS_LIMITS : STRICT_LIMITS;
}

export interface CaseClock {
  /** Problems to report for the case just finished (none when it was quick enough). */
  stop(): { wallMs: number; cpuMs: number; problems: string[] };
}

export function startCase(limits: { cpuMs: number; wallMs: number } = caseLimits()): CaseClock {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return {
    stop() {
      const wallMs = performance.now() - wall;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const problems: string[] = [];
      if (cpuMs > limits.cpuMs) problems.push(`took ${cpuMs.toFixed(0)} ms of CPU (${wallMs.toFixed(0)} ms in all)`);
      else if (wallMs > limits.wallMs) problems.push(`took ${wallMs.toFixed(0)} ms`);
      return { wallMs, cpuMs, problems };
    },
  };
}
