import { useWorkspace } from '../../state/workspace-store';
import { ImportArticlesButton } from '../import-export/ImportArticlesButton';

export function TopBar() {
  const info = useWorkspace((s) => s.info);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">L</span>
        <span className="brand-name">Lede</span>
      </div>
      <div className="workspace-path" title={info?.path}>
        {info ? info.path : 'Opening workspace…'}
      </div>
      <div className="topbar-actions">
        <ImportArticlesButton />
      </div>
    </header>
  );
}
