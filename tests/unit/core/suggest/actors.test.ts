import { describe, expect, it } from 'vitest';
import { suggest } from '../../../../src/core/suggest';
import { computeSuggestions } from '../../../../src/core/suggest/compute';
import { compromiseNameFinder } from '../../../../src/core/suggest/nlp-names';

function actors(text: string) {
  const r = suggest({ text });
  if (!r.ok) throw new Error('unexpected error');
  return r.value.filter((s) => s.kind === 'actor').map((s) => [s.text, s.actorType, s.rule]);
}

describe('actor suggestions', () => {
  it('finds people and organisations with the offline NLP library, and leaves places and common words out', () => {
    const text = 'Jared Bernstein, a former adviser, spoke in Florida on Tuesday. The Federal Reserve and the FBI declined to comment. But Bernstein insisted.';
    expect(actors(text)).toEqual([
      ['Jared Bernstein', 'person', 'nlp-person'],
      ['Federal Reserve', 'organization', 'nlp-organization'],
      ['FBI', 'organization', 'nlp-organization'],
      ['Bernstein', 'person', 'nlp-person'],
    ]);
  });

  it('gives a titled name a person and takes the title into the span', () => {
    expect(actors('Sen. Marco Rubio left early.')).toEqual([['Sen. Marco Rubio', 'person', 'nlp-person']]);
  });

  it('prefers a known name over an NLP name it overlaps', () => {
    const r = suggest({ text: 'Jared Bernstein spoke.', known: [{ name: 'Jared Bernstein', entityId: 'jb' }] });
    expect(r.ok && r.value.map((s) => [s.text, s.rule, s.entityId])).toEqual([['Jared Bernstein', 'known-name', 'jb']]);
  });

  it('suggests a named speaker as an actor even without the NLP pass, so a quote always has an actor to link', () => {
    const text = '“The plan is dead,” Zorblax said.';
    const r = computeSuggestions({ text });
    expect(r.ok && r.value.filter((s) => s.kind === 'actor').map((s) => [s.text, s.rule])).toEqual([['Zorblax', 'speaker-name']]);
  });

  it('keeps its classification cache between calls and gives the same answer', () => {
    const finder = compromiseNameFinder();
    const text = 'Geoff Garin met the Congressional Budget Office.';
    const first = computeSuggestions({ text }, { nameFinder: finder });
    const again = computeSuggestions({ text }, { nameFinder: finder });
    expect(again).toEqual(first);
  });
});
