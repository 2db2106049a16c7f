import { describe, expect, it } from 'vitest';
import { annotationWith, checkAnnotation, checkRelation, isCheckedAnnotation, isCheckedRelation, relationWith } from '../../../../src/core/formats/checked';
import { AnnotationSchema, RelationSchema, type Annotation, type Relation } from '../../../../src/core/model/annotation';

const annotation: Annotation = {
  id: 'ann_1',
  label: 'quote',
  fragments: [{ start: 0, end: 3 }],
  quote: 'abc',
  prefix: '',
  suffix: '',
  attributes: {},
  note: '',
  author: 'ana',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
};
const relation: Relation = { id: 'rel_1', type: 'speaker', from: 'ann_1', to: 'ann_2', author: 'ana', created: '', modified: '' };

describe('checked annotations and relations', () => {
  it('knows the objects it returned as valid, and only those', () => {
    const a = checkAnnotation({ ...annotation });
    expect(a.success && isCheckedAnnotation(a.data)).toBe(true);
    // The input itself, a copy, or a changed copy is not known: each is checked where it is stored.
    expect(isCheckedAnnotation({ ...annotation })).toBe(false);
    if (a.success) expect(isCheckedAnnotation({ ...a.data, label: 'claim' })).toBe(false);
    const r = checkRelation({ ...relation });
    expect(r.success && isCheckedRelation(r.data)).toBe(true);
    // Kinds are not mixed up: a checked annotation is not a checked relation.
    if (a.success) expect(isCheckedRelation(a.data)).toBe(false);
  });

  it('knows nothing it refused, and no non-object', () => {
    const bad = checkAnnotation({ ...annotation, note: 'x'.repeat(100_001) });
    expect(bad.success).toBe(false);
    expect(isCheckedAnnotation(null)).toBe(false);
    expect(isCheckedAnnotation('ann_1')).toBe(false);
  });

  it("returns the value itself when it is exactly zod's output, else zod's fresh copy", () => {
    const own = { ...annotation };
    const a = checkAnnotation(own);
    expect(a.success && a.data).toBe(own);
    // A key zod strips, or another key order: zod's copy, which is what gets stored.
    const extra = { ...annotation, extra: 1 };
    const b = checkAnnotation(extra);
    expect(b.success && b.data).not.toBe(extra);
    expect(b.success && b.data).toEqual(annotation);
    const { id, ...rest } = annotation;
    const c = checkAnnotation({ ...rest, id });
    expect(c.success && Object.keys(c.data)).toEqual(Object.keys(annotation));
    const own2 = { ...relation };
    const r = checkRelation(own2);
    expect(r.success && r.data).toBe(own2);
  });
});

describe('annotationWith and relationWith', () => {
  it('keep a checked item known valid when each patched field is valid on its own', () => {
    const a = checkAnnotation({ ...annotation });
    if (!a.success) throw new Error('test set-up');
    const renamed = annotationWith(a.data, { id: 'ann_2', author: 'colleague' });
    expect(renamed).toEqual({ ...annotation, id: 'ann_2', author: 'colleague' });
    expect(isCheckedAnnotation(renamed)).toBe(true);
    const r = checkRelation({ ...relation });
    if (!r.success) throw new Error('test set-up');
    expect(isCheckedRelation(relationWith(r.data, { id: 'rel_2', from: 'ann_2' }))).toBe(true);
  });

  it('make a plain copy of an item not checked, or with a field that is not valid or not in the schema', () => {
    const a = checkAnnotation({ ...annotation });
    if (!a.success) throw new Error('test set-up');
    expect(isCheckedAnnotation(annotationWith(annotation, { id: 'ann_2' }))).toBe(false);
    expect(isCheckedAnnotation(annotationWith(a.data, { author: '' }))).toBe(false);
    expect(isCheckedAnnotation(annotationWith(a.data, { id: 'x'.repeat(101) }))).toBe(false);
    expect(isCheckedAnnotation(annotationWith(a.data, { extra: 1 } as Partial<Annotation>))).toBe(false);
  });

  it('rely on schemas with no check spanning two fields (a field-by-field check of a patch is then enough)', () => {
    // A refinement on the whole object (z.object(...).refine) would show here: the patch rule would then be unsound.
    expect(AnnotationSchema._zod.def.checks ?? []).toEqual([]);
    expect(RelationSchema._zod.def.checks ?? []).toEqual([]);
  });
});

describe('the mark', () => {
  it('is invisible to equality, JSON and structured clones, and does not survive them', () => {
    const a = checkAnnotation({ ...annotation });
    if (!a.success) throw new Error('test set-up');
    expect(Object.keys(a.data)).toEqual(Object.keys(annotation));
    expect(JSON.stringify(a.data)).toBe(JSON.stringify(annotation));
    expect(isCheckedAnnotation(JSON.parse(JSON.stringify(a.data)))).toBe(false);
    expect(isCheckedAnnotation(structuredClone(a.data))).toBe(false);
    expect(isCheckedAnnotation(Object.assign({}, a.data))).toBe(false);
  });
});
