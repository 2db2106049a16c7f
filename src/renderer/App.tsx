import { useEffect } from 'react';
import { ArticleList } from './features/articles/ArticleList';
import { ArticleView } from './features/editor/ArticleView';
import { DropZone } from './features/import-export/DropZone';
import { MessageCenter } from './features/notices/MessageCenter';
import { TopBar } from './features/articles/TopBar';
import { useMenuCommands } from './features/articles/use-menu-commands';
import { useWorkspace } from './state/workspace-store';

/** The window: top bar, article list, the open article, and the message area. */
export function App() {
  const load = useWorkspace((s) => s.load);
  useEffect(() => void load(), [load]);
  useMenuCommands();
  return (
    <DropZone>
      <div className="app">
        <TopBar />
        <div className="workspace">
          <ArticleList />
          <ArticleView />
        </div>
        <MessageCenter />
      </div>
    </DropZone>
  );
}
