import type { ArticleDoc } from '../model/document';
import { compareLayers, type ComparisonItem, type LayerComparison } from '../agreement/compare';
import { itemStatus, ReviewState, spanItemsById, type ItemStatus } from './status';

/**
 * Review progress, derived from the document alone (the two layers compared, the reviewed layer
 * and its rejected companion): nothing else is stored, so it is right after a restart and after
 * any undo. Agreed items count too — they are settled once accepted (acceptAgreed does them all).
 */
export interface Tally {
  settled: number;
  open: number;
}

export interface ArticleProgress extends Tally {
  articleId: string;
  /** Differences only (what the reviewer must look at). */
  differences: Tally;
  /** Agreed items waiting for (or given) their one-step acceptance. */
  agreed: Tally;
  /** Each item's status, in the comparison's document order. */
  items: { item: ComparisonItem; status: ItemStatus }[];
}

export function isSettled(status: ItemStatus): boolean {
  return status !== 'open';
}

export function reviewProgress(doc: ArticleDoc, comparison: LayerComparison, reviewed: string): ArticleProgress {
  const state = new ReviewState(doc, reviewed);
  const spans = spanItemsById(comparison);
  const items = comparison.items.map((item) => ({ item, status: itemStatus(state, spans, item) }));
  const tally = (list: typeof items): Tally => {
    const settled = list.filter((x) => isSettled(x.status)).length;
    return { settled, open: list.length - settled };
  };
  return {
    articleId: doc.article.id,
    ...tally(items),
    differences: tally(items.filter((x) => x.item.isDifference)),
    agreed: tally(items.filter((x) => !x.item.isDifference)),
    items,
  };
}

/** Progress of one article straight from its document and the names of the three layers. */
export function articleReviewProgress(doc: ArticleDoc, layers: { a: string; b: string; reviewed: string }): ArticleProgress {
  return reviewProgress(doc, compareLayers(doc, layers.a, layers.b), layers.reviewed);
}

export interface OverallProgress extends Tally {
  articles: number;
  /** Articles with nothing left open. */
  articlesDone: number;
  differences: Tally;
  agreed: Tally;
}

export function overallProgress(perArticle: readonly ArticleProgress[]): OverallProgress {
  const sum = (pick: (p: ArticleProgress) => Tally): Tally => ({
    settled: perArticle.reduce((s, p) => s + pick(p).settled, 0),
    open: perArticle.reduce((s, p) => s + pick(p).open, 0),
  });
  return {
    articles: perArticle.length,
    articlesDone: perArticle.filter((p) => p.open === 0).length,
    ...sum((p) => p),
    differences: sum((p) => p.differences),
    agreed: sum((p) => p.agreed),
  };
}

/** The next (or previous) item still open after `fromId`, wrapping round; null when none is left. */
export function nextOpen(progress: ArticleProgress, fromId: string | null, direction: 1 | -1 = 1): ComparisonItem | null {
  const list = progress.items;
  if (list.length === 0) return null;
  const start = fromId === null ? (direction === 1 ? -1 : list.length) : list.findIndex((x) => x.item.id === fromId);
  for (let step = 1; step <= list.length; step++) {
    const at = (((start + direction * step) % list.length) + list.length) % list.length;
    const entry = list[at]!;
    if (entry.item.isDifference && !isSettled(entry.status)) return entry.item;
  }
  return null;
}
