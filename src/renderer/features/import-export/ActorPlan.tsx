import type { ImportedActor } from '../../../core/formats/entity-links';

/** '' in a decision: add their actor as a new one (the service's NEW_ACTOR). */
export const ADD_AS_NEW = '';

/** What each of their actors becomes if the analyst changes nothing: the plan's own outcome. */
export function plannedDecisions(actors: readonly ImportedActor[]): Record<string, string> {
  return Object.fromEntries(actors.map((a) => [a.theirs, a.how === 'created' ? ADD_AS_NEW : a.ours]));
}

/**
 * The confirm step for a colleague's actors (issue 15: nothing is merged silently): before anything
 * is stored, every actor of theirs and what it will become — your actor by id, your actor by name
 * (with the matcher's score and reason), or a new actor. A name match may be turned into "add as
 * new" (two people who share a name); an id match is the same entity and is only shown.
 */
export function ActorPlan({
  actors,
  decisions,
  onDecide,
}: {
  actors: readonly ImportedActor[];
  decisions: Record<string, string>;
  onDecide(theirs: string, ours: string): void;
}) {
  const byName = actors.filter((a) => a.how === 'matched' || a.how === 'chosen');
  const created = actors.filter((a) => a.how === 'created');
  const same = actors.filter((a) => a.how === 'same-id');
  return (
    <section className="exchange-mapping" aria-label="Their actors">
      <h3>Their actors → your registry</h3>
      <p className="exchange-hint">
        {byName.length > 0
          ? 'Lede would link these to your actors by name. Check each: choose “Add as a new actor” where it is someone else. Nothing is stored until you import.'
          : 'Where each of their actors will land. Nothing is stored until you import.'}
      </p>
      <div className="exchange-plan">
        <table className="exchange-layers">
          <tbody>
            {byName.map((a) => (
              <tr key={a.theirs}>
                <th scope="row">{a.name}</th>
                <td>
                  <select aria-label={`Their actor ${a.name}`} value={decisions[a.theirs] ?? a.ours} onChange={(e) => onDecide(a.theirs, e.target.value)}>
                    <option value={a.ours}>
                      Link to your “{a.oursName}”{a.how === 'matched' ? ` — ${a.reason}, score ${a.score!.toFixed(2)}` : ''}
                    </option>
                    <option value={ADD_AS_NEW}>Add as a new actor “{a.name}”</option>
                  </select>
                </td>
              </tr>
            ))}
            {created.map((a) => (
              <tr key={a.theirs}>
                <th scope="row">{a.name}</th>
                <td>added as a new actor</td>
              </tr>
            ))}
            {same.map((a) => (
              <tr key={a.theirs}>
                <th scope="row">{a.name}</th>
                <td>is your “{a.oursName}” (same id)</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
