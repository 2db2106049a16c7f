import { counted } from '../../../core/text/plural';
import { useEditor } from '../../state/editor-store';
import { shownCount } from '../../state/editor-visible';
import { usePanels } from '../../state/ui-panels';
import { useWorkspace } from '../../state/workspace-store';

/** The workspace's articles: title, source file and annotation count (review companions left out unless shown); the open one highlighted. */
export function ArticleList() {
  const articles = useWorkspace((s) => s.articles);
  const currentId = useWorkspace((s) => s.currentId);
  const openArticle = useWorkspace((s) => s.openArticle);
  const loading = useWorkspace((s) => s.loading);
  const filters = useEditor((s) => s.filters);
  return (
    <nav className="article-list" aria-label="Articles">
      <h2 className="pane-title">
        Articles <span className="count">{articles.length}</span>
      </h2>
      {loading && <p className="muted">Loading…</p>}
      {!loading && articles.length === 0 && <p className="muted">No articles yet. Import .txt, .md or .html files, or drop them here.</p>}
      <ul>
        {articles.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={a.id === currentId ? 'article-item current' : 'article-item'}
              aria-current={a.id === currentId ? 'page' : undefined}
              data-article-id={a.id}
              onClick={() => {
                usePanels.getState().setArticlesDrawer(false);
                void openArticle(a.id);
              }}
            >
              <span className="article-title">{a.title}</span>
              <span className="article-meta">
                <span className="article-source">{a.source}</span>
                <ArticleCount count={shownCount(a.authors, a.annotationCount, filters)} />
              </span>
            </button>
          </li>
        ))}
      </ul>
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
