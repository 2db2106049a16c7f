import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ComparisonItem } from '../../../core/agreement/compare';
import { itemsShown, type ReviewModel } from '../../state/review-actions';
import { useReview, type ItemFilter } from '../../state/review-store';
import { useWorkspace } from '../../state/workspace-store';
import { classKey, classText, labelName, quoteOf, relationName, shorten, STATUS_TEXT } from './item-text';

/** A row's height before it is measured: one line of quote (a long one wraps to two). */
const ROW_ESTIMATE = 62;

/**
 * The items of the open article, as the filter shows them: class, label(s), text and status.
 * Only the rows near the screen are in the page (a 5,000-span comparison lists over a thousand).
 */
export function DifferenceList({ model }: { model: ReviewModel }) {
  const filter = useReview((s) => s.filter);
  const setFilter = useReview((s) => s.setFilter);
  const currentId = useReview((s) => s.currentItemId);
  const focusItem = useReview((s) => s.focusItem);
  const schema = useWorkspace((s) => s.info?.labelSchema);
  const shown = itemsShown(model.progress, filter);
  const scroller = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scroller.current, []);
  const estimateSize = useCallback(() => ROW_ESTIMATE, []);
  const getItemKey = useCallback((i: number) => shown[i]?.item.id ?? i, [shown]);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement, estimateSize, overscan: 8, getItemKey });

  const currentIndex = shown.findIndex((s) => s.item.id === currentId);
  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, virtualizer]);

  const text = model.doc.article.text;
  const describe = (item: ComparisonItem): string => {
    if (item.kind === 'relation') return relationName(schema, item.relation.type);
    const labels = [...new Set([item.a?.label, item.b?.label].filter((l): l is string => !!l))].map((l) => labelName(schema, l));
    return labels.join(' → ');
  };
  const byId = useMemo(() => new Map(model.doc.annotations.map((a) => [a.id, a])), [model.doc]);
  const quote = (item: ComparisonItem): string => {
    if (item.kind === 'relation') {
      const end = (id: string) => {
        const a = byId.get(id);
        return a ? shorten(quoteOf(text, a), 28) : '?';
      };
      return `${end(item.relation.from)} → ${end(item.relation.to)}`;
    }
    return shorten(quoteOf(text, (item.a ?? item.b)!), 60);
  };

  return (
    <section className="review-items" aria-label="Differences">
      <div className="review-items-head">
        <label>
          Show{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as ItemFilter)} aria-label="Which items to list">
            <option value="differences">Differences</option>
            <option value="open">Open differences</option>
            <option value="all">All items (with agreed)</option>
          </select>
        </label>
        <span className="muted">{shown.length}</span>
      </div>
      {shown.length === 0 ? (
        <p className="muted review-empty">{filter === 'open' ? 'Nothing open here.' : 'No differences between these layers in this article.'}</p>
      ) : (
        <div ref={scroller} className="review-item-scroller">
          <ol className="review-item-list" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((row) => {
              const { item, status } = shown[row.index]!;
              return (
                <li key={row.key} data-index={row.index} ref={virtualizer.measureElement} style={{ transform: `translateY(${row.start}px)` }}>
                  <button
                    type="button"
                    className="review-item"
                    data-class={classKey(item)}
                    data-status={status}
                    aria-current={item.id === currentId}
                    onClick={() => focusItem(item.id)}
                  >
                    <span className="item-class">{classText(item)}</span>
                    <span className="item-label">{describe(item)}</span>
                    <span className="item-status">{STATUS_TEXT[status]}</span>
                    <span className="item-quote">{quote(item)}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}
