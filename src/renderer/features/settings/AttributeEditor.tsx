import { useState } from 'react';
import { NameInput } from './NameInput';
import {
  addAttribute,
  addChoiceValue,
  removeAttribute,
  removeChoiceValue,
  renameAttribute,
  renameChoiceValue,
  type AttributeType,
} from '../../../core/edits/attribute-edits';
import type { AttributeDef, LabelDef } from '../../../core/model/label-schema';
import { counted } from '../../../core/text/plural';
import { attributeDataChange, attributeSchemaChange, attributeUsageOf } from '../../state/schema-actions';
import { useWorkspace } from '../../state/workspace-store';
import { FormError } from '../../ui/FormError';

const TYPE_NAMES: Record<AttributeType, string> = { choice: 'Choice', boolean: 'Yes / no', text: 'Free text', date: 'Date' };
const NO_LABELS: readonly LabelDef[] = [];

/** A removal waiting for the analyst's yes, with what it would take away. */
interface Pending {
  message: string;
  run(): Promise<string | null>;
}

/**
 * The attributes of one label: add (choice, yes/no, free text, date), rename, remove, and the values
 * of a choice. Renaming changes the display name only (annotations store values under the
 * attribute's id); removing something annotations carry asks first and says how many.
 */
export function AttributeEditor() {
  const labels = useWorkspace((s) => s.info?.labelSchema.labels) ?? NO_LABELS;
  const [labelId, setLabelId] = useState(labels[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [newName, setNewName] = useState('');
  const [newType, setNewType] = useState<AttributeType>('choice');
  const label = labels.find((l) => l.id === labelId) ?? labels[0];
  if (!label) return null;

  /** Asks first when `count` annotations would lose something. */
  const confirmThen = async (what: string, count: number | null, run: () => Promise<string | null>) => {
    if (count === null) return;
    if (count === 0) return setError(await run());
    setPending({ message: `${counted(count, 'annotation carries', 'annotations carry')} ${what}. Remove it from them too?`, run });
  };

  return (
    <section className="settings-section" aria-label="Attributes">
      <h3>Attributes</h3>
      <div className="settings-row">
        <label htmlFor="attributes-of">Attributes of</label>
        <select id="attributes-of" value={label.id} onChange={(e) => setLabelId(e.target.value)}>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      {label.attributes.length === 0 && <p className="muted">{label.name} has no attributes yet.</p>}
      <ul className="attribute-list">
        {label.attributes.map((a) => (
          <AttributeRow
            key={a.id}
            label={label}
            attr={a}
            onError={setError}
            onRemove={async () =>
              confirmThen(`“${a.name}”`, await attributeUsageOf(label.id, a.id), () =>
                attributeDataChange((s, docs, now) => removeAttribute(s, docs, label.id, a.id, now)),
              )
            }
            onRemoveValue={async (v) =>
              confirmThen(`${a.name} “${v}”`, await attributeUsageOf(label.id, a.id, v), () =>
                attributeDataChange((s, docs, now) => removeChoiceValue(s, docs, label.id, a.id, v, now)),
              )
            }
          />
        ))}
      </ul>
      {pending && (
        <div className="settings-row confirm" role="alertdialog" aria-label="Confirm removal">
          <span>{pending.message}</span>
          <button
            type="button"
            className="button danger"
            onClick={async () => {
              const run = pending.run;
              setPending(null);
              setError(await run());
            }}
          >
            Remove
          </button>
          <button type="button" className="button" onClick={() => setPending(null)}>
            Keep
          </button>
        </div>
      )}
      <form
        className="settings-row"
        onSubmit={(e) => {
          e.preventDefault();
          const problem = attributeSchemaChange((s) => addAttribute(s, label.id, { name: newName, type: newType }));
          setError(problem);
          if (!problem) setNewName('');
        }}
      >
        <label htmlFor="new-attribute">New attribute</label>
        <input id="new-attribute" value={newName} maxLength={200} placeholder="e.g. Stance" onChange={(e) => setNewName(e.target.value)} />
        <select aria-label="Type of the new attribute" value={newType} onChange={(e) => setNewType(e.target.value as AttributeType)}>
          {(Object.keys(TYPE_NAMES) as AttributeType[]).map((t) => (
            <option key={t} value={t}>
              {TYPE_NAMES[t]}
            </option>
          ))}
        </select>
        <button type="submit" className="button" disabled={!newName.trim()}>
          Add attribute
        </button>
      </form>
      <FormError error={error} />
    </section>
  );
}

function AttributeRow({
  label,
  attr,
  onError,
  onRemove,
  onRemoveValue,
}: {
  label: LabelDef;
  attr: AttributeDef;
  onError(m: string | null): void;
  onRemove(): void;
  onRemoveValue(v: string): void;
}) {
  const [newValue, setNewValue] = useState('');
  return (
    <li className="attribute-def" data-attribute-id={attr.id}>
      <div className="settings-row">
        <NameInput
          label={`Name of attribute ${attr.name}`}
          value={attr.name}
          onCommit={(name) => onError(attributeSchemaChange((s) => renameAttribute(s, label.id, attr.id, name)))}
        />
        <span className="muted">{TYPE_NAMES[attr.type]}</span>
        <button type="button" className="button small danger" aria-label={`Remove attribute ${attr.name}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      {attr.type === 'choice' && (
        <div className="settings-row choice-values">
          {(attr.values ?? []).length === 0 && <span className="muted choice-none">No values yet: add the choices annotators pick from.</span>}
          {(attr.values ?? []).map((v) => (
            <span key={v} className="choice-value">
              <NameInput
                label={`Value ${v} of ${attr.name}`}
                value={v}
                onCommit={(to) => void attributeDataChange((s, docs, now) => renameChoiceValue(s, docs, label.id, attr.id, v, to, now)).then(onError)}
              />
              <button type="button" className="button small" aria-label={`Remove value ${v} of ${attr.name}`} onClick={() => onRemoveValue(v)}>
                ×
              </button>
            </span>
          ))}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const problem = attributeSchemaChange((s) => addChoiceValue(s, label.id, attr.id, newValue));
              onError(problem);
              if (!problem) setNewValue('');
            }}
          >
            <input
              aria-label={`New value of ${attr.name}`}
              value={newValue}
              maxLength={200}
              placeholder="Add a value"
              onChange={(e) => setNewValue(e.target.value)}
            />
            <button type="submit" className="button" disabled={!newValue.trim()}>
              Add value
            </button>
          </form>
        </div>
      )}
    </li>
  );
}
