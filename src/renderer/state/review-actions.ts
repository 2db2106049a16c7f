import { counted } from '../../core/text/plural';
import { compareLayers, type ComparisonItem, type LayerComparison } from '../../core/agreement/compare';
import type { ArticleDoc } from '../../core/model/document';
import { acceptAgreed, decide, type Decision } from '../../core/review/decide';
import { decisionProblem, keepsOtherSide, keptFields, reopenProblem } from '../../core/review/rules';
import { nextOpen, reviewProgress, type ArticleProgress } from '../../core/review/progress';
import type { ItemStatus } from '../../core/review/status';
import { perform, whenSaved } from './editor-history';
import { useMessages } from './messages';
import { useReview, type ItemFilter } from './review-store';
import { useWorkspace } from './workspace-store';

/**
 * The Review view's actions. The comparison and progress are recomputed from the open document
 * (src/core does the work); each decision becomes an Edit through `perform`, the editor's one
 * path for changes, so it shows at once, is saved at once and is undone with Ctrl/Cmd+Z like any
 * other edit.
 */
export interface ReviewModel {
  doc: ArticleDoc;
  comparison: LayerComparison;
  progress: ArticleProgress;
}

let cache: { doc: ArticleDoc; a: string; b: string; reviewed: string; model: ReviewModel } | null = null;

/** The comparison of the open article, computed once per document version and layer choice. */
export function reviewModelOf(doc: ArticleDoc | null, a: string, b: string, reviewed: string): ReviewModel | null {
  if (!doc || !a || !b || a === b) return null;
  if (cache && cache.doc === doc && cache.a === a && cache.b === b && cache.reviewed === reviewed) return cache.model;
  const comparison = compareLayers(doc, a, b);
  const model = { doc, comparison, progress: reviewProgress(doc, comparison, reviewed) };
  cache = { doc, a, b, reviewed, model };
  return model;
}

export function currentReviewModel(): ReviewModel | null {
  const { layerA, layerB, reviewed } = useReview.getState();
  return reviewModelOf(useWorkspace.getState().doc, layerA, layerB, reviewed);
}

export type ItemEntry = { item: ComparisonItem; status: ItemStatus };

export function itemsShown(progress: ArticleProgress, filter: ItemFilter): ItemEntry[] {
  if (filter === 'all') return progress.items;
  return progress.items.filter((x) => x.item.isDifference && (filter === 'differences' || x.status === 'open'));
}

/** Moves to the next (or previous) difference shown, or the next open one; in workspace scope on into the next article. */
export async function step(direction: 1 | -1, openOnly: boolean): Promise<void> {
  const model = currentReviewModel();
  const review = useReview.getState();
  if (!model) return;
  if (openOnly) {
    const from = review.currentItemId;
    const next = nextOpen(model.progress, from, direction);
    const wrapped = next && from !== null && wrappedPast(model.progress, from, next.id, direction);
    if (next && !(wrapped && review.scope === 'workspace')) return review.focusItem(next.id);
    if (review.scope === 'workspace' && (await moveToArticle(direction, true))) return;
    if (next) return review.focusItem(next.id);
    useMessages.getState().show('success', 'Every difference in this article is settled.');
    return;
  }
  const shown = itemsShown(model.progress, review.filter === 'all' ? 'all' : 'differences');
  const at = shown.findIndex((x) => x.item.id === review.currentItemId);
  const target = at < 0 ? (direction === 1 ? 0 : shown.length - 1) : at + direction;
  if (target >= 0 && target < shown.length) return review.focusItem(shown[target]!.item.id);
  if (review.scope === 'workspace' && (await moveToArticle(direction, false))) return;
  if (shown.length === 0) return void useMessages.getState().show('info', nothingToDecide(model));
  useMessages.getState().show('info', direction === 1 ? 'That was the last difference in this article.' : 'That was the first difference in this article.');
}

/** What to say when a key needs a difference and none is chosen: there may be none at all. */
export function nothingToDecide(model: ReviewModel | null): string {
  if (model && !model.progress.items.some((x) => x.item.isDifference)) return 'The two layers do not differ in this article: there is no difference to decide.';
  return 'Choose a difference first (J / K to move, N for the next open one).';
}

function wrappedPast(progress: ArticleProgress, from: string, to: string, direction: 1 | -1): boolean {
  const ids = progress.items.map((x) => x.item.id);
  return direction === 1 ? ids.indexOf(to) <= ids.indexOf(from) : ids.indexOf(to) >= ids.indexOf(from);
}

/** Opens the next article in review order with something to look at; false when there is none. */
async function moveToArticle(direction: 1 | -1, openOnly: boolean): Promise<boolean> {
  const { overview } = useReview.getState();
  const currentId = useWorkspace.getState().currentId;
  if (!overview) return false;
  const list = direction === 1 ? overview.articles : [...overview.articles].reverse();
  const at = list.findIndex((a) => a.articleId === currentId);
  const next = list.slice(at + 1).find((a) => (openOnly ? a.differences.open > 0 : a.differences.open + a.differences.settled > 0));
  if (!next) return false;
  await openForReview(next.articleId);
  const model = currentReviewModel();
  if (!model) return true;
  const candidates = openOnly ? model.progress.items.filter((x) => x.item.isDifference && x.status === 'open') : itemsShown(model.progress, 'differences');
  const pick = direction === 1 ? candidates[0] : candidates[candidates.length - 1];
  useReview.getState().focusItem(pick?.item.id ?? null);
  return true;
}

