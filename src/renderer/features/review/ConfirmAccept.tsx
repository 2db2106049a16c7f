import type { SpanItem } from '../../../core/agreement/compare';
import type { AttributeValue } from '../../../core/model/annotation';
import { decideItem } from '../../state/review-actions';
import { useReview, type PendingAccept } from '../../state/review-store';

/**
 * Taking one side of a boundary or label difference keeps the note and attributes of both sides
 * (core/review/rules.ts). Before that goes into the reviewed layer the reviewer sees what will be
 * kept and may change it: the same key again (or Enter on the button) confirms, Escape cancels.
 */
export function ConfirmAccept({ item, pending }: { item: SpanItem; pending: PendingAccept }) {
  const setPending = useReview((s) => s.setPending);
  const key = pending.kind === 'acceptA' ? 'A' : 'B';
  const { note, attributes } = pending.fields;
  const change = (fields: Partial<PendingAccept['fields']>) => setPending({ ...pending, fields: { ...pending.fields, ...fields } });
  const setAttribute = (name: string, value: AttributeValue | undefined) => {
    const next = { ...attributes };
    if (value === undefined) delete next[name];
    else next[name] = value;
    change({ attributes: next });
  };
  const names = Object.keys(attributes).sort();
  const otherValue = (name: string) => {
    const other = (pending.kind === 'acceptA' ? item.b : item.a)?.attributes[name];
    return other !== undefined && other !== attributes[name] ? String(other) : null;
  };

  return (
    <form
      className="review-edit review-confirm"
      aria-label="Confirm what is kept"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          setPending(null);
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        decideItem({ kind: pending.kind, note, attributes }, item.id);
      }}
    >
      <p>
        Accept {key}’s {item.class === 'boundary' ? 'boundary' : 'label'}, keeping the notes and attributes of both sides:
      </p>
      <label className="review-note">
        Note
        <textarea aria-label="Kept note" value={note} rows={3} onChange={(e) => change({ note: e.target.value })} />
      </label>
      {names.length > 0 && (
        <fieldset className="review-attributes">
          <legend>Attributes</legend>
          {names.map((name) => {
            const value = attributes[name]!;
            const other = otherValue(name);
            return (
              <div key={name} className="review-attribute">
                <label>
                  {name}{' '}
                  {typeof value === 'boolean' ? (
                    <input type="checkbox" aria-label={`Attribute ${name}`} checked={value} onChange={(e) => setAttribute(name, e.target.checked)} />
                  ) : (
                    <input aria-label={`Attribute ${name}`} value={value} onChange={(e) => setAttribute(name, e.target.value)} />
                  )}
                </label>
                {other !== null && <span className="muted"> (the other side says {other})</span>}
                <button type="button" className="button small" onClick={() => setAttribute(name, undefined)} aria-label={`Drop attribute ${name}`}>
                  Drop
                </button>
              </div>
            );
          })}
        </fieldset>
      )}
      <div className="review-edit-actions">
        <button type="submit" className="button primary" autoFocus>
          Accept {key} with these <kbd>{key}</kbd>
        </button>
        <button type="button" className="button" onClick={() => setPending(null)}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
