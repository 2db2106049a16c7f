import type { ImportedLabel } from '../../../core/api/exchange';
import type { LabelSchema } from '../../../core/model/label-schema';

/** '' in a choice: keep their label as a new one. */
export const NEW_LABEL = '';

/**
 * The mapping step: each of their labels whose name matches none of ours (ignoring case) goes
 * onto one of ours or becomes a new label; those matched by name are shown, not asked about.
 */
export function LabelMapping({
  labels,
  schema,
  choice,
  onChoose,
}: {
  labels: readonly ImportedLabel[];
  schema: LabelSchema;
  choice: Record<string, string>;
  onChoose(theirs: string, ours: string): void;
}) {
  const open = labels.filter((l) => l.how === 'new');
  const matched = labels.filter((l) => l.how === 'case');
  const taken = new Set(schema.labels.map((l) => l.name.toLocaleLowerCase('en')));
  return (
    <section className="exchange-mapping" aria-label="Label mapping">
      <h3>Their labels → yours</h3>
      <p className="exchange-hint">
        These labels match none of yours by name. Map each onto one of your labels, or keep it as a new label. Nothing is stored until you import.
      </p>
      <table className="exchange-layers">
        <tbody>
          {open.map((l) => (
            <tr key={l.theirs}>
              <th scope="row">
                {l.name}
                {l.name !== l.theirs ? ` (${l.theirs})` : ''}
              </th>
              <td>
                <select aria-label={`Map ${l.theirs}`} value={choice[l.theirs] ?? NEW_LABEL} onChange={(e) => onChoose(l.theirs, e.target.value)}>
                  <option value={NEW_LABEL} disabled={taken.has(l.name.toLocaleLowerCase('en'))}>
                    New label “{l.name}”
                  </option>
                  {schema.labels.map((ours) => (
                    <option key={ours.id} value={ours.id}>
                      {ours.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {matched.length > 0 && (
        <p className="exchange-hint">
          Matched by name: {matched.map((l) => `${l.theirs} → ${schema.labels.find((o) => o.id === l.ours)?.name ?? l.ours}`).join(', ')}.
        </p>
      )}
    </section>
  );
}
