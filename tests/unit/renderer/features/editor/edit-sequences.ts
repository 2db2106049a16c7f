import fc from 'fast-check';
import { compareSpans, type Annotation } from '../../../../../src/core/model/annotation';
import { REANCHOR_MARKER } from '../../../../../src/core/edits/update-text';

/**
 * Random edit sequences on an article's annotations, made as the store makes them: a new array
 * each time, untouched annotations kept as the same objects, in document order — and now and then
 * what the incremental structures must also survive: a list out of order, an id twice, another
 * article's list altogether.
 */
export const TEXT_LENGTH = 400;
const T = '2026-01-01T00:00:00.000Z';
const AUTHORS = ['me', 'you', 'reviewed (rejected)'];

export function annotation(id: string, fragments: { start: number; end: number }[], author = 'me', label = 'claim'): Annotation {
  return { id, label, fragments, quote: '', prefix: '', suffix: '', attributes: {}, note: '', author, created: T, modified: T };
}

const fragment = fc.tuple(fc.nat({ max: TEXT_LENGTH }), fc.nat({ max: 60 })).map(([start, length]) => ({ start, end: Math.min(TEXT_LENGTH, start + length) }));
/** Sorted and disjoint, as normalizeFragments leaves them. */
const fragments = fc.array(fragment, { minLength: 1, maxLength: 3 }).map((fs) => {
  const sorted = [...fs].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const f of sorted) if (!out.length || f.start >= out[out.length - 1]!.end) out.push(f);
  return out;
});

export type Step =
  | { kind: 'add'; id: number; fragments: { start: number; end: number }[]; author: number }
  | { kind: 'addMany'; ids: number[]; fragments: { start: number; end: number }[] }
  | { kind: 'move'; at: number; fragments: { start: number; end: number }[] }
  | { kind: 'relabel'; at: number }
  | { kind: 'mark'; at: number }
  | { kind: 'reauthor'; at: number; author: number }
  | { kind: 'delete'; at: number }
  | { kind: 'deleteMany'; at: number; count: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'unordered'; id: number; fragments: { start: number; end: number }[] }
  | { kind: 'replaceAll'; count: number }
  | { kind: 'copy' }
  | { kind: 'same' };

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), id: fc.nat({ max: 200 }), fragments, author: fc.nat({ max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addMany' as const), ids: fc.array(fc.nat({ max: 200 }), { maxLength: 6 }), fragments }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), at: fc.nat(), fragments }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('relabel' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mark' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reauthor' as const), at: fc.nat(), author: fc.nat({ max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteMany' as const), at: fc.nat(), count: fc.nat({ max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unordered' as const), id: fc.nat({ max: 200 }), fragments }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replaceAll' as const), count: fc.nat({ max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('same' as const) }) },
);

let fresh = 0;

/** Puts `added` in document order among `list` (the store's sorted insertion), ids made unique. */
function insert(list: readonly Annotation[], added: Annotation[]): Annotation[] {
  const taken = new Set(list.map((a) => a.id));
  const out = [...list];
  for (const a of added) {
    const unique = taken.has(a.id) ? { ...a, id: `${a.id}_${++fresh}` } : a;
    taken.add(unique.id);
    let i = 0;
    while (i < out.length && compareSpans(out[i]!, unique) <= 0) i++;
    out.splice(i, 0, unique);
  }
  return out;
}

export function edit(list: readonly Annotation[], s: Step): readonly Annotation[] {
  switch (s.kind) {
    case 'same':
      return list;
    case 'copy':
      return [...list];
    case 'add':
      return insert(list, [annotation(`ann_${s.id}`, s.fragments, AUTHORS[s.author])]);
    case 'addMany':
      return insert(
        list,
        s.ids.map((id, i) =>
          annotation(
            `ann_${id}`,
            s.fragments.map((f) => ({ start: Math.min(TEXT_LENGTH, f.start + i), end: Math.min(TEXT_LENGTH, f.end + i) })),
          ),
        ),
      );
    case 'unordered':
      return [...list, annotation(`ann_${s.id}_${++fresh}`, s.fragments)];
    case 'replaceAll':
      return insert(
        [],
        Array.from({ length: s.count }, (_, i) =>
          annotation(`other_${i}`, [{ start: (i * 37) % TEXT_LENGTH, end: Math.min(TEXT_LENGTH, ((i * 37) % TEXT_LENGTH) + 1 + (i % 40)) }], AUTHORS[i % 3]),
        ),
      );
  }
  if (list.length === 0) return list;
  const i = s.at % list.length;
  const a = list[i]!;
  switch (s.kind) {
    case 'move':
      return insert(
        list.filter((_, j) => j !== i),
        [{ ...a, fragments: s.fragments }],
      );
    case 'relabel':
      return list.map((x, j) => (j === i ? { ...a, label: a.label === 'claim' ? 'quote' : 'claim' } : x));
    case 'mark':
      return list.map((x, j) => (j === i ? { ...a, attributes: a.attributes[REANCHOR_MARKER] === undefined ? { [REANCHOR_MARKER]: 'needs review' } : {} } : x));
    case 'reauthor':
      return list.map((x, j) => (j === i ? { ...a, author: AUTHORS[s.author]! } : x));
    case 'delete':
      return list.filter((_, j) => j !== i);
    case 'deleteMany':
      return list.filter((_, j) => j < i || j >= i + s.count);
    case 'duplicate':
      return [...list.slice(0, i + 1), { ...a }, ...list.slice(i + 1)];
  }
}
