import { useEffect, useRef, useState } from 'react';
import type { LabelDef } from '../../../core/model/label-schema';
import { createLabel, updateLabel, usageOf } from '../../state/schema-actions';
import { useMessages } from '../../state/messages';
import { useWorkspace } from '../../state/workspace-store';
import { RemoveLabelPanel, type PendingRemoval } from './RemoveLabelPanel';
import { keysForHere } from '../../commands/key-hint';
import { RESERVED_LABEL_KEYS } from '../../commands/shortcuts';
import { FormError } from '../../ui/FormError';

/**
 * The label schema: rename, recolour, re-key, add and remove labels. Each change is one undoable
 * edit, saved at once. Annotations refer to labels by id, so renaming keeps all of them.
 */
export function LabelSchemaEditor() {
  const labels = useWorkspace((s) => s.info?.labelSchema.labels) ?? NO_LABELS;
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removal, setRemoval] = useState<PendingRemoval | null>(null);
  const report = (message: string | null) => setError(message);

  const startRemoval = async (label: LabelDef) => {
    setError(null);
    const usage = await usageOf(label.id);
    if (usage) setRemoval({ label, ...usage });
  };

  return (
    <section className="settings-section" aria-label="Labels">
      <h3>Labels</h3>
      <table className="label-table">
        <thead>
          <tr>
            <th scope="col">Colour</th>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Kind</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {labels.map((l) => (
            <LabelRow key={l.id} label={l} onError={report} onRemove={() => void startRemoval(l)} />
          ))}
        </tbody>
      </table>
      {removal && <RemoveLabelPanel removal={removal} onDone={() => setRemoval(null)} />}
      <form
        className="settings-row"
        onSubmit={(e) => {
          e.preventDefault();
          const problem = createLabel(newName, RESERVED_LABEL_KEYS);
          report(problem);
          if (!problem) setNewName('');
        }}
      >
        <label htmlFor="new-label">New label</label>
        <input id="new-label" value={newName} maxLength={200} placeholder="e.g. Statistic" onChange={(e) => setNewName(e.target.value)} />
        <button type="submit" className="button" disabled={!newName.trim()}>
          Add label
        </button>
      </form>
      <FormError error={error} />
      <p className="muted">Changes are saved at once and can be undone with {keysForHere('Mod+Z')}.</p>
    </section>
  );
}

function LabelRow({ label, onError, onRemove }: { label: LabelDef; onError(message: string | null): void; onRemove(): void }) {
  const [name, setName] = useState(label.name);
  const colour = useRef<HTMLInputElement>(null);
  useEffect(() => setName(label.name), [label.name]);

  // A colour input fires 'input' while the picker is dragged and 'change' once when it closes:
  // only the latter is an edit (React's onChange would save every intermediate colour).
  useEffect(() => {
    const input = colour.current;
    if (!input) return;
    const onChange = () => onError(updateLabel(label.id, { color: input.value }, RESERVED_LABEL_KEYS));
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, [label.id, onError]);

  const rename = () => {
    if (name.trim() === label.name) return;
    const problem = updateLabel(label.id, { name }, RESERVED_LABEL_KEYS);
    onError(problem);
    if (problem) setName(label.name);
  };
  return (
    <tr data-label-id={label.id}>
      <td>
        <input ref={colour} type="color" aria-label={`Colour of ${label.name}`} defaultValue={label.color} key={label.color} />
      </td>
      <td>
        <input
          aria-label={`Name of ${label.name}`}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              rename();
            }
          }}
        />
      </td>
      <td>
        <input
          className="key-input"
          aria-label={`Key of ${label.name}`}
          value={label.key}
          maxLength={1}
          onChange={(e) => {
            const key = e.target.value.slice(-1);
            const problem = updateLabel(label.id, { key }, RESERVED_LABEL_KEYS);
            onError(problem);
            if (!problem && key) useMessages.getState().show('info', `${label.name} is now on key ${key}.`);
          }}
        />
      </td>
      <td>{label.kind === 'event' ? 'Event' : 'Span'}</td>
      <td>
        <button type="button" className="button small danger" onClick={onRemove} aria-label={`Remove ${label.name}`}>
          Remove
        </button>
      </td>
    </tr>
  );
}

/** Stable empty list: a selector returning a fresh [] would re-render forever. */
const NO_LABELS: readonly LabelDef[] = [];
