import type { ReactNode } from 'react';
import { linksOf } from '../../../core/model/links';
import { fragmentsText, type Annotation } from '../../../core/model/annotation';
import type { ArticleDoc } from '../../../core/model/document';
import { findLabel, findRelationType, type LabelSchema } from '../../../core/model/label-schema';
import { deleteAnnotation, dropFragment, relabel, removeLink } from '../../state/editor-actions';
import { useEditor } from '../../state/editor-store';
import { jumpTo } from '../../commands/editor-commands';
import { AttributeFields } from './AttributeFields';
import { NoteField } from './NoteField';
import { short } from './list-rows';
import { ACTOR_LABEL } from '../../state/actors-actions';
import { labelKeys } from '../../commands/label-keys';

/**
 * The selected annotation in full: label (changeable), its fragments, attributes from the label
 * schema, note, links (with the other end, removable), author and times, and delete.
 */
export function Inspector({ doc, schema, actorPanel }: { doc: ArticleDoc; schema: LabelSchema; actorPanel: (doc: ArticleDoc, span: Annotation) => ReactNode }) {
  const selectedId = useEditor((s) => s.selectedId);
  const openPopup = useEditor((s) => s.openPopup);
  const a = selectedId ? doc.annotations.find((x) => x.id === selectedId) : undefined;
  if (!a) {
    const keys = labelKeys(schema.labels);
    return (
      <section className="inspector empty" aria-label="Selected annotation">
        <p className="muted">
          Select text and{' '}
          {keys.length > 0 ? (
            <>
              press a label key (
              {keys.map((l, i) => (
                <span key={l.key} className="label-key-hint">
                  {i > 0 && ', '}
                  <kbd>{l.key}</kbd> {l.name}
                </span>
              ))}
              ) or pick from the popup.
            </>
          ) : (
            <>pick a label from the popup (no label has a key yet: set keys in Settings).</>
          )}{' '}
          Click a highlight to select it. Press <kbd>?</kbd> for every shortcut.
        </p>
      </section>
    );
  }
  const label = findLabel(schema, a.label);
  const links = linksOf(doc, a.id);
  return (
    <section className="inspector" aria-label="Selected annotation" data-annotation-id={a.id}>
      <div className="inspector-head">
        <span className="swatch big" style={{ background: label?.color ?? '#888' }} />
        <label className="visually-hidden" htmlFor="inspector-label">
          Label
        </label>
        <select id="inspector-label" value={a.label} onChange={(e) => relabel(a.id, e.target.value)} title="Label (E)">
          {!label && <option value={a.label}>{a.label}</option>}
          {schema.labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <button type="button" className="button small danger" onClick={() => deleteAnnotation(a.id)} title="Delete this annotation and its links (Delete)">
          Delete
        </button>
      </div>
      <blockquote className="inspector-quote">{short(fragmentsText(doc.article.text, a.fragments), 400)}</blockquote>
      {a.fragments.length > 1 && (
        <ol className="fragments" aria-label="Fragments">
          {a.fragments.map((f, i) => (
            <li key={`${f.start}-${f.end}`}>
              <span>{short(doc.article.text.slice(f.start, f.end), 60)}</span>
              <button type="button" className="link-button" aria-label={`Remove fragment ${i + 1}`} onClick={() => dropFragment(a.id, i)}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="hint muted">
        Select more text and press <kbd>F</kbd> to add a fragment.
      </p>
      {a.label === ACTOR_LABEL && actorPanel(doc, a)}
      <AttributeFields annotation={a} label={label} />
      <NoteField annotation={a} />
      <div className="links">
        <div className="links-head">
          <h3>Links</h3>
          <button type="button" className="button small" onClick={() => openPopup({ kind: 'link' })} title="Link this annotation (L)">
            Link… <kbd>L</kbd>
          </button>
        </div>
        {links.length === 0 && <p className="muted">None.</p>}
        <ul>
          {links.map((l) => {
            const type = findRelationType(schema, l.relation.type)?.name ?? l.relation.type;
            return (
              <li key={l.relation.id} className="link-item">
                <button type="button" className="link-button" onClick={() => jumpTo(l.other.id)}>
                  {l.direction === 'out' ? `${type} →` : `← ${type} of`} {short(fragmentsText(doc.article.text, l.other.fragments), 50)}
                </button>
                <button type="button" className="link-button" aria-label={`Remove link ${type}`} onClick={() => removeLink(l.relation.id)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <dl className="meta">
        <dt>Author</dt>
        <dd>{a.author}</dd>
        <dt>Created</dt>
        <dd>{new Date(a.created).toLocaleString()}</dd>
        <dt>Modified</dt>
        <dd>{new Date(a.modified).toLocaleString()}</dd>
      </dl>
    </section>
  );
}
