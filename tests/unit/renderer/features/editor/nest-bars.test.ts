// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NestBars, type MeasuredBars } from '../../../../../src/renderer/features/editor/nest-bars';

/**
 * Nest bars are placed in batches and removed many at once (a batch whose bars all go is removed
 * as one element): after any sequence of placements and removals the layer holds exactly the bars
 * not removed, and no empty batch.
 */
const job = (n: number, level = 1): MeasuredBars[number] => ({
  level,
  color: '#123456',
  boxes: Array.from({ length: n }, (_, i) => ({ left: i * 10, bottom: 20, width: 8 })),
});

describe('NestBars', () => {
  it('after random placements and batch removals holds exactly the bars not removed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('place' as const), jobs: fc.array(fc.nat({ max: 3 }), { maxLength: 6 }) }),
            fc.record({ kind: fc.constant('remove' as const), pick: fc.array(fc.boolean(), { maxLength: 30 }) }),
            fc.record({ kind: fc.constant('clear' as const) }),
          ),
          { maxLength: 30 },
        ),
        (steps) => {
          const base = document.createElement('div');
          const layer = document.createElement('div');
          base.append(layer);
          const bars = new NestBars(layer, base);
          let live: HTMLElement[][] = [];
          for (const s of steps) {
            if (s.kind === 'place') {
              const placed = bars.place(s.jobs.map((n) => job(n)));
              expect(placed.map((p) => p.length)).toEqual(s.jobs);
              live.push(...placed);
            } else if (s.kind === 'clear') {
              bars.clear();
              live = [];
            } else {
              const gone = live.filter((_, i) => s.pick[i % Math.max(1, s.pick.length)] === true);
              bars.remove(gone);
              live = live.filter((p) => !gone.includes(p));
            }
            const inLayer = [...layer.querySelectorAll<HTMLElement>('.nest-bar')];
            expect(new Set(inLayer)).toEqual(new Set(live.flat()));
            for (const group of layer.children) expect(group.childElementCount).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('places a bar per box, one step lower per level', () => {
    const base = document.createElement('div');
    const layer = document.createElement('div');
    const bars = new NestBars(layer, base);
    const [one, none, two] = bars.place([job(1, 1), job(0, 1), job(2, 2)]);
    expect(none).toEqual([]);
    expect(one![0]!.style.top).toBe('21px');
    expect(two!.map((b) => b.style.left)).toEqual(['0px', '10px']);
    expect(two![0]!.style.top).toBe('24px');
    expect(layer.children).toHaveLength(1);
  });
});
