import { useEffect, useRef, useState } from 'react';
import { counted } from '../../../core/text/plural';
import { emptyTrash, restoreArticles, useTrash } from '../../state/article-actions';

/**
 * Below the article list: the deleted articles, each restorable, until the trash is emptied. A
 * restored row leaves the list, and its button with it: the focus goes on to the Restore button now
 * in its place (the one above at the end, the Trash toggle when none is left), so a keyboard user
 * restores several in a row.
 */
export function ArticleTrash() {
  const trash = useTrash((s) => s.trash);
  const [open, setOpen] = useState(false);
  const section = useRef<HTMLElement>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  useEffect(() => void useTrash.getState().refresh(), []);
  useEffect(() => {
    if (focusAt === null) return;
    setFocusAt(null);
    const buttons = section.current?.querySelectorAll<HTMLElement>('.trash-item button');
    const next = buttons?.length ? buttons[Math.min(focusAt, buttons.length - 1)] : section.current?.querySelector<HTMLElement>('.trash-toggle');
    // The trash emptied by this restore is gone: the list's filter box keeps the focus in the pane.
    (next ?? document.querySelector<HTMLElement>('.article-filter'))?.focus();
    // Runs once per restore, with the trash after it.
  }, [focusAt]);
  if (trash.length === 0) return null;
  const restore = async (entry: string, index: number) => {
    await restoreArticles([entry]);
    setFocusAt(index);
  };
  return (
    <section ref={section} className="article-trash" aria-label="Trash">
      <button type="button" className="trash-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Trash <span className="count">{trash.length}</span>
      </button>
      {open && (
        <>
          <ul>
            {trash.map((t, i) => (
              <li key={t.entry} className="trash-item">
                <span
                  className="trash-title"
                  title={`${t.title} — ${counted(t.annotationCount, 'annotation')}, deleted ${new Date(t.trashedAt).toLocaleString()}`}
                >
                  {t.title}
                </span>
                <button type="button" className="button small" onClick={() => void restore(t.entry, i)} aria-label={`Restore ${t.title}`}>
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
