import { describe, expect, it } from 'vitest';
import { mergeSets, schemaWith } from '../../../../src/core/formats';
import { parseBrat } from '../../../../src/core/formats/brat';
import { defaultLabelSchema, findLabel } from '../../../../src/core/model/label-schema';

describe('schemaWith and mergeSets', () => {
  const set = (ann: string, txt = 'Ada met Bob') => {
    const r = parseBrat({ txt, ann, author: 'x' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  };

  it('adds unknown labels, event kinds, attribute types/values and equivalence types, keeping what exists', () => {
    const imported = set('T1\tPerson 0 3\tAda\nT2\tMeet 4 7\tmet\nE1\tMeet:T2 Who:T1\nA1\tMention T1 Name\nA2\tNeg E1\nT3\tactor 8 11\tBob\n*\tAlias T1 T3\n');
    const { schema, added } = schemaWith(defaultLabelSchema(), imported.schema);
    expect(added).toEqual(
      expect.arrayContaining([
        'label Person',
        'label Meet',
        'relation type Who',
        'relation type Alias',
        'attribute Mention on Person',
        'attribute Neg on Meet',
      ]),
    );
    expect(findLabel(schema, 'Meet')!.kind).toBe('event');
    expect(findLabel(schema, 'Person')!.attributes).toEqual([{ id: 'Mention', name: 'Mention', type: 'choice', values: ['Name'] }]);
    expect(findLabel(schema, 'Meet')!.attributes).toEqual([{ id: 'Neg', name: 'Neg', type: 'boolean' }]);
    expect(schema.relationTypes.find((r) => r.id === 'Alias')!.equivalence).toBe(true);
    expect(findLabel(schema, 'actor')).toEqual(findLabel(defaultLabelSchema(), 'actor'));
    expect(schema.labels.slice(0, 4)).toEqual(defaultLabelSchema().labels);
  });

  it('merges several files’ sets into one', () => {
    const merged = mergeSets([set('T1\tPerson 0 3\tAda\nA1\tMention T1 Name\n'), set('T1\tPerson 8 11\tBob\nA1\tMention T1 Nominal\n')]);
    expect(merged.documents).toHaveLength(2);
    expect(merged.schema.labels).toHaveLength(1);
    expect(merged.schema.labels[0]!.attributes[0]!.values).toEqual(['Name', 'Nominal']);
  });
});
