import { useId, useState, type ReactNode } from 'react';
import { FormError } from '../../ui/FormError';

export type RemovalPlan = { mode: 'delete' } | { mode: 'reassign'; to: string };

interface Props {
  /** The group's accessible name ("Remove Claim"). */
  name: string;
  /** The question, with the count of what uses the thing removed. */
  question: ReactNode;
  /** How many annotations or links use it: with none, the only choice is Remove. */
  uses: number;
  /** What those uses can be given instead. */
  others: readonly { id: string; name: string }[];
  /** "Reassign" or "Move": the verb of the second choice. */
  verb: string;
  /** Applies the plan; returns the problem to show, or null when done. */
  apply(plan: RemovalPlan): string | null;
  onDone(): void;
}

/**
 * Removing a label or relation type that is in use: delete what uses it, or give those another
 * one; either way one undoable edit. The choice is asked the same way for both.
 */
export function RemovalChoice({ name, question, uses, others, verb, apply, onDone }: Props) {
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const act = (plan: RemovalPlan) => {
    const problem = apply(plan);
    setError(problem);
    if (!problem) onDone();
  };
  return (
    <div className="remove-label" role="group" aria-label={name}>
      <p>{question}</p>
      <div className="actions">
        {uses > 0 && others.length > 0 && (
          <span className="reassign">
            <label htmlFor={selectId}>{verb} to</label>
            <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)}>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            <button type="button" className="button" disabled={!target} onClick={() => act({ mode: 'reassign', to: target })}>
              {verb} and remove
            </button>
          </span>
        )}
        <button type="button" className="button danger" onClick={() => act({ mode: 'delete' })}>
          {uses > 0 ? `Delete ${uses === 1 ? 'it' : `all ${uses}`} and remove` : 'Remove'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <FormError error={error} />
    </div>
  );
}
