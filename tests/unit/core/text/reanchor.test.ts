import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reanchorAll, type AnchoredSpan, type ReanchorResult } from '../../../../src/core/text/reanchor';
import { fragmentProblem, type Fragment } from '../../../../src/core/model/fragments';

const LEDE = [
  'Moscow denies role in pipeline blast',
  'The Kremlin said on Tuesday that Russia had nothing to do with the explosion, which Ukraine blamed on sabotage.',
  '“We categorically reject these accusations,” Dmitry Peskov told reporters in Moscow.',
  'Vladimir Putin is expected to address the nation on Friday.',
].join('\n');

function span(text: string, quote: string, id = quote, from = 0): AnchoredSpan {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`test text lacks ${quote}`);
  return { id, fragments: [{ start, end: start + quote.length }] };
}

function textOf(text: string, fragments: readonly Fragment[] | null): string[] {
  return (fragments ?? []).map((f) => text.slice(f.start, f.end));
}

function one(oldText: string, newText: string, a: AnchoredSpan): ReanchorResult {
  return reanchorAll(oldText, newText, [a])[0]!;
}

describe('re-anchoring news corrections', () => {
  it('a correction that changes one word inside a quote needs review, on the corrected quote', () => {
    const quote = '“We categorically reject these accusations,”';
    const updated = LEDE.replace('categorically reject', 'firmly reject');
    const r = one(LEDE, updated, span(LEDE, quote));
    expect(r.state).toBe('needs-review');
    expect(textOf(updated, r.fragments)).toEqual(['“We firmly reject these accusations,”']);
  });

  it('a paragraph inserted before shifts every annotation after it, placed with new offsets', () => {
    const inserted = 'Update: this story has been corrected.\n';
    const updated = LEDE.replace('The Kremlin', inserted + 'The Kremlin');
    const a = span(LEDE, 'Dmitry Peskov');
    const r = one(LEDE, updated, a);
    expect(r.state).toBe('placed');
    expect(r.fragments).toEqual([{ start: a.fragments[0]!.start + inserted.length, end: a.fragments[0]!.end + inserted.length }]);
    expect(textOf(updated, r.fragments)).toEqual(['Dmitry Peskov']);
  });

  it('a paragraph moved elsewhere takes its annotations along as moved', () => {
    const lines = LEDE.split('\n');
    const updated = [lines[0], lines[3], lines[1], lines[2]].join('\n');
    const r = one(LEDE, updated, span(LEDE, 'address the nation on Friday'));
    expect(['moved', 'placed']).toContain(r.state);
    expect(textOf(updated, r.fragments)).toEqual(['address the nation on Friday']);
  });

  it('a deleted sentence orphans its annotations and keeps the others placed', () => {
    const updated = LEDE.replace('Vladimir Putin is expected to address the nation on Friday.', '');
    const [gone, kept] = reanchorAll(LEDE, updated, [span(LEDE, 'expected to address the nation'), span(LEDE, 'Dmitry Peskov')]);
    expect(gone).toEqual({ id: 'expected to address the nation', state: 'orphaned', fragments: null });
    expect(kept!.state).toBe('placed');
  });

  it('"Putin" three times, the middle one deleted: the middle annotation is orphaned, never moved onto another Putin', () => {
    const old = [
      'Putin met the governors on Monday.',
      'Later that day Putin signed the decree on mobilisation.',
      'On Wednesday Putin flew to Tehran for talks.',
    ].join('\n');
    const updated = old.replace('Later that day Putin signed the decree on mobilisation.\n', '');
    const spans = [span(old, 'Putin', 'first'), span(old, 'Putin', 'middle', 10), span(old, 'Putin', 'last', 70)];
    const [first, middle, last] = reanchorAll(old, updated, spans);
    expect(first!.state).toBe('placed');
    expect(middle).toEqual({ id: 'middle', state: 'orphaned', fragments: null });
    expect(last!.state).toBe('placed');
    expect(last!.fragments).toEqual([{ start: updated.lastIndexOf('Putin'), end: updated.lastIndexOf('Putin') + 5 }]);
  });

  it('a quote interrupted by "he said" is re-anchored per fragment: one piece lost leaves the other for review', () => {
    const old = '“We will not negotiate,” he said, “under any pressure.” Markets fell.';
    const a: AnchoredSpan = {
      id: 'q',
      fragments: [
        { start: 0, end: old.indexOf(',”') + 2 },
        { start: old.indexOf('“under'), end: old.indexOf('.”') + 2 },
      ],
    };
    const updated = old.replace(', “under any pressure.”', '.');
    const r = one(old, updated, a);
    expect(r.state).toBe('needs-review');
    expect(textOf(updated, r.fragments)).toEqual(['“We will not negotiate,”']);
    const both = one(old, 'Overnight: ' + old, a);
    expect(both.state).toBe('placed');
    expect(textOf('Overnight: ' + old, both.fragments)).toEqual(['“We will not negotiate,”', '“under any pressure.”']);
  });

  it('the same text gives every annotation back in place', () => {
    const spans = [span(LEDE, 'Kremlin'), span(LEDE, 'Peskov'), span(LEDE, 'Friday')];
    expect(reanchorAll(LEDE, LEDE, spans).map((r) => r.state)).toEqual(['placed', 'placed', 'placed']);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random edits of a random article.

const WORDS = [
  'Putin',
  'Kremlin',
  'Moscow',
  'Kyiv',
  'said',
  'the',
  'a',
  'talks',
  'on',
  'Tuesday',
  'sanctions',
  'minister',
  '“',
  '”',
  'not',
  'will',
  '3.5',
  'per',
  'cent',
  'Zelenskyy',
  'Peskov',
  'é',
  '😀',
];

/** An article as tokens (words, spaces, sentence ends, paragraph breaks): edits and spans cut at token boundaries. */
const tokensArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', ', ', '. ', '.\n')), { minLength: 5, maxLength: 120 })
  .map((pairs) => pairs.flat());

interface Edit {
  /** Token range replaced. */
  from: number;
  to: number;
  replacement: string[];
}

const caseArb = tokensArb.chain((tokens) => {
  const n = tokens.length;
  // Edits replace whole words with their separators by whole words with theirs, as a correction
  // does: no edit glues a surviving word onto its neighbour ("Zelenskyywill" is a different word).
  const editArb = fc.record({
    from: fc.nat(n / 2).map((k) => 2 * k),
    length: fc.nat(6).map((k) => 2 * k),
    replacement: fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ', ', '.\n')), { maxLength: 4 }).map((pairs) => pairs.flat()),
  });
  const spanArb = fc
    .tuple(
      fc.nat(n - 1),
      fc.integer({ min: 1, max: 10 }),
      fc.option(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 })), { nil: undefined }),
    )
    .map(([start, length, second]) => ({ start, length, second }));
  return fc.record({
    tokens: fc.constant(tokens),
    edits: fc.array(editArb, { minLength: 1, maxLength: 3 }),
    spans: fc.array(spanArb, { minLength: 1, maxLength: 25 }),
  });
});

