import { useState } from 'react';
import type { ArticleDoc } from '../../../core/model/document';
import type { LabelDef } from '../../../core/model/label-schema';
import { counted } from '../../../core/text/plural';
import { deleteLabel } from '../../state/schema-actions';
import { useWorkspace } from '../../state/workspace-store';

export interface PendingRemoval {
  label: LabelDef;
  annotations: number;
  articles: number;
  docs: ArticleDoc[];
}

/**
 * Removing a label: when annotations use it, the analyst chooses to delete them (with their
 * links) or give them another label. Either way it is one edit, undone by one Ctrl/Cmd+Z.
 */
export function RemoveLabelPanel({ removal, onDone }: { removal: PendingRemoval; onDone(): void }) {
  const labels = useWorkspace((s) => s.info?.labelSchema.labels) ?? NO_LABELS;
  const others = labels.filter((l) => l.id !== removal.label.id);
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const { label, annotations, articles, docs } = removal;
  const act = (plan: Parameters<typeof deleteLabel>[2]) => {
    const problem = deleteLabel(label.id, docs, plan);
    setError(problem);
    if (!problem) onDone();
  };
  return (
    <div className="remove-label" role="group" aria-label={`Remove ${label.name}`}>
      {annotations === 0 ? (
        <p>No annotation uses “{label.name}”. Remove it?</p>
      ) : (
        <p>
          {counted(annotations, 'annotation')} in {counted(articles, 'article')} {annotations === 1 ? 'uses' : 'use'} “{label.name}”. What should happen to{' '}
          {annotations === 1 ? 'it' : 'them'}?
        </p>
      )}
      <div className="actions">
        {annotations > 0 && others.length > 0 && (
          <span className="reassign">
            <label htmlFor="reassign-to">Reassign to</label>
            <select id="reassign-to" value={target} onChange={(e) => setTarget(e.target.value)}>
              {others.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={() => act({ mode: 'reassign', to: target })} disabled={!target}>
              Reassign and remove
            </button>
          </span>
        )}
        <button type="button" className="button danger" onClick={() => act({ mode: 'delete' })}>
          {annotations > 0 ? `Delete ${annotations === 1 ? 'it' : `all ${annotations}`} and remove` : 'Remove'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Stable empty list: a selector returning a fresh [] would re-render forever. */
const NO_LABELS: readonly LabelDef[] = [];
