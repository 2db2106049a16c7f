import { useState } from 'react';
import type { ActorRow } from '../../../core/api';
import { actorEditOnBackend } from '../../state/actors-actions';

/** How many matching actors the picker lists at once: enough to choose from, few enough to read. */
const SHOWN = 8;

/**
 * Merge another actor into this one. The other is found by typing part of a name or alias (a
 * registry can hold 10,000: a drop-down of all of them cannot be read), picked from the few that
 * match — with mention counts and ids, so two of the same name can be told apart — and merged
 * with one button: its mentions move here and its names become aliases. One undo step.
 */
export function MergePicker({ rows, keep }: { rows: readonly ActorRow[]; keep: { id: string; name: string } }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ActorRow | null>(null);
  const needle = query.trim().toLowerCase();
  const found = needle && !chosen ? rows.filter((r) => r.id !== keep.id && [r.name, ...r.aliases].some((n) => n.toLowerCase().includes(needle))) : [];
  const merge = () => {
    if (!chosen) return;
    void actorEditOnBackend({ op: 'merge', keepId: keep.id, goneId: chosen.id }).then((done) => {
      if (!done) return;
      setChosen(null);
      setQuery('');
    });
  };
  return (
    <form onSubmit={(e) => (e.preventDefault(), merge())}>
      <input
        type="search"
        aria-label="Find an actor to merge into this one"
        placeholder="Find an actor to merge into this one…"
        value={query}
        onChange={(e) => (setQuery(e.target.value), setChosen(null))}
      />
      {found.length > 0 && (
        <ul className="registry-merge-found" aria-label="Actors to merge">
          {found.slice(0, SHOWN).map((r) => (
            <li key={r.id}>
              <button type="button" className="link-button" onClick={() => (setChosen(r), setQuery(r.name))}>
                {r.name}{' '}
                <span className="muted">
                  — {r.kind}, {r.mentions} mention{r.mentions === 1 ? '' : 's'}, {r.id}
                </span>
              </button>
            </li>
          ))}
          {found.length > SHOWN && <li className="muted small">{found.length - SHOWN} more: type more of the name</li>}
        </ul>
      )}
      {needle && !chosen && found.length === 0 && <p className="muted small">No other actor has that in a name or alias.</p>}
      {chosen && (
        <p className="small">
          “{chosen.name}” ({chosen.mentions} mention{chosen.mentions === 1 ? '' : 's'}) will become “{keep.name}”: its mentions move here and its names become
          aliases.
        </p>
      )}
      <button type="submit" className="button small" disabled={!chosen}>
        Merge into {keep.name}
      </button>
    </form>
  );
}
