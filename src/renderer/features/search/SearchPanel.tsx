import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { SearchHit } from '../../../core/api';
import { backend } from '../../state/api';
import { useEditor } from '../../state/editor-store';
import { showError } from '../../state/messages';
import { usePanels } from '../../state/ui-panels';
import { useWorkspace } from '../../state/workspace-store';
import { focusText, revealRange } from '../editor/editor-view';
import { keyHint } from '../../keyboard/key-hint';

const LIMIT = 200;
const DEBOUNCE_MS = 250;

/**
 * Search across all articles (Mod+Shift+F). While there is a query the results replace the
 * article list; clicking one opens its article with the match selected and in view, ready to tag.
 */
export function SearchPanel({ children }: { children: ReactNode }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const focusSeq = usePanels((s) => s.searchFocusSeq);

  useEffect(() => {
    if (focusSeq > 0) input.current?.select();
  }, [focusSeq]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    let stale = false;
    const timer = window.setTimeout(async () => {
      setBusy(true);
      try {
        const found = await backend().api.searchArticles({ query: q, limit: LIMIT });
        if (!stale) setHits(found);
      } catch (error) {
        if (!stale) showError('Search failed', error);
      } finally {
        if (!stale) setBusy(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [query]);

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
      </div>
      {hits === null ? children : <Results hits={hits} busy={busy} />}
    </div>
  );
}

function Results({ hits, busy }: { hits: SearchHit[]; busy: boolean }) {
  return (
    <nav className="search-results" aria-label="Search results">
      <h2 className="pane-title">
        Results <span className="count">{busy ? '…' : hits.length >= LIMIT ? `${LIMIT}+` : hits.length}</span>
      </h2>
      {hits.length === 0 && !busy && <p className="muted">No article contains that.</p>}
      <ul>
        {hits.map((h) => (
          <li key={`${h.articleId}-${h.start}`}>
            <button type="button" className="search-hit" onClick={() => {
                usePanels.getState().setArticlesDrawer(false);
                void openHit(h);
              }}>
              <span className="hit-title">{h.title}</span>
              <span className="hit-context">
                {h.before}
                <mark>{h.match}</mark>
                {h.after}
              </span>
            </button>
          </li>
        ))}
      </ul>
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
      editor.select(null);
      editor.setSelection({ anchor: hit.start, focus: hit.end }, 'program');
      editor.openPopup({ kind: 'labels', purpose: 'tag' });
      revealRange(hit.start, hit.end);
      focusText();
    }),
  );
}
