import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startCase } from './support/clock';

describe('the fuzz cases’ clock', () => {
  it('calls a case that spins the CPU past the bound a hang', () => {
    const clock = startCase({ cpuMs: 40, wallMs: 60_000 });
    // Spin until this process has used 200 ms of CPU (not for a wall time: a busy machine would
    // give a wall-timed spin less CPU than the bound).
    const cpu = process.cpuUsage();
    const used = () => {
      const u = process.cpuUsage(cpu);
      return (u.user + u.system) / 1000;
    };
    while (used() < 200);
    expect(clock.stop().problems).toEqual([expect.stringMatching(/^took \d+ ms of CPU/)]);
  });

  it('lets a case that only waits (a slow disk, a busy machine) pass up to the gross wall bound', async () => {
    // Sleeping uses next to no CPU; the bound leaves room for the worker's own threads (GC).
    const waiting = startCase({ cpuMs: 1000, wallMs: 60_000 });
    await sleep(120);
    expect(waiting.stop().problems).toEqual([]);
    const stuck = startCase({ cpuMs: 1000, wallMs: 60 });
    await sleep(120);
    expect(stuck.stop().problems).toEqual([expect.stringMatching(/^took \d+ ms$/)]);
  });
});
