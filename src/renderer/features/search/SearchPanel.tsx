import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { SearchHit, SearchResults } from '../../../core/api';
import { counted } from '../../../core/text/plural';
import { useEditor } from '../../state/editor-store';
import { showError } from '../../state/messages';
import { usePanels } from '../../state/ui-panels';
import { useWorkspace } from '../../state/workspace-store';
import { focusText, revealRange } from '../../state/editor-view';
import { searchArticles } from '../../state/search-actions';
import { keyHint } from '../../commands/key-hint';

const LIMIT = 200;
const ANY_LABEL = '';
const NO_LABELS: readonly never[] = [];
const DEBOUNCE_MS = 250;

/**
 * Search across all articles (Mod+Shift+F): words in any order, "quoted phrases" exactly, in the
 * text and in annotation notes, optionally only inside annotations of one label. While there is
 * a query the results replace the article list, grouped by article; clicking a text match opens
 * its article with the match selected, ready to tag; a note match selects its annotation.
 */
export function SearchPanel({ children }: { children: ReactNode }) {
  const [query, setQuery] = useState('');
  const [label, setLabel] = useState(ANY_LABEL);
  const [results, setResults] = useState<SearchResults | null>(null);
  const labels = useWorkspace((s) => s.info?.labelSchema.labels) ?? NO_LABELS;
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const focusSeq = usePanels((s) => s.searchFocusSeq);

  useEffect(() => {
    if (focusSeq > 0) input.current?.select();
  }, [focusSeq]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      return;
    }
    let stale = false;
    const search = async () => {
      setBusy(true);
      try {
        const found = await searchArticles(q, LIMIT, label);
        if (!stale) setResults(found);
      } catch (error) {
        if (!stale) showError('Search failed', error);
      } finally {
        if (!stale) setBusy(false);
      }
    };
    const timer = window.setTimeout(() => void search(), DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [query, label]);

  return (
    <div className="left-pane" id="left-pane">
      <div className="search-box" role="search">
        <input
          ref={input}
          type="search"
          placeholder="Search all articles"
          title={`Search all articles${keyHint('Mod+Shift+F')}`}
          aria-label="Search all articles"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setQuery('');
              focusText();
            }
          }}
        />
        <select
          aria-label="Search in"
          title="Search everywhere, or only inside annotations of one label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        >
          <option value={ANY_LABEL}>Everywhere</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              In {l.name}
            </option>
          ))}
        </select>
      </div>
      {results === null ? children : <Results results={results} busy={busy} />}
    </div>
  );
}

/** Hits of one article, in the order the search gave them. */
function byArticle(hits: readonly SearchHit[]): { articleId: string; title: string; hits: SearchHit[] }[] {
  const groups = new Map<string, { articleId: string; title: string; hits: SearchHit[] }>();
  for (const h of hits) {
    let group = groups.get(h.articleId);
    if (!group) groups.set(h.articleId, (group = { articleId: h.articleId, title: h.title, hits: [] }));
    group.hits.push(h);
  }
  return [...groups.values()];
}

function Results({ results, busy }: { results: SearchResults; busy: boolean }) {
  const { hits, total, stoppedEarly } = results;
  const more = total - hits.length;
  return (
    <nav className="search-results" aria-label="Search results">
      <h2 className="pane-title">
        Results <span className="count">{busy ? '…' : `${total}${stoppedEarly ? '+' : ''}`}</span>
      </h2>
      {hits.length === 0 && !busy && <p className="muted">No article contains that.</p>}
      {byArticle(hits).map((group) => (
        <section key={group.articleId} className="search-group" aria-label={group.title || 'Untitled article'}>
          <h3 className="hit-title" title={group.title}>
            <span className="hit-title-text">{group.title || 'Untitled article'}</span> <span className="count">{group.hits.length}</span>
          </h3>
          <ul>
            {group.hits.map((h) => (
              <li key={`${h.where}-${h.annotationId ?? ''}-${h.start}-${h.before.length}`}>
                <button
                  type="button"
                  className="search-hit"
                  onClick={() => {
                    usePanels.getState().setArticlesDrawer(false);
                    void openHit(h);
                  }}
                >
                  {h.where === 'note' && <span className="hit-where">Note</span>}
                  <span className="hit-context">
                    {h.before}
                    <mark>{h.match}</mark>
                    {h.after}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {more > 0 && (
        <p className="search-more muted" role="status">
          {counted(more, 'more match', 'more matches')} not listed{stoppedEarly ? ' (the search stopped after 10 s)' : ''}: add words or a label to narrow the
          search.
        </p>
      )}
      {more <= 0 && stoppedEarly && <p className="search-more muted">The search stopped after 10 s; some articles were not searched.</p>}
    </nav>
  );
}

/** Opens the hit's article (if it is not open), selects the match and scrolls to it. */
async function openHit(hit: SearchHit): Promise<void> {
  const ws = useWorkspace.getState();
  if (ws.currentId !== hit.articleId) await ws.openArticle(hit.articleId);
  // The article renders on the next frames; select and reveal once it is there.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const editor = useEditor.getState();
      if (hit.where === 'note' && hit.annotationId) {
        editor.select(hit.annotationId);
        revealRange(hit.start, hit.end);
        return;
      }
      editor.select(null);
      editor.setSelection({ anchor: hit.start, focus: hit.end }, 'program');
      editor.openPopup({ kind: 'labels', purpose: 'tag' });
      revealRange(hit.start, hit.end);
      focusText();
    }),
  );
}
