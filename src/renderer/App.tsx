import { lazy, Suspense, useEffect } from 'react';
import { SessionLinkNeeded } from './features/help/SessionLinkNeeded';
import { useConnection } from './state/connection';
import { hasUnsavedEdits } from './state/editor-history';
import { ArticleList } from './features/articles/ArticleList';
import { ArticleView } from './features/editor/ArticleView';
import { DropZone } from './features/import-export/DropZone';
import { ImportProgress } from './features/import-export/ImportProgress';
import { HelpOverlay } from './features/help/HelpOverlay';
import { MessageCenter } from './ui/MessageCenter';
import { SearchPanel } from './features/search/SearchPanel';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { useTheme } from './features/settings/theme';
import { Sidebar } from './features/sidebar/Sidebar';
import { TopBar } from './features/articles/TopBar';
import { useMenuCommands } from './commands/use-menu-commands';
import { useEditorKeys } from './commands/use-editor-keys';
import { useWorkspace } from './state/workspace-store';
import { usePanels } from './state/ui-panels';
import { useView } from './state/view-store';
import { ReviewView } from './features/review/ReviewView';
import { SaveStatus } from './features/editor/SaveStatus';
import { ImportArticlesButton } from './features/import-export/ImportArticlesButton';
import { ExchangeButtons } from './features/import-export/ExchangeButtons';
import { WelcomeCard } from './features/settings/WelcomeCard';
import { SuggestionPanel } from './features/suggest/SuggestionPanel';
import { ActorPanel } from './features/actors/ActorPanel';

const RegistryView = lazy(() => import('./features/actors/RegistryView'));

/**
 * The window: top bar, articles (or search results), the open article, its annotations, and the
 * message area. Features do not import each other: where one shows another's piece (the top bar's
 * save status and exchange buttons, the sidebar's cards), App composes it in.
 */
export function App() {
  const load = useWorkspace((s) => s.load);
  const view = useView((s) => s.view);
  const tokenRefused = useConnection((s) => s.tokenRefused);
  useEffect(() => void load(), [load]);
  useWarnBeforeLeavingUnsaved();
  useMenuCommands();
  useEditorKeys();
  useTheme();
  const articlesDrawer = useArticlesDrawer();
  if (tokenRefused) return <SessionLinkNeeded />;
  return (
    <DropZone>
      <div className="app">
        <TopBar
          saveStatus={<SaveStatus />}
          exchange={
            <>
              <ImportArticlesButton />
              <ExchangeButtons />
            </>
          }
        />
        {view === 'review' ? (
          <ReviewView />
        ) : view === 'actors' ? (
          <Suspense fallback={<p className="muted">Opening the registry…</p>}>
            <RegistryView />
          </Suspense>
        ) : (
          <div className={articlesDrawer ? 'workspace articles-open' : 'workspace'}>
            <SearchPanel>
              <ArticleList />
            </SearchPanel>
            <ArticleView />
            <Sidebar welcome={<WelcomeCard />} suggestions={<SuggestionPanel />} actorPanel={(doc, span) => <ActorPanel doc={doc} span={span} />} />
          </div>
        )}
        <MessageCenter />
        <ImportProgress />
        <HelpOverlay />
        <SettingsDialog />
      </div>
    </DropZone>
  );
}

/** Closing or reloading the tab while edits wait for the host (e.g. during its restart) would lose them: the browser asks first. */
function useWarnBeforeLeavingUnsaved(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (hasUnsavedEdits()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}

/**
 * Whether the article drawer is open (narrow windows only); choosing an article (ArticleList,
 * SearchPanel), another article opening, or Escape closes it — but not the article that opens
 * when the open one was deleted from the drawer (the analyst is still working there).
 */
function useArticlesDrawer(): boolean {
  const open = usePanels((s) => s.articlesDrawer);
  const currentId = useWorkspace((s) => s.currentId);
  useEffect(() => {
    const panels = usePanels.getState();
    if (panels.drawerStaysFor !== null && panels.drawerStaysFor === currentId) usePanels.setState({ drawerStaysFor: null });
    else panels.setArticlesDrawer(false);
  }, [currentId]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') usePanels.getState().setArticlesDrawer(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return open;
}
