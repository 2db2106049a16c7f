import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaWith } from '../../../../src/core/formats';
import { findOurLabel, matchLabels, relabelSet } from '../../../../src/core/formats/label-match';
import { SchemaCollector } from '../../../../src/core/formats/schema';
import { defaultLabelSchema } from '../../../../src/core/model/label-schema';

const used = (ids: readonly string[]) => {
  const c = new SchemaCollector();
  for (const id of ids) c.label(id);
  return c.build();
};

describe('labels by meaning', () => {
  it('finds ours by id or display name, exact first, then ignoring case', () => {
    const ours = defaultLabelSchema();
    expect(findOurLabel(ours, 'actor')).toBe('actor');
    expect(findOurLabel(ours, 'ACTOR')).toBe('actor');
    expect(findOurLabel(ours, 'Quote')).toBe('quote');
    expect(findOurLabel(ours, 'Person')).toBeNull();
  });

  it('their case twins that are new to us become one new label, under the first spelling', () => {
    const { matches } = matchLabels(defaultLabelSchema(), used(['Person', 'PERSON', 'person']));
    expect(matches.map((m) => [m.theirs, m.ours, m.how])).toEqual([
      ['Person', null, 'new'],
      ['PERSON', 'Person', 'case'],
      ['person', 'Person', 'case'],
    ]);
  });

  it('property: after any import, no display name is held by two labels, and every annotation label exists', () => {
    const pool = ['actor', 'quote', 'claim', 'event', 'person', 'org', 'statement'];
    const spelling = fc
      .tuple(fc.constantFrom(...pool), fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }))
      .map(([w, ups]) => [...w].map((ch, i) => (ups[i] ? ch.toUpperCase() : ch)).join(''));
    fc.assert(
      fc.property(fc.uniqueArray(spelling, { minLength: 1, maxLength: 12 }), (ids) => {
        const ours = defaultLabelSchema();
        const set = {
          documents: [{ article: { text: 'x' }, annotations: ids.map((label, i) => ({ id: `a${i}`, label }) as never), relations: [] }],
          schema: used(ids),
          report: [],
        };
        const { matches, problems } = matchLabels(ours, set.schema);
        expect(problems).toEqual([]);
        const relabelled = relabelSet(set, matches);
        const { schema } = schemaWith(ours, relabelled.schema);
        const names = schema.labels.map((l) => l.name.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
        const have = new Set(schema.labels.map((l) => l.id));
        for (const a of relabelled.documents[0]!.annotations) expect(have.has(a.label)).toBe(true);
      }),
    );
  });
});
