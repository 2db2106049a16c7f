import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEditToState } from '../../../../src/core/edits/apply-edit';
import { sameJson } from '../../../../src/core/model/same-json';
import { defaultLabelSchema } from '../../../../src/core/model/label-schema';

/** Reverses every object's keys (what a JSON round trip through another tool, or a spread, may do). */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reordered(v)]),
    );
  return value;
}

describe('sameJson', () => {
  it('is equality of JSON data whatever the key order, with undefined properties absent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(sameJson(value, reordered(value))).toBe(true);
        expect(sameJson(value, JSON.parse(JSON.stringify(value)))).toBe(true);
      }),
    );
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: '1' }, { a: 1 })).toBe(false);
  });

  it('lets the store accept a schema edit whose "before" arrived with its keys reordered, as the page does', () => {
    const schema = defaultLabelSchema();
    const after = {
      ...schema,
      labels: [...schema.labels, { id: 'statistic', name: 'Statistic', color: '#336699', key: '', kind: 'span' as const, attributes: [] }],
    };
    const applied = applyEditToState({ kind: 'schema', before: reordered(schema) as typeof schema, after }, { labelSchema: schema, docs: new Map() });
    expect(applied.ok).toBe(true);
  });
});
