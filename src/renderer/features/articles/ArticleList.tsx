import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ArticleSummary } from '../../../core/model/article';
import { counted } from '../../../core/text/plural';
import { useEditor } from '../../state/editor-store';
import { shownCount } from '../../state/editor-visible';
import { usePanels } from '../../state/ui-panels';
import { prefetchArticle, useWorkspace } from '../../state/workspace-store';
import { deleteArticles, renameArticle } from '../../state/article-actions';
import { filterActive, orderArticles, SORT_NAMES, type ArticleFilter, type ArticleSort } from './article-order';
import { ArticleFilters, TagSelected } from './ArticleFilters';
import { ArticleTrash } from './ArticleTrash';

/** Every row is one line of title and one of source and count: a fixed height, so nothing is measured. */
const ROW_HEIGHT = 52;

/**
 * The workspace's articles: title, source file and annotation count (review companions left out
 * unless shown); the open one highlighted. Virtualised: with 10,000 articles only the rows in view
 * exist. A filter box (title or file name) and a sort order sit above; ↑/↓ move between rows,
 * Enter opens, and ↓ in the filter box goes to the first row. Ctrl/⌘-click and Shift-click select
 * several; Delete moves the selected (or focused) articles to the trash; F2 or a double click
 * renames.
 */
export function ArticleList() {
  const articles = useWorkspace((s) => s.articles);
  const currentId = useWorkspace((s) => s.currentId);
  const openArticle = useWorkspace((s) => s.openArticle);
  const loading = useWorkspace((s) => s.loading);
  const filters = useEditor((s) => s.filters);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ArticleSort>('imported');
  const [filter, setFilter] = useState<ArticleFilter>({});
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => orderArticles(articles, sort, deferredQuery, filter), [articles, sort, deferredQuery, filter]);

  const scroller = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scroller.current, []);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const getItemKey = useCallback((i: number) => rows[i]?.id ?? i, [rows]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, overscan: 10, getItemKey });

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const open = (a: ArticleSummary) => {
    usePanels.getState().setArticlesDrawer(false);
    void openArticle(a.id);
  };
  const click = (e: React.MouseEvent, a: ArticleSummary, index: number) => {
    if (e.shiftKey) {
      const from = Math.max(
        0,
        rows.findIndex((r) => r.id === (anchor ?? currentId)),
      );
      const [lo, hi] = from < index ? [from, index] : [index, from];
      setSelected(new Set(rows.slice(lo, hi + 1).map((r) => r.id)));
      return;
    }
    if (e.ctrlKey || e.metaKey) {
      const next = new Set(selected.size ? selected : currentId ? [currentId] : []);
      if (next.has(a.id)) next.delete(a.id);
      else next.add(a.id);
      setSelected(next);
      setAnchor(a.id);
      return;
    }
    setSelected(new Set());
    setAnchor(a.id);
    open(a);
  };
  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row="${index}"]`)?.focus());
  };
  // After a delete (or Clear) the focused control is gone: keyboard users land on the row now in
  // the place of the first removed one (the list's last row at the end; the filter when none is left).
  const [focusAt, setFocusAt] = useState<number | null>(null);
  useEffect(() => {
    if (focusAt === null) return;
    setFocusAt(null);
    if (rows.length > 0) focusRow(Math.min(focusAt, rows.length - 1));
    else scroller.current?.closest('.article-list')?.querySelector<HTMLElement>('.article-filter')?.focus();
    // Runs once per removal, with the rows of the list after it.
  }, [focusAt]);
  const removeIds = async (ids: string[]) => {
    const first = rows.findIndex((r) => ids.includes(r.id));
    if (!(await deleteArticles(ids))) return;
    setSelected(new Set());
    setFocusAt(Math.max(first, 0));
  };
  const remove = (a: ArticleSummary) => removeIds(selected.has(a.id) ? [...selected] : [a.id]);
  const clearSelection = () => {
    const index = rows.findIndex((r) => selected.has(r.id));
    setSelected(new Set());
    focusRow(Math.max(index, 0));
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
            placeholder="Filter…"
            aria-label="Filter articles by title or file"
            title="Words in the title, file name, outlet, byline or tags"
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
      {articles.length > 0 && <ArticleFilters articles={articles} filter={filter} onChange={setFilter} />}
      {loading && <p className="muted">Loading…</p>}
      {!loading && articles.length === 0 && <p className="muted">No articles yet. Import .txt, .md or .html files, or drop them here.</p>}
      {selected.size > 1 && (
        <div className="article-selection" role="group" aria-label="Selected articles">
          <div className="article-selection-head">
            <span role="status">{counted(selected.size, 'article')} selected</span>
            <button type="button" className="button small" onClick={clearSelection}>
              Clear
            </button>
          </div>
          <div className="article-selection-actions">
            <TagSelected ids={[...selected]} />
            <button type="button" className="button small danger" onClick={() => void removeIds([...selected])}>
              Delete
            </button>
          </div>
        </div>
      )}
      {!loading && articles.length > 0 && rows.length === 0 && (
        <p className="muted">
          {deferredQuery.trim()
            ? `No article matches “${deferredQuery}”${filterActive(filter) ? ' with these filters' : ''}.`
            : 'No article passes these filters.'}
        </p>
      )}
      <div ref={scroller} className="article-scroller">
        <ul style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const a = rows[item.index]!;
            const style = { transform: `translateY(${item.start}px)`, height: item.size };
            if (renaming === a.id) {
              return (
                <li key={item.key} style={style}>
                  <RenameField
                    title={a.title}
                    done={(title) => {
                      setRenaming(null);
                      if (title !== null && title.trim() && title !== a.title) void renameArticle(a.id, title);
                      focusRow(item.index);
                    }}
                  />
                </li>
              );
            }
            const classes = ['article-item', a.id === currentId ? 'current' : '', selected.has(a.id) ? 'selected' : ''].filter(Boolean).join(' ');
            return (
              <li key={item.key} style={style}>
                <button
                  type="button"
                  className={classes}
                  aria-current={a.id === currentId ? 'page' : undefined}
                  aria-pressed={selected.size > 0 ? selected.has(a.id) : undefined}
                  data-article-id={a.id}
                  data-row={item.index}
                  title={`${a.title}\nF2 or double-click: rename · Delete: move to the trash`}
                  // The click that opens it lands when the button is released: fetch from the press.
                  onPointerDown={(e) => e.button === 0 && !e.shiftKey && !e.ctrlKey && !e.metaKey && prefetchArticle(a.id)}
                  onClick={(e) => click(e, a, item.index)}
                  onDoubleClick={() => setRenaming(a.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                      e.preventDefault();
                      focusRow(item.index + (e.key === 'ArrowDown' ? 1 : -1));
                    } else if (e.key === 'F2') {
                      e.preventDefault();
                      e.stopPropagation();
                      setRenaming(a.id);
                    } else if (e.key === 'Delete' || (e.key === 'Backspace' && (e.metaKey || e.ctrlKey))) {
                      e.preventDefault();
                      e.stopPropagation();
                      void remove(a);
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
      <ArticleTrash />
    </nav>
  );
}

/** The inline title editor: Enter saves, Escape (or leaving it) cancels. */
function RenameField({ title, done }: { title: string; done: (title: string | null) => void }) {
  const [value, setValue] = useState(title);
  return (
    <input
      className="article-rename"
      aria-label="Article title"
      autoFocus
      value={value}
      maxLength={500}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => done(null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          done(value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          done(null);
        }
      }}
    />
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
