import { z } from 'zod';
import { cloneJson } from './clone';
import { distinctColor } from './label-colors';
import { assertNever } from './never';

/**
 * An attribute an annotation of a given label may carry: a choice among values (quote:
 * direct/indirect), a yes/no flag (claim: check-worthy), free text (a note-like field) or a
 * calendar date (event: when), stored as an ISO day `YYYY-MM-DD` (see `isIsoDate`).
 */
export const AttributeDefSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  type: z.enum(['choice', 'boolean', 'text', 'date']),
  values: z.array(z.string().min(1).max(200)).max(200).optional(),
});
export type AttributeDef = z.infer<typeof AttributeDefSchema>;

/**
 * Why `value` cannot be stored under `def`, or null when it can. A choice accepts a value outside
 * its list (imported data keeps what it says; the sidebar shows it), so only the shape is checked
 * there; a date must be a real day, so "2024-02-30" or "last week" never enters a date attribute.
 */
export function attributeValueProblem(def: AttributeDef, value: string | boolean): string | null {
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `${def.name} is yes or no.`;
    case 'choice':
    case 'text':
      return typeof value === 'string' ? null : `${def.name} needs text.`;
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : `${def.name} needs a date written YYYY-MM-DD (e.g. 2024-03-01).`;
    default:
      return assertNever(def.type, 'attribute type');
  }
}

/** A real calendar day written `YYYY-MM-DD` (what `<input type="date">` gives and ISO 8601 exchanges). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  day.setUTCFullYear(y, mo - 1, d);
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/**
 * A label. Annotations refer to it by `id`, which never changes, so renaming a label (its `name`)
 * keeps every annotation. `kind: 'event'` marks labels whose annotations are events with
 * arguments (brat `E` lines); other labels are plain spans.
 */
export const LabelDefSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** A single key that tags the selection with this label, or '' for none. */
  key: z.string().max(1),
  kind: z.enum(['span', 'event']),
  attributes: z.array(AttributeDefSchema).max(100),
});
export type LabelDef = z.infer<typeof LabelDefSchema>;

/** A relation type; `from`/`to` list the label ids allowed at each end (empty: any label). */
export const RelationTypeDefSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  from: z.array(z.string().max(200)).max(1000),
  to: z.array(z.string().max(200)).max(1000),
  /**
   * Symmetric and transitive (brat `Equiv`, e.g. aliases): the links of this type only say which
   * annotations form one group, not a direction. Absent means a directed relation.
   */
  equivalence: z.boolean().optional(),
});
export type RelationTypeDef = z.infer<typeof RelationTypeDefSchema>;

export const LabelSchemaSchema = z.object({
  labels: z.array(LabelDefSchema).max(1000),
  relationTypes: z.array(RelationTypeDefSchema).max(1000),
});
export type LabelSchema = z.infer<typeof LabelSchemaSchema>;

export const DEFAULT_LABEL_SCHEMA: LabelSchema = {
  labels: [
    {
      id: 'claim',
      name: 'Claim',
      color: '#e8a33d',
      key: '1',
      kind: 'span',
      attributes: [{ id: 'checkWorthy', name: 'Check-worthy', type: 'boolean' }],
    },
    {
      id: 'quote',
      name: 'Quote',
      color: '#4f8fd8',
      key: '2',
      kind: 'span',
      attributes: [{ id: 'type', name: 'Type', type: 'choice', values: ['direct', 'indirect'] }],
    },
    { id: 'actor', name: 'Actor', color: '#3aa76d', key: '3', kind: 'span', attributes: [] },
    {
      id: 'event',
      name: 'Event',
      color: '#c0559d',
      key: '4',
      kind: 'event',
      attributes: [{ id: 'date', name: 'Date', type: 'text' }],
    },
  ],
  relationTypes: [
    { id: 'speaker', name: 'Speaker', from: ['quote'], to: ['actor'] },
    { id: 'source', name: 'Source', from: ['claim'], to: ['actor'] },
    { id: 'participant', name: 'Participant', from: ['event'], to: ['actor'] },
  ],
};

/** A fresh deep copy of the defaults, safe to mutate. */
export function defaultLabelSchema(): LabelSchema {
  return cloneJson(DEFAULT_LABEL_SCHEMA);
}

export function findLabel(schema: LabelSchema, id: string): LabelDef | undefined {
  return schema.labels.find((l) => l.id === id);
}

export function findRelationType(schema: LabelSchema, id: string): RelationTypeDef | undefined {
  return schema.relationTypes.find((r) => r.id === id);
}

/**
 * A colour for a label the workspace has not seen before: golden-angle hue steps give
 * well-separated colours however many labels an import brings.
 */
export function generatedColor(index: number): string {
  const hue = (index * 137.508 + 200) % 360;
  return hslToHex(hue, 0.55, 0.5);
}

function hslToHex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const v = l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/**
 * Adds labels, relation types and attributes that an import uses but the schema lacks, so an
 * import never fails for an unknown name. Returns a new schema and what was added.
 */
export function extendSchema(
  schema: LabelSchema,
  wanted: {
    labels?: Iterable<{ id: string; kind?: 'span' | 'event' }>;
    relationTypes?: Iterable<string>;
    attributes?: Iterable<{ label: string; id: string; value: string | boolean }>;
  },
): { schema: LabelSchema; added: string[] } {
  const next = cloneJson(schema);
  const added: string[] = [];
  for (const { id, kind } of wanted.labels ?? []) {
    if (findLabel(next, id)) continue;
    next.labels.push({
      id,
      name: id,
      color: distinctColor(next.labels.map((l) => l.color)),
      key: '',
      kind: kind ?? 'span',
      attributes: [],
    });
    added.push(`label ${id}`);
  }
  for (const id of wanted.relationTypes ?? []) {
    if (findRelationType(next, id)) continue;
    next.relationTypes.push({ id, name: id, from: [], to: [] });
    added.push(`relation type ${id}`);
  }
  for (const { label, id, value } of wanted.attributes ?? []) {
    const def = findLabel(next, label);
    if (def && recordAttributeValue(def, id, value)) added.push(`attribute ${id} on ${label}`);
  }
  return { schema: next, added };
}

/**
 * Makes room in a label's definition for an attribute value seen in data: an unknown attribute is
 * defined from the value (true/false: a yes/no attribute, else a choice), and a choice learns a new
 * non-empty value. Returns whether the attribute itself was new.
 */
export function recordAttributeValue(def: LabelDef, id: string, value: string | boolean): boolean {
  let attr = def.attributes.find((a) => a.id === id);
  const created = !attr;
  if (!attr) {
    attr = typeof value === 'boolean' ? { id, name: id, type: 'boolean' } : { id, name: id, type: 'choice', values: [] };
    def.attributes.push(attr);
  }
  if (attr.type === 'choice' && typeof value === 'string' && value !== '' && !attr.values?.includes(value)) {
    attr.values = [...(attr.values ?? []), value];
  }
  return created;
}
