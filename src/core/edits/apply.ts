import { compareSpans, fragmentProblem, type Annotation, type Relation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import { fail, ok, type Result } from '../model/result';
import { ArticleSchema, type Article } from '../model/article';
import type { AnnotationPatch, ArticleInfoPatch, DocCommand } from './commands';
import { sameJson } from '../model/same-json';
import { annotationsById, carryAnnotationIds } from './annotation-ids';

/**
 * Applies a command to a document and returns the new document; the input is never mutated.
 * Documents are kept in canonical order (annotations in reading order, relations by id), which is
 * what makes `apply(invert(c), apply(c, doc))` give back exactly `doc`.
 * Commands are checked against the document: a stale or inconsistent command changes nothing.
 */
export function applyCommand(doc: ArticleDoc, command: DocCommand): Result<ArticleDoc> {
  switch (command.op) {
    case 'insert':
      return insert(doc, command.annotations, command.relations);
    case 'remove':
      return remove(doc, command.annotations, command.relations);
    case 'update':
      return update(doc, command.id, command.before, command.after);
    case 'article':
      return updateArticleInfo(doc, command.before, command.after);
  }
}

/** Title and metadata: checked against what is stored, like an annotation update; the text never changes. */
function updateArticleInfo(doc: ArticleDoc, before: ArticleInfoPatch, after: ArticleInfoPatch): Result<ArticleDoc> {
  if (Object.keys(before).sort().join() !== Object.keys(after).sort().join()) return fail('an article change must name the same fields before and after');
  const stored = doc.article as Record<string, unknown>;
  for (const key of Object.keys(before) as (keyof ArticleInfoPatch)[]) {
    // The time of the last edit is not a value two edits can disagree about: an edit made while
    // another (from `lede set-meta`, say) was saved still applies; its time is the latest.
    if (key === 'infoChangedAt') continue;
    if (!sameJson(stored[key] ?? null, before[key] ?? null)) return fail(`the article's ${key} changed since this edit was made`);
  }
  const merged: Record<string, unknown> = { ...doc.article, ...after };
  for (const key of Object.keys(after)) if (merged[key] === null) delete merged[key];
  const parsed = ArticleSchema.safeParse(merged);
  if (!parsed.success) return fail(`the article's ${parsed.error.issues[0]!.path.join('.')} ${parsed.error.issues[0]!.message}`);
  return ok({ article: merged as Article, annotations: doc.annotations, relations: doc.relations });
}

function compareRelations(a: Relation, b: Relation): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Puts a document's annotations and relations in canonical order (for documents from outside). */
export function canonicalDoc(doc: ArticleDoc): ArticleDoc {
  return {
    article: doc.article,
    annotations: [...doc.annotations].sort(compareSpans),
    relations: [...doc.relations].sort(compareRelations),
  };
}

function insert(doc: ArticleDoc, annotations: Annotation[], relations: Relation[]): Result<ArticleDoc> {
  const stored = annotationsById(doc.annotations);
  const newIds = new Set<string>();
  const textLength = doc.article.text.length;
  for (const a of annotations) {
    if (newIds.has(a.id) || stored.has(a.id)) return fail({ message: 'an annotation with this id already exists', annotation: a.id });
    const problem = fragmentProblem(a.fragments, textLength);
    if (problem) return fail({ message: problem, annotation: a.id });
    newIds.add(a.id);
  }
  const ends = new Set(relations.flatMap((r) => [r.from, r.to]).filter((id) => !newIds.has(id) && !stored.has(id)));
  const newRelationIds = new Set<string>();
  for (const r of relations) {
    if (newRelationIds.has(r.id)) return fail({ message: `relation ${r.id} already exists` });
    if (ends.has(r.from) || ends.has(r.to)) return fail({ message: `relation ${r.id} links an annotation that does not exist` });
    newRelationIds.add(r.id);
  }
  const taken = newRelationIds.size ? doc.relations.find((r) => newRelationIds.has(r.id)) : undefined;
  if (taken) return fail({ message: `relation ${taken.id} already exists` });
  const next = annotations.length ? insertSorted(doc.annotations, annotations, compareSpans) : doc.annotations;
  carryAnnotationIds(doc.annotations, next, (map) => {
    for (const a of annotations) map.set(a.id, a);
  });
  return ok({
    article: doc.article,
    annotations: next,
    relations: relations.length ? insertSorted(doc.relations, relations, compareRelations) : doc.relations,
  });
}

/**
 * `sorted` (already in `compare` order) with `added` put in place: a binary search and a splice per
 * item when a few are added (tagging one span in 20,000), one sort when many are (an import).
 */
function insertSorted<T>(sorted: readonly T[], added: readonly T[], compare: (a: T, b: T) => number): T[] {
  if (added.length > 32) return [...sorted, ...added].sort(compare);
  // One item (tagging one span): one copy with it in place, a quarter of a spread and a splice.
  if (added.length === 1) return sorted.toSpliced(sortedIndex(sorted, added[0]!, compare), 0, added[0]!);
  const out = [...sorted];
  for (const item of added) out.splice(sortedIndex(out, item, compare), 0, item);
  return out;
}

/** The first index whose item sorts after `item` (so equal items keep their order). */
function sortedIndex<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(sorted[mid]!, item) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function remove(doc: ArticleDoc, annotations: Annotation[], relations: Relation[]): Result<ArticleDoc> {
  const current = annotationsById(doc.annotations);
  for (const a of annotations) {
    const stored = current.get(a.id);
    if (!stored) return fail({ message: 'no such annotation', annotation: a.id });
    if (!sameJson(stored, a)) return fail({ message: 'the annotation changed since this edit was made', annotation: a.id });
  }
  const currentRelations = new Map(doc.relations.map((r) => [r.id, r]));
  for (const r of relations) {
    const stored = currentRelations.get(r.id);
    if (!stored || !sameJson(stored, r)) return fail({ message: `relation ${r.id} is not as this edit expects` });
  }
  const goneAnnotations = new Set(annotations.map((a) => a.id));
  const goneRelations = new Set(relations.map((r) => r.id));
  const remaining = doc.relations.filter((r) => !goneRelations.has(r.id));
  const dangling = remaining.find((r) => goneAnnotations.has(r.from) || goneAnnotations.has(r.to));
  if (dangling) return fail({ message: `relation ${dangling.id} would be left dangling; remove it in the same edit` });
  const next = goneAnnotations.size ? doc.annotations.filter((a) => !goneAnnotations.has(a.id)) : doc.annotations;
  carryAnnotationIds(doc.annotations, next, (map) => {
    for (const id of goneAnnotations) map.delete(id);
  });
  return ok({ article: doc.article, annotations: next, relations: remaining });
}

function update(doc: ArticleDoc, id: string, before: AnnotationPatch, after: AnnotationPatch): Result<ArticleDoc> {
  const index = doc.annotations.findIndex((a) => a.id === id);
  const stored = doc.annotations[index];
  if (!stored) return fail({ message: 'no such annotation', annotation: id });
  const keys = Object.keys(before).sort().join();
  if (keys !== Object.keys(after).sort().join()) {
    return fail({ message: 'an update must name the same fields before and after', annotation: id });
  }
  for (const key of Object.keys(before) as (keyof AnnotationPatch)[]) {
    // A null in a patch stands for an absent optional field (an unlinked actor span).
    if (!sameJson(stored[key] ?? null, before[key] ?? null)) {
      return fail({ message: `the annotation's ${key} changed since this edit was made`, annotation: id });
    }
  }
  const merged: Record<string, unknown> = { ...stored, ...after };
  for (const key of Object.keys(after)) if (merged[key] === null) delete merged[key];
  const next = merged as Annotation;
  const problem = fragmentProblem(next.fragments, doc.article.text.length);
  if (problem) return fail({ message: problem, annotation: id });
  const annotations = [...doc.annotations];
  if (after.fragments) {
    // Moved in the text: taken out and put back in reading order (the rest is still sorted).
    annotations.splice(index, 1);
    annotations.splice(sortedIndex(annotations, next, compareSpans), 0, next);
  } else annotations[index] = next;
  carryAnnotationIds(doc.annotations, annotations, (map) => map.set(id, next));
  return ok({ article: doc.article, annotations, relations: doc.relations });
}
