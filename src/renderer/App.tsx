import { useEffect } from 'react';
import { ArticleList } from './features/articles/ArticleList';
import { ArticleView } from './features/editor/ArticleView';
import { DropZone } from './features/import-export/DropZone';
import { HelpOverlay } from './features/help/HelpOverlay';
import { MessageCenter } from './features/notices/MessageCenter';
import { SearchPanel } from './features/search/SearchPanel';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { Sidebar } from './features/sidebar/Sidebar';
import { TopBar } from './features/articles/TopBar';
import { useMenuCommands } from './features/articles/use-menu-commands';
import { useEditorKeys } from './keyboard/use-editor-keys';
import { useWorkspace } from './state/workspace-store';
import { useView } from './state/view-store';
import { ReviewView } from './features/review/ReviewView';

/** The window: top bar, articles (or search results), the open article, its annotations, and the message area. */
export function App() {
  const load = useWorkspace((s) => s.load);
  const view = useView((s) => s.view);
  useEffect(() => void load(), [load]);
  useMenuCommands();
  useEditorKeys();
  return (
    <DropZone>
      <div className="app">
        <TopBar />
        {view === 'review' ? (
          <ReviewView />
        ) : (
          <div className="workspace">
            <SearchPanel>
              <ArticleList />
            </SearchPanel>
            <ArticleView />
            <Sidebar />
          </div>
        )}
        <MessageCenter />
        <HelpOverlay />
        <SettingsDialog />
      </div>
    </DropZone>
  );
}
