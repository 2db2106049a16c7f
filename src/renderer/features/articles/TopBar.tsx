import type { ReactNode } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import { usePanels } from '../../state/ui-panels';
import { useView } from '../../state/view-store';
import { keyHint } from '../../commands/key-hint';

/** `saveStatus` and `exchange` come from the editor and import-export features, composed by App. */
export function TopBar({ saveStatus, exchange }: { saveStatus: ReactNode; exchange: ReactNode }) {
  const info = useWorkspace((s) => s.info);
  const open = usePanels((s) => s.open);
  const { view, toggleReview, setView } = useView();
  const drawer = usePanels((s) => s.articlesDrawer);
  const setDrawer = usePanels((s) => s.setArticlesDrawer);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          L
        </span>
        <span className="brand-name">Lede</span>
      </div>
      {view === 'editor' && (
        <button
          type="button"
          className="button articles-toggle"
          aria-expanded={drawer}
          aria-controls="left-pane"
          onClick={() => setDrawer(!drawer)}
          title="Show or hide the articles and search"
        >
          Articles
        </button>
      )}
      <div className="workspace-path" title={info?.path}>
        {info ? info.path : 'Opening workspace…'}
      </div>
      {saveStatus}
      <div className="topbar-actions">
        {exchange}
        <button
          type="button"
          className="button"
          aria-pressed={view === 'review'}
          onClick={toggleReview}
          title={`Review two layers and measure agreement${keyHint('Mod+Shift+R', 'desktop')}`}
        >
          {view === 'review' ? 'Editor' : 'Review'}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={view === 'actors'}
          onClick={() => setView(view === 'actors' ? 'editor' : 'actors')}
          title="The actor registry: every actor across articles"
        >
          {view === 'actors' ? 'Editor' : 'Actors'}
        </button>
        <button type="button" className="button" onClick={() => open('settings')} title={`Settings${keyHint('Mod+,')}`}>
          Settings
        </button>
        <button type="button" className="button" onClick={() => open('help')} title={`Keyboard shortcuts${keyHint('?')}`} aria-label="Keyboard shortcuts">
          ?
        </button>
      </div>
    </header>
  );
}
