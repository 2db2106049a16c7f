import type { Annotation } from '../../core/model/annotation';
import { isRejectedLayer } from '../../core/review/ids';
import { authorCounts } from './editor-diff';
import type { Filters } from './editor-store';

/**
 * The annotations the analyst has not filtered out (by label or author; review companions unless
 * asked for, see Filters.showCompanions). The text, the sidebar
 * and next/previous all use this one list, so what is hidden is hidden everywhere.
 * Memoised on its inputs: it is asked for on every render and keypress.
 */
let last: { annotations: readonly Annotation[]; filters: Filters; result: readonly Annotation[] } | null = null;

export function visibleAnnotations(annotations: readonly Annotation[], filters: Filters): readonly Annotation[] {
  if (last && last.annotations === annotations && last.filters === filters) return last.result;
  const hiddenLabels = new Set(filters.hiddenLabels);
  const hiddenAuthors = new Set(filters.hiddenAuthors);
  const companions = !filters.showCompanions;
  // Nothing hidden: the document's own array (no copy; the same array after an edit elsewhere lets
  // what is kept up to date from it find what changed). Whether any companion is present comes
  // from the per-author counts, kept up to date edit by edit, not a walk over every annotation.
  const result =
    hiddenLabels.size === 0 && hiddenAuthors.size === 0 && !(companions && authorCounts(annotations).someAuthor(isRejectedLayer))
      ? annotations
      : annotations.filter((a) => !hiddenLabels.has(a.label) && !hiddenAuthors.has(a.author) && !(companions && isRejectedLayer(a.author)));
  last = { annotations, filters, result };
  return result;
}

/** How many annotations an article shows as its count: its review companions only when they are shown. */
export function shownCount(authors: Readonly<Record<string, number>>, total: number, filters: Filters): number {
  if (filters.showCompanions) return total;
  let hidden = 0;
  for (const [author, n] of Object.entries(authors)) if (isRejectedLayer(author)) hidden += n;
  return total - hidden;
}
