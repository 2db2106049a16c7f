import { AnnotationSchema, RelationSchema, type Annotation, type Relation } from '../model/annotation';
import { quickCheck, type QuickCheck } from '../model/quick-check';

/**
 * Annotations and relations an import has already checked against the model's schemas, marked
 * as such. A parser checks what it builds through checkAnnotation / checkRelation and keeps
 * what they return (zod's output: fresh objects nothing else holds); the last check before an
 * import is stored (putDocsProblems) then skips those same objects instead of validating 100,000
 * annotations a second time (~0.5 s of a bulk import).
 *
 * Sound because annotations and relations are never mutated once built: every change makes a new
 * object (a relabel, a relinked actor, another layer, a fresh id), which is not marked and so
 * is checked again where it is stored.
 */
const CHECKED = Symbol('checked against the model schema');
type Kind = 'annotation' | 'relation';

/**
 * The mark is a property only this module can name, not enumerable: a spread copy, JSON and
 * structured clones leave it behind. (Not a WeakSet: on 100,000 objects its upkeep in every
 * garbage collection cost as much as the check it saves.)
 */
function mark(item: object, kind: Kind): void {
  Object.defineProperty(item, CHECKED, { value: kind });
}

function isMarked(item: unknown, kind: Kind): boolean {
  return typeof item === 'object' && item !== null && (item as { [CHECKED]?: Kind })[CHECKED] === kind;
}

const quickAnnotation = quickCheck(AnnotationSchema, { exact: true });
const quickRelation = quickCheck(RelationSchema, { exact: true });

export function checkAnnotation(value: unknown): ReturnType<typeof AnnotationSchema.safeParse> {
  // The value itself when zod would return the same data (~10x faster than zod on 100,000).
  const parsed = quickAnnotation(value) ? { success: true as const, data: value as Annotation } : AnnotationSchema.safeParse(value);
  if (parsed.success) mark(parsed.data, 'annotation');
  return parsed;
}

export function checkRelation(value: unknown): ReturnType<typeof RelationSchema.safeParse> {
  const parsed = quickRelation(value) ? { success: true as const, data: value as Relation } : RelationSchema.safeParse(value);
  if (parsed.success) mark(parsed.data, 'relation');
  return parsed;
}

/**
 * `a` with `patch` applied (a fresh id, another label, layer or actor). Known valid when `a` is
 * and each patched field is valid on its own: AnnotationSchema is a plain object schema, with no
 * check that spans two fields (checked.test.ts holds it to that). Otherwise it is a plain copy,
 * which the store checks whole.
 */
export function annotationWith(a: Annotation, patch: Partial<Annotation>): Annotation {
  const out = { ...a, ...patch };
  if (isMarked(a, 'annotation') && fieldsValid(AnnotationSchema.shape, patch)) mark(out, 'annotation');
  return out;
}

/** `r` with `patch` applied, known valid as annotationWith says. */
export function relationWith(r: Relation, patch: Partial<Relation>): Relation {
  const out = { ...r, ...patch };
  if (isMarked(r, 'relation') && fieldsValid(RelationSchema.shape, patch)) mark(out, 'relation');
  return out;
}

const fieldChecks = new Map<object, Map<string, QuickCheck>>();

/** Each patched field valid on its own, by the field's schema (quickly, else by zod). */
function fieldsValid(shape: Readonly<Record<string, { safeParse(value: unknown): { success: boolean } }>>, patch: object): boolean {
  let checks = fieldChecks.get(shape);
  if (!checks) fieldChecks.set(shape, (checks = new Map<string, QuickCheck>()));
  return Object.entries(patch).every(([key, value]) => {
    if (!Object.hasOwn(shape, key)) return false;
    let quick = checks.get(key);
    if (!quick) checks.set(key, (quick = quickCheck(shape[key] as never)));
    return quick(value) || shape[key]!.safeParse(value).success;
  });
}

/** Whether `a` is an object checkAnnotation returned as valid. */
export function isCheckedAnnotation(a: unknown): boolean {
  return isMarked(a, 'annotation');
}

/** Whether `r` is an object checkRelation returned as valid. */
export function isCheckedRelation(r: unknown): boolean {
  return isMarked(r, 'relation');
}
