import { useEffect, useState } from 'react';
import type { Annotation } from '../../../core/model/annotation';
import { attributeValueProblem, type AttributeDef, type LabelDef } from '../../../core/model/label-schema';
import { assertNever } from '../../../core/model/never';
import { setAttributeValue } from '../../state/editor-actions';

/**
 * The attributes the label schema defines for the annotation's label (quote: direct/indirect;
 * claim: check-worthy; event: date), plus any the annotation carries that the schema does not
 * know (imported), shown read-only so nothing is hidden.
 */
export function AttributeFields({ annotation, label }: { annotation: Annotation; label: LabelDef | undefined }) {
  const defs = label?.attributes ?? [];
  const unknown = Object.entries(annotation.attributes).filter(([k]) => !defs.some((d) => d.id === k));
  if (defs.length === 0 && unknown.length === 0) return null;
  return (
    <fieldset className="attributes">
      <legend>Attributes</legend>
      {defs.map((def) => (
        <AttributeField key={`${annotation.id}-${def.id}`} annotation={annotation} def={def} />
      ))}
      {unknown.map(([k, v]) => (
        <div key={k} className="attribute">
          <span>{k}</span> <span className="muted">{String(v)}</span>
        </div>
      ))}
    </fieldset>
  );
}

function AttributeField({ annotation, def }: { annotation: Annotation; def: AttributeDef }) {
  const value = annotation.attributes[def.id];
  const id = `attr-${def.id}`;
  const type = def.type;
  switch (type) {
    case 'boolean':
      return (
        <label className="attribute" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => setAttributeValue(annotation.id, def.id, e.target.checked ? true : undefined)}
          />
          {def.name}
        </label>
      );
    case 'choice':
      return (
        <label className="attribute" htmlFor={id}>
          {def.name}
          <select
            id={id}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => setAttributeValue(annotation.id, def.id, e.target.value || undefined)}
          >
            <option value="">—</option>
            {(def.values ?? []).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
            {typeof value === 'string' && value && !(def.values ?? []).includes(value) && <option value={value}>{value}</option>}
          </select>
        </label>
      );
    case 'text':
      return <TextAttribute annotation={annotation} def={def} id={id} />;
    case 'date':
      return <DateAttribute annotation={annotation} def={def} id={id} />;
    default:
      return assertNever(type, 'attribute type');
  }
}

/** Free text (an event's date): saved on leaving the field or Enter. */
function TextAttribute({ annotation, def, id }: { annotation: Annotation; def: AttributeDef; id: string }) {
  const stored = typeof annotation.attributes[def.id] === 'string' ? (annotation.attributes[def.id] as string) : '';
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored, annotation.id]);
  const commit = () => setAttributeValue(annotation.id, def.id, draft.trim() || undefined);
  return (
    <label className="attribute" htmlFor={id}>
      {def.name}
      <input
        id={id}
        type="text"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </label>
  );
}

/**
 * A calendar day. The browser's date field gives `YYYY-MM-DD` or '' (cleared), saved as soon as a
 * whole day is picked; a stored value that is not a day (imported free text such as "last week")
 * is shown beside the field, not dropped, until the analyst picks a day or clears it.
 */
function DateAttribute({ annotation, def, id }: { annotation: Annotation; def: AttributeDef; id: string }) {
  const raw = annotation.attributes[def.id];
  const stored = typeof raw === 'string' ? raw : '';
  const notADay = stored !== '' && attributeValueProblem(def, stored) !== null;
  return (
    <label className="attribute" htmlFor={id}>
      {def.name}
      <input
        id={id}
        type="date"
        value={notADay ? '' : stored}
        onChange={(e) => {
          const day = e.target.value;
          if (day === '') setAttributeValue(annotation.id, def.id, undefined);
          else if (attributeValueProblem(def, day) === null) setAttributeValue(annotation.id, def.id, day);
        }}
      />
      {notADay && (
        <span className="muted" title="Stored value that is not a calendar day; pick a day to replace it">
          “{stored}”
        </span>
      )}
    </label>
  );
}
