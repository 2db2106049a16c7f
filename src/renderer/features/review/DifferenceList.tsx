import { useEffect, useMemo, useRef } from 'react';
import type { ComparisonItem } from '../../../core/agreement/compare';
import { itemsShown, type ReviewModel } from '../../state/review-actions';
import { useReview, type ItemFilter } from '../../state/review-store';
import { useWorkspace } from '../../state/workspace-store';
import { classKey, classText, labelName, quoteOf, relationName, shorten, STATUS_TEXT } from './item-text';

/** The items of the open article, as the filter shows them: class, label(s), text and status. */
export function DifferenceList({ model }: { model: ReviewModel }) {
  const filter = useReview((s) => s.filter);
  const setFilter = useReview((s) => s.setFilter);
  const currentId = useReview((s) => s.currentItemId);
  const focusItem = useReview((s) => s.focusItem);
  const schema = useWorkspace((s) => s.info?.labelSchema);
  const shown = itemsShown(model.progress, filter);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

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
        <ol ref={listRef} className="review-item-list">
          {shown.map(({ item, status }) => (
            <li key={item.id}>
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
          ))}
        </ol>
      )}
    </section>
  );
}
