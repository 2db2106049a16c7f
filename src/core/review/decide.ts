import { fragmentProblem, normalizeFragments, type Annotation, type AttributeValue, type Fragment, type Relation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import { fail, ok, type Result } from '../model/result';
import { applyCommand } from '../edits/apply';
import type { DocCommand, Edit } from '../edits/commands';
import { selectorsFor } from '../text/selectors';
import type { LayerComparison, RelationItem, SpanItem } from '../agreement/compare';
import { copyAnnotation, copyRelation, relationsToCarry, spanItemOfAnnotation } from './carry';
import { isRejectedLayer, rejectedCopyId, rejectedRelationIds, reviewedCopyId, reviewedEditId, reviewedRelationId } from './ids';
import { ReviewState } from './status';

/**
 * Adjudication: each decision on a comparison item becomes an Edit on the article (insert,
 * update and remove commands, batched when there are several), so it is saved, undone and redone
 * like any other edit. Deciding an item again replaces its earlier decision; `reopen` withdraws it.
 */
export type Decision =
  | { kind: 'acceptA' }
  | { kind: 'acceptB' }
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
  return finish(ctx, [], null, copies, []);
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
  const state = new ReviewState(ctx.doc, reviewed);
  const current = state.spanAnswers(item);
  const want: Annotation[] = [];
  const copyOf = (x: Annotation | null) => x && want.push(copyAnnotation(x, reviewedCopyId(reviewed, x.id), reviewed, now));
  switch (decision.kind) {
    case 'acceptA':
      if (!item.a) return fail('layer A has nothing here to accept');
      copyOf(item.a);
      break;
    case 'acceptB':
      if (!item.b) return fail('layer B has nothing here to accept');
      copyOf(item.b);
      break;
    case 'acceptBoth':
      if (!item.a || !item.b) return fail('only one layer has an annotation here; accept it or reject it');
      if (item.class === 'agreed') return fail('both layers tagged the same span with the same label; accept one version or edit it');
      copyOf(item.a);
      copyOf(item.b);
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
  const have = [current.a, current.b, current.edit, ...current.rejected].filter((x): x is Annotation => x !== undefined);
  const wanted = new Set(want.map((x) => x.id));
  const held = new Set(have.map((x) => x.id));
  // An edit replacing an earlier edit is an update, which keeps the links already made to it.
  const rewrite = current.edit && wanted.has(current.edit.id) ? updateCommand(current.edit, want.find((x) => x.id === current.edit!.id)!) : null;
  const remove = have.filter((x) => !wanted.has(x.id));
  const insert = want.filter((x) => !held.has(x.id));
  return finish(ctx, remove, rewrite, insert, []);
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
  const { reviewed, now } = ctx;
  const state = new ReviewState(ctx.doc, reviewed);
  const r = item.relation;
  const acceptedId = reviewedRelationId(reviewed, r.id);
  const rejectedIds = rejectedRelationIds(reviewed, r.id);
  const accepted = state.relation(acceptedId);
  const rejected = state.relation(rejectedIds.relation);
  const rejectedEnds = [rejectedIds.from, rejectedIds.to].map((id) => state.annotation(id)).filter((x): x is Annotation => !!x);
  const side = item.class === 'onlyA' ? 'acceptA' : 'acceptB';
  const verdict =
    decision.kind === 'reopen' ? 'reopen' : decision.kind === 'edit' ? 'edit' : decision.kind === side || decision.kind === 'acceptBoth' ? 'keep' : 'drop';
  if (verdict === 'edit') return fail('a link is kept or dropped; edit its ends instead');

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
    const itemOf = spanItemOfAnnotation(ctx.comparison);
    const from = state.counterpart(itemOf.get(r.from)!, r.from);
    const to = state.counterpart(itemOf.get(r.to)!, r.to);
    if (!from || !to) return fail('accept both ends of this link into the reviewed layer first');
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
  return finish(ctx, removeAnnotations, null, insertAnnotations, insertRelations, removeRelations);
}

/**
 * Assembles remove → update → insert into one edit, removing every relation that touches a
 * removed annotation and carrying every link whose ends are now both reviewed. Each step is
 * applied to check it, so an edit that could not apply is never returned.
 */
function finish(
  ctx: ReviewContext,
  removeAnnotations: Annotation[],
  update: DocCommand | null,
  insertAnnotations: Annotation[],
  insertRelations: Relation[],
  removeRelations: Relation[] = [],
): Result<Edit | null> {
  const gone = new Set(removeAnnotations.map((a) => a.id));
  const dropped = new Map(removeRelations.map((r) => [r.id, r]));
  for (const r of ctx.doc.relations) if (gone.has(r.from) || gone.has(r.to)) dropped.set(r.id, r);
  const commands: DocCommand[] = [];
  if (removeAnnotations.length > 0 || dropped.size > 0) commands.push({ op: 'remove', annotations: removeAnnotations, relations: [...dropped.values()] });
  if (update) commands.push(update);
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
