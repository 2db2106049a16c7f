import { fragmentProblem, normalizeFragments, type Annotation, type AttributeValue, type Fragment, type Relation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import { newId } from '../model/ids';
import { fail, ok, type Result } from '../model/result';
import { selectorsFor } from '../text/selectors';
import type { AnnotationPatch, DocCommand } from './commands';

/**
 * Builders turn an analyst's intent into a command against the current document. They read the
 * document (to fill in inverses and selectors) but never change it; `applyCommand` does that.
 */

export interface Authoring {
  author: string;
  /** ISO time of the edit. */
  now: string;
}

export function createAnnotation(
  doc: ArticleDoc,
  input: { label: string; fragments: Fragment[]; note?: string; attributes?: Record<string, AttributeValue>; id?: string },
  by: Authoring,
): Result<{ command: DocCommand; annotation: Annotation }> {
  const fragments = normalizeFragments(input.fragments);
  const problem = fragmentProblem(fragments, doc.article.text.length);
  if (problem) return fail(problem);
  const annotation: Annotation = {
    id: input.id ?? newId('ann'),
    label: input.label,
    fragments,
    ...selectorsFor(doc.article.text, fragments),
    attributes: input.attributes ?? {},
    note: input.note ?? '',
    author: by.author,
    created: by.now,
    modified: by.now,
  };
  return ok({ command: { op: 'insert', annotations: [annotation], relations: [] }, annotation });
}

/** Removes annotations together with every relation that touches them. */
export function deleteAnnotations(doc: ArticleDoc, ids: readonly string[]): Result<DocCommand> {
  const wanted = new Set(ids);
  const annotations = doc.annotations.filter((a) => wanted.has(a.id));
  if (annotations.length !== wanted.size) return fail('some of these annotations no longer exist');
  const relations = doc.relations.filter((r) => wanted.has(r.from) || wanted.has(r.to));
  return ok({ op: 'remove', annotations, relations });
}

/**
 * Changes some fields of an annotation. Changing fragments recomputes the text selectors; any
 * change bumps `modified`.
 */
export function patchAnnotation(
  doc: ArticleDoc,
  id: string,
  changes: Omit<AnnotationPatch, 'quote' | 'prefix' | 'suffix' | 'modified'>,
  now: string,
): Result<DocCommand> {
  const current = doc.annotations.find((a) => a.id === id);
  if (!current) return fail({ message: 'no such annotation', annotation: id });
  const after: AnnotationPatch = { ...changes, modified: now };
  if (changes.fragments) {
    const fragments = normalizeFragments(changes.fragments);
    const problem = fragmentProblem(fragments, doc.article.text.length);
    if (problem) return fail({ message: problem, annotation: id });
    Object.assign(after, { fragments }, selectorsFor(doc.article.text, fragments));
  }
  const before: AnnotationPatch = {};
  for (const key of Object.keys(after) as (keyof AnnotationPatch)[]) {
    (before as Record<string, unknown>)[key] = current[key] ?? null;
  }
  return ok({ op: 'update', id, before, after });
}

/** Adds a fragment (e.g. the second half of a quote interrupted by "he said"). */
export function addFragment(doc: ArticleDoc, id: string, fragment: Fragment, now: string): Result<DocCommand> {
  const current = doc.annotations.find((a) => a.id === id);
  if (!current) return fail({ message: 'no such annotation', annotation: id });
  return patchAnnotation(doc, id, { fragments: [...current.fragments, fragment] }, now);
}

export function setAttribute(doc: ArticleDoc, id: string, name: string, value: AttributeValue | undefined, now: string): Result<DocCommand> {
  const current = doc.annotations.find((a) => a.id === id);
  if (!current) return fail({ message: 'no such annotation', annotation: id });
  const attributes = { ...current.attributes };
  if (value === undefined || value === '') delete attributes[name];
  else attributes[name] = value;
  return patchAnnotation(doc, id, { attributes }, now);
}

export function linkAnnotations(
  doc: ArticleDoc,
  input: { type: string; from: string; to: string; id?: string },
  by: Authoring,
): Result<{ command: DocCommand; relation: Relation }> {
  const ids = new Set(doc.annotations.map((a) => a.id));
  if (!ids.has(input.from) || !ids.has(input.to)) return fail('both ends of a link must exist');
  if (input.from === input.to) return fail('an annotation cannot be linked to itself');
  const duplicate = doc.relations.some((r) => r.type === input.type && r.from === input.from && r.to === input.to);
  if (duplicate) return fail('these annotations are already linked this way');
  const relation: Relation = {
    id: input.id ?? newId('rel'),
    type: input.type,
    from: input.from,
    to: input.to,
    author: by.author,
    created: by.now,
    modified: by.now,
  };
  return ok({ command: { op: 'insert', annotations: [], relations: [relation] }, relation });
}

export function unlink(doc: ArticleDoc, relationId: string): Result<DocCommand> {
  const relation = doc.relations.find((r) => r.id === relationId);
  if (!relation) return fail('no such link');
  return ok({ op: 'remove', annotations: [], relations: [relation] });
}

/** Removes one fragment of a discontinuous annotation; the last fragment cannot go (delete the annotation instead). */
export function removeFragment(doc: ArticleDoc, id: string, index: number, now: string): Result<DocCommand> {
  const current = doc.annotations.find((a) => a.id === id);
  if (!current) return fail({ message: 'no such annotation', annotation: id });
  if (current.fragments.length < 2) return fail({ message: 'an annotation keeps at least one fragment', annotation: id });
  if (!current.fragments[index]) return fail({ message: `there is no fragment ${index + 1}`, annotation: id });
  return patchAnnotation(doc, id, { fragments: current.fragments.filter((_, i) => i !== index) }, now);
}
