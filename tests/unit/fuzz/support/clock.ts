/**
 * How long one fuzz case took, and whether that is a hang. The bound is 2 s per file. A
 * hang (a runaway loop, catastrophic backtracking) burns CPU, so the bound is checked on this
 * process's CPU time; wall time is only checked against a gross bound, because on a busy 2-core CI
 * machine a file's fsync or a parallel test file can stretch it without anything being wrong.
 */
export const MAX_CPU_MS = 2000;
export const MAX_WALL_MS = 10_000;

export interface CaseClock {
  /** Problems to report for the case just finished (none when it was quick enough). */
  stop(): { wallMs: number; cpuMs: number; problems: string[] };
}

export function startCase(limits: { cpuMs: number; wallMs: number } = { cpuMs: MAX_CPU_MS, wallMs: MAX_WALL_MS }): CaseClock {
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