function offsets(tokens: string[]): number[] {
  const at = [0];
  for (const t of tokens) at.push(at[at.length - 1]! + t.length);
  return at;
}

describe('re-anchoring random edits of a random article', () => {
  it('an annotation whose text survives is placed or moved onto exactly that text; none lands on different text', () => {
    fc.assert(
      fc.property(caseArb, ({ tokens, edits: rawEdits, spans: rawSpans }) => {
        const n = tokens.length;
        // Non-overlapping edits in token order.
        const edits: Edit[] = [];
        for (const e of [...rawEdits].sort((a, b) => a.from - b.from)) {
          const from = Math.max(e.from, edits.length ? edits[edits.length - 1]!.to : 0);
          if (from > n) continue;
          edits.push({ from, to: Math.min(n, from + e.length), replacement: e.replacement });
        }
        const newTokens: string[] = [];
        let at = 0;
        for (const e of edits) {
          newTokens.push(...tokens.slice(at, e.from), ...e.replacement);
          at = e.to;
        }
        newTokens.push(...tokens.slice(at));
        const oldText = tokens.join('');
        const newText = newTokens.join('');
        const pos = offsets(tokens);
        const spans: (AnchoredSpan & { tokenRanges: [number, number][] })[] = [];
        rawSpans.forEach((s, i) => {
          const ranges: [number, number][] = [[s.start, Math.min(n, s.start + s.length)]];
          if (s.second) {
            const from = ranges[0]![1] + s.second[0];
            if (from < n) ranges.push([from, Math.min(n, from + s.second[1])]);
          }
          const fragments = ranges.map(([a, b]) => ({ start: pos[a]!, end: pos[b]! })).filter((f) => f.end > f.start);
          if (fragments.length === ranges.length && fragmentProblem(fragments, oldText.length) === null) {
            spans.push({ id: `s${i}`, fragments, tokenRanges: ranges });
          }
        });
        const results = reanchorAll(oldText, newText, spans);
        results.forEach((r, i) => {
          const s = spans[i]!;
          const oldPieces = textOf(oldText, s.fragments);
          // A span survives when no edit removes or inserts tokens strictly inside any of its fragments.
          const survives = s.tokenRanges.every(([a, b]) => edits.every((e) => (e.from === e.to ? e.from <= a || e.from >= b : e.to <= a || e.from >= b)));
          // Only a text that occurs once tells which occurrence survived: when "Kremlin" ends two
          // lines and one goes, deleting either explains the new text, and orphaning is honest.
          const once = oldPieces.every((piece) => oldText.indexOf(piece) === oldText.lastIndexOf(piece));
          if (survives && once) expect(['placed', 'moved'], `${s.id} survived the edit`).toContain(r.state);
          if (r.state === 'placed' || r.state === 'moved') expect(textOf(newText, r.fragments)).toEqual(oldPieces);
          if (r.state === 'orphaned') expect(r.fragments).toBeNull();
          else expect(fragmentProblem(r.fragments!, newText.length)).toBeNull();
        });
      }),
      { numRuns: 400 },
    );
  });
});
