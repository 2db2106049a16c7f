import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../src/core/model/annotation';
import { BLOCK, SpanIndex } from '../../../../../src/renderer/features/editor/span-index';

/**
 * The painter's interval index, kept up to date edit by edit, must be the index built from
 * scratch on the same annotations: the same ids in every block, and the same answer to every
 * window query as a plain scan.
 */
const TEXT_LENGTH = BLOCK * 8;
const T = '2026-01-01T00:00:00.000Z';

function annotation(id: string, fragments: { start: number; end: number }[], label = 'claim'): Annotation {
  return { id, label, fragments, quote: '', prefix: '', suffix: '', attributes: {}, note: '', author: 'a', created: T, modified: T };
}

const fragment = fc
  .tuple(fc.nat({ max: TEXT_LENGTH }), fc.nat({ max: BLOCK * 3 }))
  .map(([start, length]) => ({ start, end: Math.min(TEXT_LENGTH, start + length) }));
const fragments = fc.array(fragment, { minLength: 1, maxLength: 3 });

type Step =
  | { kind: 'add'; id: number; fragments: { start: number; end: number }[] }
  | { kind: 'move'; at: number; fragments: { start: number; end: number }[] }
  | { kind: 'relabel'; at: number }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'same' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.nat({ max: 60 }), fragments }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), fragments }),
  fc.record({ kind: fc.constant('relabel' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('same' as const) }),
);

/** One edit, as the store makes it: a new array, untouched annotations kept as the same objects. */
function edit(list: readonly Annotation[], s: Step): readonly Annotation[] {
  if (s.kind === 'same') return list;
  if (s.kind === 'add') return [...list, annotation(`ann_${s.id}`, s.fragments)];
  if (list.length === 0) return list;
  const i = s.at % list.length;
  const a = list[i]!;
  if (s.kind === 'move') return list.map((x, j) => (j === i ? { ...a, fragments: s.fragments } : x));
  if (s.kind === 'relabel') return list.map((x, j) => (j === i ? { ...a, label: a.label === 'claim' ? 'quote' : 'claim' } : x));
  if (s.kind === 'duplicate') return [...list, { ...a, fragments: [{ start: 0, end: 1 }] }];
  return list.filter((_, j) => j !== i);
}

/** What the index should answer: a scan, first occurrence of an id only; an empty window holds nothing. */
function scan(list: readonly Annotation[], start: number, end: number): string[] {
  if (end <= start) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of list) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    if (a.fragments.some((f) => f.start < end && f.end > start)) out.push(a.id);
  }
  return out.sort();
}

describe('SpanIndex', () => {
  it('updated edit by edit equals the index rebuilt from scratch, and answers windows as a scan does', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat({ max: TEXT_LENGTH }), fc.nat({ max: BLOCK * 4 })), { minLength: 1, maxLength: 5 }),
        (steps, windows) => {
          const incremental = new SpanIndex();
          let list: readonly Annotation[] = [];
          for (const s of steps) {
            const before = firstById(list);
            list = edit(list, s);
            const changed = incremental.update(list);
            // What it reports changed is exactly what differs from before (first occurrence of each id).
            const after = firstById(list);
            const differs = [...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id));
            expect([...changed].sort()).toEqual(differs.sort());
            const fresh = new SpanIndex();
            fresh.update([...list]);
            expect(incremental.snapshot()).toEqual(fresh.snapshot());
            expect(incremental.size).toBe(fresh.size);
            for (const [start, length] of windows) {
              const got = incremental
                .query(start, start + length)
                .map((a) => a.id)
                .sort();
              expect(got).toEqual(scan(list, start, start + length));
              // The objects returned are the current ones, not a stale copy.
              for (const a of incremental.query(start, start + length)) expect(after.get(a.id)).toBe(a);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports only what an edit changed', () => {
    const index = new SpanIndex();
    const a = annotation('a', [{ start: 0, end: 10 }]);
    const b = annotation('b', [{ start: BLOCK * 2, end: BLOCK * 2 + 5 }]);
    expect([...index.update([a, b])].sort()).toEqual(['a', 'b']);
    const moved = { ...b, fragments: [{ start: 20, end: 30 }] };
    expect([...index.update([a, moved])]).toEqual(['b']);
    expect(index.query(BLOCK * 2, BLOCK * 3)).toEqual([]);
    expect(
      index
        .query(0, 25)
        .map((x) => x.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect([...index.update([moved])]).toEqual(['a']);
    expect(index.snapshot()).toEqual(new Map([[0, ['b']]]));
  });
});

function firstById(list: readonly Annotation[]): Map<string, Annotation> {
  const out = new Map<string, Annotation>();
  for (const a of list) if (!out.has(a.id)) out.set(a.id, a);
  return out;
}
