import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ArticleSummary } from '../../../core/model/article';
import { counted } from '../../../core/text/plural';
import { useEditor } from '../../state/editor-store';
import { shownCount } from '../../state/editor-visible';
import { usePanels } from '../../state/ui-panels';
import { useWorkspace } from '../../state/workspace-store';
import { orderArticles, SORT_NAMES, type ArticleSort } from './article-order';

/** Every row is one line of title and one of source and count: a fixed height, so nothing is measured. */
const ROW_HEIGHT = 52;

/**
 * The workspace's articles: title, source file and annotation count (review companions left out
 * unless shown); the open one highlighted. Virtualised: with 10,000 articles only the rows in view
 * exist. A filter box (title or file name) and a sort order sit above; ↑/↓ move between rows,
 * Enter opens, and ↓ in the filter box goes to the first row.
 */
export function ArticleList() {
  const articles = useWorkspace((s) => s.articles);
  const currentId = useWorkspace((s) => s.currentId);
  const openArticle = useWorkspace((s) => s.openArticle);
  const loading = useWorkspace((s) => s.loading);
  const filters = useEditor((s) => s.filters);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ArticleSort>('imported');
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => orderArticles(articles, sort, deferredQuery), [articles, sort, deferredQuery]);

  const scroller = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scroller.current, []);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const getItemKey = useCallback((i: number) => rows[i]?.id ?? i, [rows]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, overscan: 10, getItemKey });

  const open = (a: ArticleSummary) => {
    usePanels.getState().setArticlesDrawer(false);
    void openArticle(a.id);
  };
  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row="${index}"]`)?.focus());
  };

  return (
    <nav className="article-list" aria-label="Articles">
      <h2 className="pane-title">
        Articles <span className="count">{rows.length === articles.length ? articles.length : `${rows.length} of ${articles.length}`}</span>
      </h2>
      {articles.length > 0 && (
        <div className="article-tools">
          <input
            type="search"
            className="article-filter"
            placeholder="Filter by title or file"
            aria-label="Filter articles by title or file"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                focusRow(0);
              } else if (e.key === 'Escape' && query) {
                e.stopPropagation();
                setQuery('');
              }
            }}
          />
          <select className="article-sort" aria-label="Sort articles" value={sort} onChange={(e) => setSort(e.target.value as ArticleSort)}>
            {(Object.keys(SORT_NAMES) as ArticleSort[]).map((k) => (
              <option key={k} value={k}>
                {SORT_NAMES[k]}
              </option>
            ))}
          </select>
        </div>
      )}
      {loading && <p className="muted">Loading…</p>}
      {!loading && articles.length === 0 && <p className="muted">No articles yet. Import .txt, .md or .html files, or drop them here.</p>}
      {!loading && articles.length > 0 && rows.length === 0 && <p className="muted">No article matches “{deferredQuery}”.</p>}
      <div ref={scroller} className="article-scroller">
        <ul style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const a = rows[item.index]!;
            return (
              <li key={item.key} style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
                <button
                  type="button"
                  className={a.id === currentId ? 'article-item current' : 'article-item'}
                  aria-current={a.id === currentId ? 'page' : undefined}
                  data-article-id={a.id}
                  data-row={item.index}
                  title={a.title}
                  onClick={() => open(a)}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                      e.preventDefault();
                      focusRow(item.index + (e.key === 'ArrowDown' ? 1 : -1));
                    }
                  }}
                >
                  <span className="article-title">{a.title}</span>
                  <span className="article-meta">
                    <span className="article-source">{a.source}</span>
                    <ArticleCount count={shownCount(a.authors, a.annotationCount, filters)} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

/** The number of annotations shown, with a tooltip that says what it counts. */
function ArticleCount({ count }: { count: number }) {
  return (
    <span className="article-count" title={counted(count, 'annotation')}>
      {count}
    </span>
  );
}
