import { useState } from 'react';
import type { SpanItem } from '../../../core/agreement/compare';
import type { Annotation, Fragment } from '../../../core/model/annotation';
import { decideItem } from '../../state/review-actions';
import { useReview } from '../../state/review-store';
import { useWorkspace } from '../../state/workspace-store';
import { shorten } from './item-text';

/**
 * Edit: the reviewer writes the reviewed annotation themselves — label, fragments (offsets, with
 * the text they cover shown as they change; ↑/↓ in a field moves a boundary by one character) and
 * note. Enter saves, Escape cancels.
 */
export function EditForm({ item, start, text }: { item: SpanItem; start: Annotation; text: string }) {
  const schema = useWorkspace((s) => s.info?.labelSchema);
  const setEditing = useReview((s) => s.setEditing);
  const [label, setLabel] = useState(start.label);
  const [fragments, setFragments] = useState<Fragment[]>(start.fragments.map((f) => ({ ...f })));
  const [note, setNote] = useState(start.note);
  const labels = schema?.labels ?? [];
  const change = (i: number, key: 'start' | 'end', value: number) =>
    setFragments((list) => list.map((f, j) => (j === i ? { ...f, [key]: Math.max(0, Math.min(text.length, Number.isFinite(value) ? value : 0)) } : f)));

  return (
    <form
      className="review-edit"
      aria-label="Edit the reviewed annotation"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          setEditing(false);
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        decideItem({ kind: 'edit', label, fragments, note }, item.id);
      }}
    >
      <label>
        Label{' '}
        <select value={label} onChange={(e) => setLabel(e.target.value)} autoFocus>
          {!labels.some((l) => l.id === label) && <option value={label}>{label}</option>}
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {fragments.map((f, i) => (
        <fieldset key={i} className="review-fragment">
          <legend>Fragment {i + 1}</legend>
          <label>
            from{' '}
            <input
              type="number"
              aria-label={`Fragment ${i + 1} start`}
              value={f.start}
              min={0}
              max={text.length}
              onChange={(e) => change(i, 'start', e.target.valueAsNumber)}
            />
          </label>
          <label>
            to{' '}
            <input
              type="number"
              aria-label={`Fragment ${i + 1} end`}
              value={f.end}
              min={0}
              max={text.length}
              onChange={(e) => change(i, 'end', e.target.valueAsNumber)}
            />
          </label>
          {fragments.length > 1 && (
            <button type="button" className="button small" onClick={() => setFragments((list) => list.filter((_, j) => j !== i))}>
              Remove
            </button>
          )}
          <q className="fragment-preview">{f.end > f.start ? shorten(text.slice(f.start, f.end), 120) : '(empty)'}</q>
        </fieldset>
      ))}
      <button
        type="button"
        className="button small"
        onClick={() => setFragments((list) => [...list, { start: list[list.length - 1]!.end, end: list[list.length - 1]!.end + 1 }])}
      >
        Add a fragment
      </button>
      <label className="review-note">
        Note
        <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="review-edit-actions">
        <button type="submit" className="button primary">
          Save to the reviewed layer
        </button>
        <button type="button" className="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
