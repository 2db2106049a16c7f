import { useEffect, useState } from 'react';
import { counted } from '../../../core/text/plural';
import { emptyTrash, restoreArticles, useTrash } from '../../state/article-actions';

/** Below the article list: the deleted articles, each restorable, until the trash is emptied. */
export function ArticleTrash() {
  const trash = useTrash((s) => s.trash);
  const [open, setOpen] = useState(false);
  useEffect(() => void useTrash.getState().refresh(), []);
  if (trash.length === 0) return null;
  return (
    <section className="article-trash" aria-label="Trash">
      <button type="button" className="trash-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} Trash <span className="count">{trash.length}</span>
      </button>
      {open && (
        <>
          <ul>
            {trash.map((t) => (
              <li key={t.entry} className="trash-item">
                <span className="trash-title" title={`${t.title} — ${counted(t.annotationCount, 'annotation')}, deleted ${new Date(t.trashedAt).toLocaleString()}`}>
                  {t.title}
                </span>
                <button type="button" className="button small" onClick={() => void restoreArticles([t.entry])} aria-label={`Restore ${t.title}`}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button small danger"
            onClick={() => {
              if (window.confirm(`Delete ${counted(trash.length, 'article')} and their annotations for good? This cannot be undone.`)) void emptyTrash();
            }}
          >
            Empty trash
          </button>
        </>
      )}
    </section>
  );
}
