import { useMemo, useState } from 'react';
import { addTagEdit } from '../../../core/edits/article-info';
import type { ArticleSummary } from '../../../core/model/article';
import { counted } from '../../../core/text/plural';
import { perform } from '../../state/editor-history';
import { useMessages } from '../../state/messages';
import { useWorkspace } from '../../state/workspace-store';
import { filterActive, filterChoices, type ArticleFilter } from './article-order';

/**
 * Below the filter box: keep the articles of one outlet, with one tag, or published between two
 * dates (article-order.ts does the keeping). The menus list what the articles have; Clear filters
 * resets (named apart from the selection bar's Clear just below).
 */
export function ArticleFilters({
  articles,
  filter,
  onChange,
}: {
  articles: readonly ArticleSummary[];
  filter: ArticleFilter;
  onChange: (f: ArticleFilter) => void;
}) {
  const { outlets, tags } = useMemo(() => filterChoices(articles), [articles]);
  const set = (key: keyof ArticleFilter, value: string) => {
    const next = { ...filter };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  if (outlets.length === 0 && tags.length === 0 && !articles.some((a) => a.published)) return null;
  const menus = outlets.length > 0 || tags.length > 0;
  return (
    <div className="article-filters" role="group" aria-label="Filter articles by details">
      {menus && (
        <div className="article-filter-menus">
          {outlets.length > 0 && (
            <select aria-label="Outlet" value={filter.outlet ?? ''} onChange={(e) => set('outlet', e.target.value)}>
              <option value="">Any outlet</option>
              {outlets.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          )}
          {tags.length > 0 && (
            <select aria-label="Tag" value={filter.tag ?? ''} onChange={(e) => set('tag', e.target.value)}>
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      {/* The two dates carry visible names: two bare mm/dd/yyyy boxes did not say which is which. */}
      <label className="article-filter-date">
        <span>Published from</span>
        <input type="date" aria-label="Published from" title="Published on or after" value={filter.from ?? ''} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label className="article-filter-date">
        <span>to</span>
        <input type="date" aria-label="Published to" title="Published on or before" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value)} />
      </label>
      {filterActive(filter) && (
        <button type="button" className="button small article-filters-clear" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}

/**
 * In the selection bar: a tag for every selected article, one undoable edit (addTagEdit). The
 * list shows the new tags at once (perform applies them to its summaries, as undo and redo do);
 * the articles' files change through the save queue.
 */
export function TagSelected({ ids }: { ids: readonly string[] }) {
  const [tag, setTag] = useState('');
  const apply = () => {
    const { articles } = useWorkspace.getState();
    const chosen = articles.filter((a) => ids.includes(a.id));
    const made = addTagEdit(chosen, tag);
    if (!made.ok) return useMessages.getState().show('error', made.errors[0]!.message);
    if (!made.value) return useMessages.getState().show('info', `Every selected article has the tag “${tag.trim()}” already.`);
    const tagged = made.value.kind === 'batch' ? made.value.edits.length : 1;
    // perform shows the new tags in the list at once, and so do undo and redo.
    if (!perform(made.value)) return;
    useMessages.getState().show('success', `Tagged ${counted(tagged, 'article')} “${tag.trim()}”.`);
    setTag('');
  };
  return (
    <form
      className="article-tag-selected"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <input aria-label="Tag the selected articles" placeholder="Tag…" value={tag} maxLength={100} onChange={(e) => setTag(e.target.value)} />
      <button type="submit" className="button small" disabled={!tag.trim()}>
        Tag
      </button>
    </form>
  );
}
