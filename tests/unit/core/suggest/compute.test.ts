import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentProblem } from '../../../../src/core/model/annotation';
import { computeSuggestions } from '../../../../src/core/suggest/compute';
import { suggestionId } from '../../../../src/core/suggest/ids';

describe('computeSuggestions', () => {
  it('refuses bad input with a clear error instead of throwing', () => {
    const bad = computeSuggestions({ text: 42 as unknown as string });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]!.message).toMatch(/text/);
    const badName = computeSuggestions({ text: 'x', known: [{ name: 7 as unknown as string }] });
    expect(!badName.ok && badName.errors[0]!.field).toBe('known.0.name');
    const badScore = computeSuggestions({ text: 'x' }, { minScore: 2 });
    expect(!badScore.ok && badScore.errors[0]!.message).toMatch(/minScore/);
    const badKind = computeSuggestions({ text: 'x' }, { kinds: ['claim' as 'quote'] });
    expect(badKind.ok).toBe(false);
  });

  it('filters by kind and by score', () => {
    const text = '“We will not sign this deal,” Peskov said.';
    const quotes = computeSuggestions({ text }, { kinds: ['quote'] });
    expect(quotes.ok && quotes.value.map((s) => s.kind)).toEqual(['quote']);
    const none = computeSuggestions({ text }, { minScore: 1 });
    expect(none.ok && none.value).toEqual([]);
  });

  it('makes long ids short and still distinct', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ start: i * 10, end: i * 10 + 5 }));
    const id = suggestionId('quote', many);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(suggestionId('quote', [...many.slice(0, 29), { start: 290, end: 296 }])).not.toBe(id);
    expect(suggestionId('actor', [{ start: 3, end: 9 }])).toBe('actor@3-9');
  });

  // Text made of the pieces the rules react to, in any order.
  const pieces = [
    '“',
    '”',
    '"',
    "''",
    '‘',
    '’',
    '„',
    '“',
    '«',
    '»',
    ' said ',
    ' he ',
    ' she said',
    ', ',
    '. ',
    '\n\n',
    ':',
    'Trump',
    ' Mr. Garin',
    ' according to ',
    'the Kremlin',
    ' told reporters ',
    ' that ',
    'We will win',
    ' 😀 ',
    'é',
    'It was',
    ' O’Malley',
    '’s',
    'U.S.',
    ' —',
  ];
  const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));

  it('always yields valid, stable, distinct suggestions inside the text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const r = computeSuggestions({ text, known: [{ name: 'Trump', entityId: 't' }] });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const ids = new Set<string>();
        for (const s of r.value) {
          expect(fragmentProblem(s.fragments, text.length)).toBeNull();
          expect(s.id).toBe(suggestionId(s.kind, s.fragments));
          expect(ids.has(s.id)).toBe(false);
          ids.add(s.id);
          expect(s.score).toBeGreaterThanOrEqual(0.5);
          expect(s.score).toBeLessThanOrEqual(1);
          for (const f of [s.speaker?.fragment, s.speaker?.cue, s.speaker?.actor?.fragment]) {
            if (f) expect(fragmentProblem([f], text.length)).toBeNull();
          }
        }
        const again = computeSuggestions({ text, known: [{ name: 'Trump', entityId: 't' }] });
        expect(again).toEqual(r);
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});
