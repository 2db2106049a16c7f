import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startCase } from './support/clock';

describe('the fuzz cases’ clock', () => {
  it('calls a case that spins the CPU past the bound a hang', () => {
    const clock = startCase({ cpuMs: 40, wallMs: 10_000 });
    for (const until = performance.now() + 120; performance.now() < until; );
    expect(clock.stop().problems).toEqual([expect.stringMatching(/^took \d+ ms of CPU/)]);
  });

  it('lets a case that only waits (a slow disk, a busy machine) pass up to the gross wall bound', async () => {
    const waiting = startCase({ cpuMs: 40, wallMs: 10_000 });
    await sleep(120);
    expect(waiting.stop().problems).toEqual([]);
    const stuck = startCase({ cpuMs: 40, wallMs: 60 });
    await sleep(120);
    expect(stuck.stop().problems).toEqual([expect.stringMatching(/^took \d+ ms$/)]);
  });
});
