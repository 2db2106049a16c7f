import { useRef, useState } from 'react';
import { deleteAnnotations, setAttribute } from '../../../core/edits/builders';
import { REANCHOR_MARKER as REANCHORED, reattachAnnotation } from '../../../core/edits/update-text';
import type { ArticleDoc } from '../../../core/model/document';
import { findLabel, type LabelSchema } from '../../../core/model/label-schema';
import { nowIso } from '../../../core/model/ids';
import { counted } from '../../../core/text/plural';
import { updateArticleText } from '../../state/article-actions';
import { perform } from '../../state/editor-history';
import { showError, useMessages } from '../../state/messages';
import { selectedRange, useEditor } from '../../state/editor-store';
import { pendingReview } from './pending-review';

/**
 * "Update text…": replaces the article's text with a corrected version chosen as a file (.txt,
 * .md, .html, read as an import reads it) or pasted ("Paste new text…": read as a .txt), and
 * re-anchors every annotation in the store. Edits made before refer to the old text, so the undo
 * history starts afresh.
 */
export function UpdateTextButton({ articleId }: { articleId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');
  const update = async (file: File): Promise<boolean> => {
    setBusy(true);
    try {
      await updateArticleText(articleId, file);
      return true;
    } catch (error) {
      showError('The text was not updated', error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const updateFromPaste = async () => {
    if (!pasted.trim()) return;
    if (await update(new File([pasted], 'pasted text.txt', { type: 'text/plain' }))) {
      setPasting(false);
      setPasted('');
    }
  };
  return (
    <>
      <button type="button" className="link-button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Updating text…' : 'Update text…'}
      </button>{' '}
      ·{' '}
      <button type="button" className="link-button" disabled={busy} aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
        Paste new text…
      </button>
      {pasting && (
        <span className="paste-text">
          <textarea
            aria-label="The new version of the text"
            placeholder="Paste the corrected article here"
            autoFocus
            rows={8}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setPasting(false);
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void updateFromPaste();
            }}
          />
          <span className="paste-text-actions">
            <button type="button" className="button primary" disabled={busy || !pasted.trim()} onClick={() => void updateFromPaste()}>
              Update text
            </button>
            <button type="button" className="button" onClick={() => setPasting(false)}>
              Cancel
            </button>
          </span>
        </span>
      )}
      <input
        ref={input}
        type="file"
        hidden
        data-testid="update-text-input"
        accept=".txt,.md,.markdown,.html,.htm"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void update(file);
        }}
      />
    </>
  );
}

/**
 * The annotations an update could not place with confidence (attribute `reanchored`: needs
 * review, or orphaned on the place its text had). Confirm keeps it and drops the marker;
 * Re-attach moves it onto the text selected in the article (its note, attributes and links
 * kept); Delete removes it. Each is one undoable edit. Clicking the quote shows where it sits.
 */
export function ReviewQueue({ doc, schema }: { doc: ArticleDoc; schema: LabelSchema }) {
  const pending = pendingReview(doc.annotations);
  if (pending.length === 0) return null;
  const act = (made: ReturnType<typeof setAttribute>) => {
    if (made.ok) perform({ kind: 'doc', articleId: doc.article.id, command: made.value });
    else useMessages.getState().show('error', made.errors[0]!.message);
  };
  // The selection is read when the button is pressed, before the press can move it.
  const reattach = (id: string) => {
    const range = selectedRange(useEditor.getState().selection);
    if (!range) return useMessages.getState().show('info', 'Select the text in the article to attach it to, then press Re-attach.');
    act(reattachAnnotation(doc, id, range, nowIso()));
  };
  return (
    <section className="review-queue" aria-label="Annotations to review after the text update">
      <h2>{counted(pending.length, 'annotation')} to review after the text update</h2>
      <ul>
        {pending.map((a) => (
          <li key={a.id}>
            <span className="review-queue-state">{String(a.attributes[REANCHORED])}</span> <strong>{findLabel(schema, a.label)?.name ?? a.label}</strong>{' '}
            <button type="button" className="link-button" title="Show it in the text" onClick={() => useEditor.getState().select(a.id)}>
              “{a.quote}”
            </button>
            <span className="review-queue-actions">
              <button type="button" className="button small" onClick={() => act(setAttribute(doc, a.id, REANCHORED, undefined, nowIso()))}>
                Confirm
              </button>
              <button
                type="button"
                className="button small"
                title="Attach it to the text selected in the article"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => reattach(a.id)}
              >
                Re-attach
              </button>
              <button type="button" className="button small danger" onClick={() => act(deleteAnnotations(doc, [a.id]))}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
