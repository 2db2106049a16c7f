import { openForReview } from '../../state/review-actions';
import { useReview } from '../../state/review-store';
import { useWorkspace } from '../../state/workspace-store';

/** Articles with layer A or B, with their open differences, to move through the whole workspace. */
export function ReviewArticles({ current }: { current: { articleId: string; open: number; settled: number } | null }) {
  const overview = useReview((s) => s.overview);
  const currentId = useWorkspace((s) => s.currentId);
  if (!overview) return null;
  return (
    <nav className="review-articles" aria-label="Articles to review">
      <h2 className="pane-title">
        Articles <span>{overview.articles.length}</span>
      </h2>
      {overview.articles.length === 0 && <p className="muted review-empty">No article has either layer.</p>}
      <ul>
        {overview.articles.map((a) => {
          const here = current && current.articleId === a.articleId ? current : a;
          return (
            <li key={a.articleId}>
              <button type="button" className={`article-item ${a.articleId === currentId ? 'current' : ''}`} onClick={() => void openForReview(a.articleId)}>
                <span className="article-title">{a.title}</span>
                <span className="article-meta">
                  <span>{here.open === 0 ? 'done' : `${here.open} open`}</span>
                  <span>{here.settled} settled</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