/** Opens an article in the review (saving what is pending first) and refreshes the progress figures. */
export async function openForReview(articleId: string): Promise<void> {
  await whenSaved();
  if (useWorkspace.getState().currentId !== articleId) await useWorkspace.getState().openArticle(articleId);
  useReview.getState().focusItem(null);
  void useReview.getState().refreshOverview();
}

function context(model: ReviewModel) {
  const { reviewed } = useReview.getState();
  return { doc: model.doc, comparison: model.comparison, reviewed, now: new Date().toISOString() };
}

/**
 * Carries out a decision on an item (the current one by default), then moves to the next open
 * difference. A decision that cannot apply moves nothing: the reason is said beside the item.
 * Two decisions ask first, and the same key (or the button shown) then confirms: taking one side
 * of a pair that brings in the other side's note or attributes (shown, editable), and taking a
 * link whose ends are not in the reviewed layer yet (they come with it, one undo step).
 */
export function decideItem(decision: Decision, itemId = useReview.getState().currentItemId, advance = true): boolean {
  const model = currentReviewModel();
  const review = useReview.getState();
  if (!model || !itemId) {
    useMessages.getState().show('info', nothingToDecide(model));
    return false;
  }
  const entry = model.progress.items.find((x) => x.item.id === itemId);
  if (!entry) return false;
  const { item, status } = entry;
  const refuse = (text: string, offer?: Decision) => (review.setNotice({ itemId, text, ...(offer ? { offer } : {}) }), false);
  const problem = decisionProblem(item, decision.kind);
  if (problem) return refuse(problem);
  const reopen = decision.kind === 'reopen' ? reopenProblem(status) : null;
  if (reopen) return refuse(reopen);
  // The same key again confirms what was offered.
  const offered = review.notice?.itemId === itemId && review.notice.offer?.kind === decision.kind ? review.notice.offer : null;
  let chosen: Decision = offered ?? decision;
  if ((chosen.kind === 'acceptA' || chosen.kind === 'acceptB') && item.kind === 'span' && chosen.note === undefined) {
    const side = chosen.kind === 'acceptA' ? 'a' : 'b';
    const pending = review.pending;
    if (pending?.itemId === itemId && pending.kind === chosen.kind) chosen = { kind: chosen.kind, ...pending.fields };
    else if (keepsOtherSide(item, side)) return (review.setPending({ itemId, kind: chosen.kind, fields: keptFields(item, side) }), false);
  }
  const edit = decide(context(model), itemId, chosen);
  if (!edit.ok) {
    const ends = edit.errors.find((e) => e.field === 'ends');
    if (ends && (chosen.kind === 'acceptA' || chosen.kind === 'acceptB')) return refuse(ends.message, { kind: chosen.kind, withEnds: true });
    return refuse(edit.errors.map((e) => e.message).join(' '));
  }
  if (edit.value && !perform(edit.value)) return false;
  review.setEditing(false);
  if (advance && decision.kind !== 'reopen') advanceFrom(itemId);
  return true;
}

/** After a decision: on to the next open difference after this one; when none is left, say so (and in workspace scope go on to the next article). */
function advanceFrom(itemId: string): void {
  const after = currentReviewModel();
  const next = after && nextOpen(after.progress, itemId, 1);
  if (next && !wrappedPast(after.progress, itemId, next.id, 1)) return useReview.getState().focusItem(next.id);
  // Nothing open further on: back to one skipped earlier, or on to the next article, or "all settled".
  void step(1, true);
}

/** Accepts every agreed item of the open article in one edit (one undo step). */
export function acceptAllAgreed(): void {
  const model = currentReviewModel();
  if (!model) return;
  const edit = acceptAgreed(context(model));
  if (!edit.ok) return useMessages.getState().show('error', edit.errors.map((e) => e.message).join('; '));
  if (!edit.value) return useMessages.getState().show('info', 'Every agreed annotation is already accepted.');
  const count = model.progress.agreed.open;
  if (perform(edit.value)) useMessages.getState().show('success', `Accepted ${counted(count, 'agreed annotation')}.`);
}

/** Opens a spot found by the agreement panel: the article, the two layers, and the item there. */
export async function openInReview(target: {
  articleId: string;
  layers: string[];
  start: number;
  end: number;
  annotationId?: string;
  linkId?: string;
}): Promise<void> {
  const review = useReview.getState();
  if (target.layers.length === 2 && !(target.layers.includes(review.layerA) && target.layers.includes(review.layerB))) {
    const [a, b] = target.layers;
    review.setLayers({ layerA: a!, layerB: b! });
  }
  await openForReview(target.articleId);
  review.setTab('adjudicate');
  const model = currentReviewModel();
  if (!model) return;
  const items = model.progress.items.map((x) => x.item);
  const byAnnotation = target.annotationId
    ? items.find((i) => i.kind === 'span' && (i.a?.id === target.annotationId || i.b?.id === target.annotationId))
    : undefined;
  const covering = items.find((i) => i.kind === 'span' && i.isDifference && i.start < target.end && i.end > target.start);
  const byLink = target.linkId ? items.find((i) => i.kind === 'relation' && i.relation.id === target.linkId) : undefined;
  const item = byLink ?? byAnnotation ?? covering;
  if (item) {
    if (!item.isDifference) review.setFilter('all');
    review.focusItem(item.id);
  }
}
