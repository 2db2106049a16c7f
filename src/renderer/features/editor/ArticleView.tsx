import { useMemo } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import { paragraphsOf } from '../../../core/text/paragraphs';

/**
 * The open article, read-only, with its paragraphs as written. Each line is its own block that
 * records where it starts in the text (`data-start`), so a DOM position maps back to a text offset
 * without walking the document.
 */
export function ArticleView() {
  const doc = useWorkspace((s) => s.doc);
  const paragraphs = useMemo(() => (doc ? paragraphsOf(doc.article.text) : []), [doc?.article.text]);
  if (!doc) return <main className="article-view empty">Choose an article on the left, or import one.</main>;
  const { article } = doc;
  return (
    <main className="article-view" aria-label="Article">
      <header className="article-header">
        <h1>{article.title}</h1>
        <p className="muted">
          {article.source} · imported {new Date(article.importedAt).toLocaleString()} · {doc.annotations.length} annotations
        </p>
      </header>
      <div className="article-text" data-article-id={article.id}>
        {paragraphs.map((p) => (
          <p key={p.start} data-start={p.start} className={p.text.trim() ? undefined : 'blank'}>
            {p.text}
          </p>
        ))}
      </div>
    </main>
  );
}
