import { fragmentProblem, normalizeFragments, type Annotation, type AttributeValue, type Fragment, type Relation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import { fail, ok, type Result } from '../model/result';
import { applyCommand } from '../edits/apply';
import type { DocCommand, Edit } from '../edits/commands';
import { selectorsFor } from '../text/selectors';
import type { LayerComparison, RelationItem, SpanItem } from '../agreement/compare';
import { copyAnnotation, copyRelation, relationsToCarry, spanItemOfAnnotation } from './carry';
import { isRejectedLayer, rejectedCopyId, rejectedRelationIds, reviewedCombinedId, reviewedCopyId, reviewedEditId, reviewedRelationId } from './ids';
import { combinedFields, decisionProblem, keptFields } from './rules';
import { ReviewState, spanItemsById } from './status';

/**
 * Adjudication: each decision on a comparison item becomes an Edit on the article (insert,
 * update and remove commands, batched when there are several), so it is saved, undone and redone
 * like any other edit. Deciding an item again replaces its earlier decision; `reopen` withdraws it.
 * What each key means, and when it cannot apply, is in rules.ts.
 *
 * Accepting a side of a span pair may carry the note and attributes the reviewer confirmed (by
 * default both sides' union, rules.keptFields). Accepting a link whose ends are not in the
 * reviewed layer yet is refused with field "ends" unless `withEnds`: then the ends are taken from
 * the link's side too, in the same edit (one undo step).
 */
export type Decision =
  | { kind: 'acceptA' | 'acceptB'; note?: string; attributes?: Record<string, AttributeValue>; withEnds?: boolean }
  | { kind: 'acceptBoth' }
  | { kind: 'reject' }
  | { kind: 'reopen' }
  | { kind: 'edit'; label: string; fragments: Fragment[]; note?: string; attributes?: Record<string, AttributeValue> };

export interface ReviewContext {
  doc: ArticleDoc;
  /** compareLayers(doc, layerA, layerB) of this very document. */
  comparison: LayerComparison;
  /** The reviewed layer's name (its author), e.g. "reviewed". */
  reviewed: string;
  /** ISO time of the decision. */
  now: string;
}

/** The edit carrying out `decision` on one item; null when the document already says so. */
export function decide(ctx: ReviewContext, itemId: string, decision: Decision): Result<Edit | null> {
  const problem = contextProblem(ctx);
  if (problem) return fail(problem);
  const item = ctx.comparison.items.find((i) => i.id === itemId);
  if (!item) return fail(`no difference ${itemId} in this comparison; compare the layers again`);
  return item.kind === 'span' ? decideSpan(ctx, item, decision) : decideRelation(ctx, item, decision);
}

/** Accepts, in one edit, every agreed item (same label, fragments, note, attributes) still open. */
export function acceptAgreed(ctx: ReviewContext): Result<Edit | null> {
  const problem = contextProblem(ctx);
  if (problem) return fail(problem);
  const state = new ReviewState(ctx.doc, ctx.reviewed);
  const copies = ctx.comparison.items
    .filter((i): i is SpanItem => i.kind === 'span' && !i.isDifference && state.spanStatus(i) === 'open')
    .map((i) => copyAnnotation(i.a!, reviewedCopyId(ctx.reviewed, i.a!.id), ctx.reviewed, ctx.now));
  return finish(ctx, [], [], copies, []);
}

function contextProblem(ctx: ReviewContext): string | null {
  const { comparison, reviewed } = ctx;
  if (comparison.articleId !== ctx.doc.article.id) return 'this comparison belongs to another article';
  if (reviewed === comparison.layerA || reviewed === comparison.layerB) return `the reviewed layer must not be one of the layers compared (${reviewed})`;
  if (isRejectedLayer(reviewed) || reviewed.trim() === '') return `"${reviewed}" cannot be used as a reviewed layer name`;
  return null;
}

function decideSpan(ctx: ReviewContext, item: SpanItem, decision: Decision): Result<Edit | null> {
  const { reviewed, now } = ctx;
  const problem = decisionProblem(item, decision.kind);
  if (problem) return fail(problem);
  const state = new ReviewState(ctx.doc, reviewed);
  const current = state.spanAnswers(item);
  const want: Annotation[] = [];
  const copyOf = (x: Annotation, fields?: { note: string; attributes: Record<string, AttributeValue> }, id = reviewedCopyId(reviewed, x.id)) =>
    want.push({ ...copyAnnotation(x, id, reviewed, now), ...(fields ? { note: fields.note, attributes: { ...fields.attributes } } : {}) });
  switch (decision.kind) {
    case 'acceptA':
    case 'acceptB': {
      const side = decision.kind === 'acceptA' ? 'a' : 'b';
      const kept = keptFields(item, side);
      copyOf(item[side]!, { note: decision.note ?? kept.note, attributes: decision.attributes ?? kept.attributes });
      break;
    }
    case 'acceptBoth':
      if (item.class === 'agreed') copyOf(item.a!, combinedFields(item), reviewedCombinedId(reviewed, item.id));
      else {
        copyOf(item.a!);
        copyOf(item.b!);
      }
      break;
    case 'reject':
      for (const x of [item.a, item.b]) if (x) want.push(copyAnnotation(x, rejectedCopyId(reviewed, x.id), state.rejected, now));
      break;
    case 'reopen':
      break;
    case 'edit': {
      const edited = editedAnnotation(ctx, item, decision);
      if (!edited.ok) return edited;
      want.push(edited.value);
      break;
    }
  }
  const have = [current.a, current.b, current.edit, current.combined, ...current.rejected].filter((x): x is Annotation => x !== undefined);
  const wanted = new Map(want.map((x) => [x.id, x]));
  const held = new Set(have.map((x) => x.id));
  // A copy or edit replacing one with the same id is an update, which keeps the links already made to it.
  const rewrites = have
    .filter((x) => wanted.has(x.id))
    .map((x) => updateCommand(x, wanted.get(x.id)!))
    .filter((c): c is DocCommand => c !== null);
  const remove = have.filter((x) => !wanted.has(x.id));
  const insert = want.filter((x) => !held.has(x.id));
  return finish(ctx, remove, rewrites, insert, []);
}

function editedAnnotation(ctx: ReviewContext, item: SpanItem, d: Extract<Decision, { kind: 'edit' }>): Result<Annotation> {
  const fragments = normalizeFragments(d.fragments);
  const problem = fragmentProblem(fragments, ctx.doc.article.text.length);
  if (problem) return fail({ message: problem, field: 'fragments' });
  if (d.label.trim() === '') return fail({ message: 'an edited annotation needs a label', field: 'label' });
  const base = item.a ?? item.b!;
  return ok({
    ...copyAnnotation(base, reviewedEditId(ctx.reviewed, item.id), ctx.reviewed, ctx.now),
    label: d.label,
    fragments,
    ...selectorsFor(ctx.doc.article.text, fragments),
    note: d.note ?? base.note,
    attributes: { ...(d.attributes ?? base.attributes) },
  });
}

function updateCommand(before: Annotation, after: Annotation): DocCommand | null {
  const keys = ['label', 'fragments', 'quote', 'prefix', 'suffix', 'note', 'attributes'] as const;
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return null;
  const pick = (a: Annotation) => Object.fromEntries([...changed, 'modified'].map((k) => [k, a[k as keyof Annotation]]));
  return { op: 'update', id: before.id, before: pick(before), after: pick(after) };
}

function decideRelation(ctx: ReviewContext, item: RelationItem, decision: Decision): Result<Edit | null> {
  const problem = decisionProblem(item, decision.kind);
  if (problem) return fail(problem);
  const { reviewed, now } = ctx;
  const state = new ReviewState(ctx.doc, reviewed);
  const r = item.relation;
  const acceptedId = reviewedRelationId(reviewed, r.id);
  const rejectedIds = rejectedRelationIds(reviewed, r.id);
  const accepted = state.relation(acceptedId);
  const rejected = state.relation(rejectedIds.relation);
  const rejectedEnds = [rejectedIds.from, rejectedIds.to].map((id) => state.annotation(id)).filter((x): x is Annotation => !!x);
  const verdict = decision.kind === 'reopen' ? 'reopen' : decision.kind === 'reject' ? 'drop' : 'keep';

  const removeAnnotations: Annotation[] = [];
  const removeRelations: Relation[] = [];
  const insertAnnotations: Annotation[] = [];
  const insertRelations: Relation[] = [];
  if (verdict !== 'keep' && accepted) removeRelations.push(accepted);
  if (verdict !== 'drop' && rejected) {
    removeRelations.push(rejected);
    removeAnnotations.push(...rejectedEnds);
  }
  if (verdict === 'keep' && !accepted) {
    const spans = spanItemsById(ctx.comparison);
    const ends = [spans.get(item.fromItem)!, spans.get(item.toItem)!];
    if (ends.some((end) => state.spanStatus(end) === 'rejected')) {
      return fail('An end of this link was rejected, so there is nothing to link: reopen that end (O) first, or R rejects the link.');
    }
    const itemOf = spanItemOfAnnotation(ctx.comparison);
    const from = state.counterpart(itemOf.get(r.from)!, r.from);
    const to = state.counterpart(itemOf.get(r.to)!, r.to);
    if (!from || !to) {
      // decisionProblem lets only the link's own side through to here.
      const take = decision as Extract<Decision, { kind: 'acceptA' | 'acceptB' }>;
      const key = take.kind === 'acceptA' ? 'A' : 'B';
      if (!take.withEnds) {
        return fail({
          message: `Its ends are not in the reviewed layer yet: press ${key} again to take them from ${key} with the link (one undo step).`,
          field: 'ends',
        });
      }
      return withEnds(ctx, item, take.kind, ends);
    }
    insertRelations.push(copyRelation(r, { id: acceptedId, from: from.id, to: to.id }, reviewed, now));
  }
  if (verdict === 'drop' && !rejected) {
    const source = new Map(ctx.doc.annotations.map((a) => [a.id, a]));
    insertAnnotations.push(
      copyAnnotation(source.get(r.from)!, rejectedIds.from, state.rejected, now),
      copyAnnotation(source.get(r.to)!, rejectedIds.to, state.rejected, now),
    );
    insertRelations.push(copyRelation(r, { id: rejectedIds.relation, from: rejectedIds.from, to: rejectedIds.to }, state.rejected, now));
  }
  return finish(ctx, removeAnnotations, [], insertAnnotations, insertRelations, removeRelations);
}

/** Accepts the link's side of each end still missing from the reviewed layer, then the link: one edit. */
function withEnds(ctx: ReviewContext, item: RelationItem, kind: 'acceptA' | 'acceptB', ends: SpanItem[]): Result<Edit | null> {
  let doc = ctx.doc;
  const edits: Edit[] = [];
  const source = [item.relation.from, item.relation.to];
  for (const [i, end] of ends.entries()) {
    if (new ReviewState(doc, ctx.reviewed).counterpart(end, source[i]!)) continue;
    const step = decide({ ...ctx, doc }, end.id, { kind });
    if (!step.ok) return step;
    if (!step.value) continue;
    edits.push(step.value);
    const applied = applyEditTo(doc, step.value);
    if (!applied.ok) return applied;
    doc = applied.value;
  }
  const link = decide({ ...ctx, doc }, item.id, { kind });
  if (!link.ok) return link;
  if (link.value) edits.push(link.value);
  const flat = edits.flatMap(flatten);
  if (flat.length === 0) return ok(null);
  return ok(flat.length === 1 ? flat[0]! : { kind: 'batch', edits: flat });
}

function flatten(edit: Edit): Edit[] {
  return edit.kind === 'batch' ? edit.edits.flatMap(flatten) : [edit];
}

function applyEditTo(doc: ArticleDoc, edit: Edit): Result<ArticleDoc> {
  let at = doc;
  for (const e of flatten(edit)) {
    if (e.kind !== 'doc') return fail('a review edit changes only its article');
    const applied = applyCommand(at, e.command);
    if (!applied.ok) return applied;
    at = applied.value;
  }
  return ok(at);
}

/**
 * Assembles remove → update → insert into one edit, removing every relation that touches a
 * removed annotation and carrying every link whose ends are now both reviewed. Each step is
 * applied to check it, so an edit that could not apply is never returned.
 */
function finish(
  ctx: ReviewContext,
  removeAnnotations: Annotation[],
  updates: DocCommand[],
  insertAnnotations: Annotation[],
  insertRelations: Relation[],
  removeRelations: Relation[] = [],
): Result<Edit | null> {
  const gone = new Set(removeAnnotations.map((a) => a.id));
  const dropped = new Map(removeRelations.map((r) => [r.id, r]));
  for (const r of ctx.doc.relations) if (gone.has(r.from) || gone.has(r.to)) dropped.set(r.id, r);
  const commands: DocCommand[] = [];
  if (removeAnnotations.length > 0 || dropped.size > 0) commands.push({ op: 'remove', annotations: removeAnnotations, relations: [...dropped.values()] });
  commands.push(...updates);
  let doc = ctx.doc;
  for (const c of commands) {
    const applied = applyCommand(doc, c);
    if (!applied.ok) return applied;
    doc = applied.value;
  }
  const withAnnotations = applyCommand(doc, { op: 'insert', annotations: insertAnnotations, relations: [] });
  if (!withAnnotations.ok) return withAnnotations;
  const carried = relationsToCarry(withAnnotations.value, ctx.comparison, ctx.reviewed, ctx.now);
  const relations = [...insertRelations, ...carried.filter((c) => !insertRelations.some((r) => r.id === c.id))];
  if (insertAnnotations.length > 0 || relations.length > 0) {
    const insert: DocCommand = { op: 'insert', annotations: insertAnnotations, relations };
    const applied = applyCommand(doc, insert);
    if (!applied.ok) return applied;
    commands.push(insert);
  }
  const edits: Edit[] = commands.map((command) => ({ kind: 'doc', articleId: ctx.doc.article.id, command }));
  if (edits.length === 0) return ok(null);
  return ok(edits.length === 1 ? edits[0]! : { kind: 'batch', edits });
}
