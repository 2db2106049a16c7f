import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAttribute } from '../../../../src/core/edits/attribute-edits';
import { schemaWith } from '../../../../src/core/formats/schema';
import { attributeValueProblem, defaultLabelSchema, findLabel, isIsoDate, LabelSchemaSchema, type AttributeDef } from '../../../../src/core/model/label-schema';

const when: AttributeDef = { id: 'when', name: 'When', type: 'date' };

describe('date attributes', () => {
  it('accept real days written YYYY-MM-DD and nothing else', () => {
    for (const day of ['2024-03-01', '2024-02-29', '1999-12-31']) expect(attributeValueProblem(when, day)).toBeNull();
    for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-3-1', 'last week', '01/03/2024', '2024-03-01T00:00', ''])
      expect(attributeValueProblem(when, bad), bad).toMatch(/YYYY-MM-DD/);
    expect(attributeValueProblem(when, true)).not.toBeNull();
  });

  it('every day the calendar has is a date, and its day 32 never is', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(isIsoDate(iso)).toBe(true);
        expect(isIsoDate(`${iso.slice(0, 8)}32`)).toBe(false);
      }),
    );
  });

  it('the other types keep their shapes', () => {
    expect(attributeValueProblem({ id: 'f', name: 'Flag', type: 'boolean' }, 'yes')).toMatch(/yes or no/);
    expect(attributeValueProblem({ id: 'f', name: 'Flag', type: 'boolean' }, false)).toBeNull();
    expect(attributeValueProblem({ id: 't', name: 'Type', type: 'choice', values: ['direct'] }, 'imported-value')).toBeNull();
    expect(attributeValueProblem({ id: 'n', name: 'Note', type: 'text' }, true)).not.toBeNull();
  });

  it('a date attribute is added in Settings, validates in the schema, and an import keeps its type', () => {
    const schema = defaultLabelSchema();
    const added = addAttribute(schema, 'event', { name: 'Reported on', type: 'date' });
    if (!added.ok) throw new Error('not added');
    expect(added.value.attribute).toEqual({ id: 'reported-on', name: 'Reported on', type: 'date' });
    const after = added.value.edit.kind === 'schema' ? added.value.edit.after : null;
    expect(LabelSchemaSchema.safeParse(after).success).toBe(true);

    const used = { labels: [{ ...findLabel(schema, 'event')!, attributes: [when] }], relationTypes: [] };
    const merged = schemaWith(defaultLabelSchema(), used).schema;
    expect(findLabel(merged, 'event')!.attributes.find((a) => a.id === 'when')).toEqual(when);
  });
});
