import { useRef, useState } from 'react';
import { deleteAnnotations, setAttribute } from '../../../core/edits/builders';
import { REANCHOR_MARKER as REANCHORED } from '../../../core/edits/update-text';
import type { ArticleDoc } from '../../../core/model/document';
import { findLabel, type LabelSchema } from '../../../core/model/label-schema';
import { nowIso } from '../../../core/model/ids';
import { counted } from '../../../core/text/plural';
import { updateArticleText } from '../../state/article-actions';
import { perform } from '../../state/editor-history';
import { showError, useMessages } from '../../state/messages';

/**
 * "Update text…": replaces the article's text with a corrected version chosen as a file (.txt,
 * .md, .html, read as an import reads it) and re-anchors every annotation in the store. Edits
 * made before refer to the old text, so the undo history starts afresh.
 */
export function UpdateTextButton({ articleId }: { articleId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const update = async (file: File) => {
    setBusy(true);
    try {
      await updateArticleText(articleId, file);
    } catch (error) {
      showError('The text was not updated', error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="link-button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Updating text…' : 'Update text…'}
      </button>
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
 * review, or orphaned on the place its text had). Confirm keeps it and drops the marker; Delete
 * removes it. Either is one undoable edit. To re-attach, select it and drag its ends or delete
 * and re-create it on the new text.
 */
export function ReviewQueue({ doc, schema }: { doc: ArticleDoc; schema: LabelSchema }) {
  const pending = doc.annotations.filter((a) => a.attributes[REANCHORED] !== undefined);
  if (pending.length === 0) return null;
  const act = (made: ReturnType<typeof setAttribute>) => {
    if (made.ok) perform({ kind: 'doc', articleId: doc.article.id, command: made.value });
    else useMessages.getState().show('error', made.errors[0]!.message);
  };
  return (
    <section className="review-queue" aria-label="Annotations to review after the text update">
      <h2>{counted(pending.length, 'annotation')} to review after the text update</h2>
      <ul>
        {pending.map((a) => (
          <li key={a.id}>
            <span className="review-queue-state">{String(a.attributes[REANCHORED])}</span> <strong>{findLabel(schema, a.label)?.name ?? a.label}</strong> “{a.quote}”
            <span className="review-queue-actions">
              <button type="button" onClick={() => act(setAttribute(doc, a.id, REANCHORED, undefined, nowIso()))}>
                Confirm
              </button>
              <button type="button" onClick={() => act(deleteAnnotations(doc, [a.id]))}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
