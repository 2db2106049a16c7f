// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NestBars, type MeasuredBars, type PlacedBars } from '../../../../../src/renderer/features/editor/nest-bars';

/**
 * Nest bars are placed in batches (one <svg> each, a path per colour, line style and line, a
 * rectangle per dash) and removed many at once: after any sequence of placements and removals the layer fills
 * exactly the dashes of the bars not removed, and holds no empty batch.
 */
const job = (n: number, level = 1, color = '#123456', dash = ''): MeasuredBars[number] => ({
  level,
  color,
  dash,
  boxes: Array.from({ length: n }, (_, i) => ({ left: i * 10, bottom: 20, width: 8 })),
});

/** Every rectangle the layer fills, as "colour dash x top width" in layer coordinates. */
function drawn(layer: HTMLElement): string[] {
  const out: string[] = [];
  for (const svg of layer.querySelectorAll<SVGSVGElement>('svg.nest-batch')) {
    const left = parseFloat(svg.style.left);
    const top = parseFloat(svg.style.top);
    for (const path of svg.querySelectorAll('path.nest-bar')) {
      for (const m of (path.getAttribute('d') ?? '').matchAll(/M([\d.-]+) ([\d.-]+)h([\d.-]+)v2h([\d.-]+)z/g)) {
        expect(Number(m[4])).toBeCloseTo(-Number(m[3]), 5);
        out.push(
          `${path.getAttribute('fill')} ${path.getAttribute('data-dash')} ${round(left + Number(m[1]))} ${round(top + Number(m[2]))} ${round(Number(m[3]))}`,
        );
      }
    }
  }
  return out.sort();
}

const round = (n: number) => Math.round(n * 100) / 100;

/** What a job's bars should fill: per box, its dashes (on, off, on, …) from its left end, 2 px tall. */
function expected(j: MeasuredBars[number]): string[] {
  const pattern = j.dash ? j.dash.split(' ').map(Number) : [Infinity];
  return j.boxes.flatMap((b) => {
    const out: string[] = [];
    for (let at = 0, i = 0; at < b.width; i++) {
      const length = pattern[i % pattern.length]!;
      if (i % 2 === 0)
        out.push(`${j.color} ${j.dash} ${round(b.left + at)} ${round(b.bottom + Math.min(j.level, 3) * 3 - 2)} ${round(Math.min(length, b.width - at))}`);
      at += length;
    }
    return out;
  });
}

describe('NestBars', () => {
  it('after random placements and batch removals draws exactly the bars not removed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant('place' as const),
              jobs: fc.array(fc.record({ n: fc.nat({ max: 3 }), level: fc.integer({ min: 1, max: 4 }), style: fc.nat({ max: 2 }) }), { maxLength: 6 }),
            }),
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
          let live: { placed: PlacedBars; job: MeasuredBars[number] }[] = [];
          for (const s of steps) {
            if (s.kind === 'place') {
              const jobs = s.jobs.map((j) => job(j.n, j.level, ['#123456', '#abcdef', '#123456'][j.style], ['', '2 2', '6 3'][j.style]));
              const placed = bars.place(jobs);
              expect(placed.map((p) => p !== null)).toEqual(jobs.map((j) => j.boxes.length > 0));
              live.push(...placed.map((p, i) => ({ placed: p, job: jobs[i]! })));
            } else if (s.kind === 'clear') {
              bars.clear();
              live = [];
            } else {
              const gone = live.filter((_, i) => s.pick[i % Math.max(1, s.pick.length)] === true);
              bars.remove(gone.map((g) => g.placed));
              live = live.filter((p) => !gone.includes(p));
            }
            expect(drawn(layer)).toEqual(live.flatMap((l) => expected(l.job)).sort());
            for (const group of layer.children) expect(group.childElementCount).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('draws a bar per box, one step lower per level, dashed in its style, in one batch', () => {
    const base = document.createElement('div');
    const layer = document.createElement('div');
    const bars = new NestBars(layer, base);
    const [one, none, two] = bars.place([job(1, 1), job(0, 1), job(2, 2, '#123456', '2 2')]);
    expect(none).toBeNull();
    expect(one).not.toBeNull();
    expect(two).not.toBeNull();
    expect(layer.children).toHaveLength(1);
    // One path per style and line (both of the second job's boxes are on one line).
    const paths = [...layer.querySelectorAll('path.nest-bar')];
    expect(paths.map((p) => p.getAttribute('data-dash'))).toEqual(['', '2 2']);
    // A bar's top at its box's bottom + 3 px per level - 2 px; 8 px dotted 2 on, 2 off: two dots.
    expect(drawn(layer)).toEqual(['#123456  0 21 8', '#123456 2 2 0 24 2', '#123456 2 2 10 24 2', '#123456 2 2 14 24 2', '#123456 2 2 4 24 2']);
  });
});
