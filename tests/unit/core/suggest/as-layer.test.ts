import { describe, expect, it } from 'vitest';
import { minter } from '../../../../src/core/formats/build';
import { suggestionLayer, type SuggestionLayerKind } from '../../../../src/core/suggest/as-layer';
import type { Suggestion } from '../../../../src/core/suggest';

const TEXT = '“We will rebuild,” Anna Berg said. “Soon,” he said.';
const quote1: Suggestion = {
  id: 's1',
  kind: 'quote',
  fragments: [{ start: 0, end: 18 }],
  text: '“We will rebuild,”',
  score: 0.9,
  rule: 'direct-quote',
  speaker: { fragment: { start: 19, end: 28 }, text: 'Anna Berg', pronoun: false },
};
const quote2: Suggestion = {
  id: 's2',
  kind: 'quote',
  fragments: [{ start: 35, end: 42 }],
  text: '“Soon,”',
  score: 0.8,
  rule: 'direct-quote',
  speaker: { fragment: { start: 43, end: 45 }, text: 'he', pronoun: true },
};
const actor: Suggestion = { id: 's3', kind: 'actor', fragments: [{ start: 19, end: 28 }], text: 'Anna Berg', score: 0.9, rule: 'nlp-person' };

let n = 0;
const m = minter({ author: 'suggested', now: '2026-12-02T00:00:00.000Z', newId: (kind) => `${kind}-${++n}` });
const layer = (kinds: SuggestionLayerKind[]) => suggestionLayer(TEXT, [quote1, quote2, actor], new Set(kinds), m);

describe('suggestions as a layer', () => {
  it('links a quote to its named speaker, reusing the suggested actor span rather than adding a second', () => {
    const { annotations, relations } = layer(['quote', 'speaker', 'actor']);
    expect(annotations.map((a) => [a.label, a.quote])).toEqual([
      ['quote', '“We will rebuild,”'],
      ['actor', 'Anna Berg'],
      ['quote', '“Soon,”'],
    ]);
    const berg = annotations.find((a) => a.label === 'actor')!;
    expect(relations.map((r) => [r.type, r.from, r.to])).toEqual([['speaker', annotations[0]!.id, berg.id]]);
    expect(annotations.every((a) => a.author === 'suggested')).toBe(true);
  });

  it('gives a pronoun speaker no link when no named actor stands behind it, and leaves out kinds not asked for', () => {
    expect(layer(['quote']).relations).toEqual([]);
    expect(layer(['quote']).annotations.map((a) => a.label)).toEqual(['quote', 'quote']);
    expect(layer(['actor']).annotations.map((a) => a.quote)).toEqual(['Anna Berg']);
    const speakersOnly = layer(['quote', 'speaker']);
    expect(speakersOnly.annotations.map((a) => a.label)).toEqual(['quote', 'actor', 'quote']);
    expect(speakersOnly.relations).toHaveLength(1);
  });
});
