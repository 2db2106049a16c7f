import { describe, expect, it } from 'vitest';
import { CoalescingWriter } from '../../../../../src/main/services/store/coalescing-writer';

const tick = () => new Promise((r) => setTimeout(r, 2));

describe('CoalescingWriter', () => {
  it('serves requests made during a write with one write of the latest value', async () => {
    const written: number[] = [];
    const writer = new CoalescingWriter<number>(
      async (v) => {
        await tick();
        written.push(v);
      },
      () => undefined,
    );
    const resolvedAfter: number[][] = [];
    const calls = Array.from({ length: 40 }, (_, i) => writer.write(i).then(() => resolvedAfter.push([i, written.length])));
    await Promise.all(calls);
    expect(written).toEqual([0, 39]);
    expect(writer.writes).toBe(2);
    // every caller resolved only once a write holding its value (or a later one) was done
    for (const [i, count] of resolvedAfter) expect(count).toBeGreaterThanOrEqual(i === 0 ? 1 : 2);
  });

  it('on failure rolls back first, then fails the running and the queued callers', async () => {
    const events: string[] = [];
    const writer = new CoalescingWriter<number>(
      async (v) => {
        await tick();
        if (v === 1) throw new Error('disk full');
      },
      () => events.push('rollback'),
    );
    const first = writer.write(1).catch((e: Error) => events.push(`first: ${e.message}`));
    const second = writer.write(2).catch((e: Error) => events.push(`second: ${e.message}`));
    await Promise.all([first, second]);
    expect(events).toEqual(['rollback', 'first: disk full', 'second: disk full']);
    await writer.write(3);
    expect(writer.writes).toBe(1);
    await writer.idle();
  });
});
