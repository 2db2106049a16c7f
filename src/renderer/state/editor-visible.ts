import type { Annotation } from '../../core/model/annotation';
import type { Filters } from './editor-store';

/**
 * The annotations the analyst has not filtered out (by label or author). The text, the sidebar
 * and next/previous all use this one list, so what is hidden is hidden everywhere.
 * Memoised on its inputs: it is asked for on every render and keypress.
 */
let last: { annotations: readonly Annotation[]; filters: Filters; result: Annotation[] } | null = null;

export function visibleAnnotations(annotations: readonly Annotation[], filters: Filters): Annotation[] {
  if (last && last.annotations === annotations && last.filters === filters) return last.result;
  const hiddenLabels = new Set(filters.hiddenLabels);
  const hiddenAuthors = new Set(filters.hiddenAuthors);
  const result =
    hiddenLabels.size === 0 && hiddenAuthors.size === 0
      ? [...annotations]
      : annotations.filter((a) => !hiddenLabels.has(a.label) && !hiddenAuthors.has(a.author));
  last = { annotations, filters, result };
  return result;
}
