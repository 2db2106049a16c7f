import type { ArticleDoc } from '../model/document';
import type { AttributeValue } from '../model/annotation';
import { cloneJson } from '../model/clone';
import { findLabel, type AttributeDef, type LabelSchema } from '../model/label-schema';
import { fail, ok, type Result } from '../model/result';
import { patchAnnotation } from './builders';
import type { Edit } from './commands';
import { readableId } from './schema-edits';

/**
 * Attribute changes made in Settings, each one invertible Edit. Annotations store attribute
 * values under the attribute's id, so an attribute keeps its id for life and renaming changes
 * only its display name: stored data stays valid and exports keep their keys. A choice value is
 * stored as itself, so renaming or removing a value also rewrites (or clears) it on every
 * annotation that carries it, in the same batch: one undo brings schema and annotations back.
 * `docs` must hold every article that uses the label (the caller loads them).
 */

export type AttributeType = AttributeDef['type'];

function located(schema: LabelSchema, labelId: string, attrId?: string): Result<{ after: LabelSchema; attr?: AttributeDef }> {
  const after = cloneJson(schema);
  const label = findLabel(after, labelId);
  if (!label) return fail(`There is no label "${labelId}".`);
  if (attrId === undefined) return ok({ after });
  const attr = label.attributes.find((a) => a.id === attrId);
  if (!attr) return fail(`${label.name} has no attribute "${attrId}".`);
  return ok({ after, attr });
}

function nameProblem(name: string, taken: readonly string[], what: string): string | null {
  const t = name.trim();
  if (!t) return `A ${what} needs a name.`;
  if (t.length > 200) return `A ${what} can have at most 200 characters.`;
  return taken.some((x) => x.trim().toLowerCase() === t.toLowerCase()) ? `There is already a ${what} called "${t}".` : null;
}

/** A readable id unique on the label. */
function attributeIdFor(existing: readonly AttributeDef[], name: string): string {
  return readableId(name, 'attribute', (id) => existing.some((a) => a.id === id));
}

export function addAttribute(
  schema: LabelSchema,
  labelId: string,
  input: { name: string; type: AttributeType; values?: string[] },
): Result<{ edit: Edit; attribute: AttributeDef }> {
  const at = located(schema, labelId);
  if (!at.ok) return at;
  const label = findLabel(at.value.after, labelId)!;
  const problem = nameProblem(
    input.name,
    label.attributes.map((a) => a.name),
    'attribute',
  );
  if (problem) return fail({ message: problem, field: 'name' });
  const values = [...new Set((input.values ?? []).map((v) => v.trim()).filter(Boolean))];
  const attribute: AttributeDef = { id: attributeIdFor(label.attributes, input.name), name: input.name.trim(), type: input.type };
  if (input.type === 'choice') attribute.values = values;
  label.attributes.push(attribute);
  return ok({ edit: { kind: 'schema', before: schema, after: at.value.after }, attribute });
}

/** Changes the display name only; the id, and so every stored value, stays. */
export function renameAttribute(schema: LabelSchema, labelId: string, attrId: string, name: string): Result<Edit> {
  const at = located(schema, labelId, attrId);
  if (!at.ok) return at;
  const others = findLabel(schema, labelId)!
    .attributes.filter((a) => a.id !== attrId)
    .map((a) => a.name);
  const problem = nameProblem(name, others, 'attribute');
  if (problem) return fail({ message: problem, field: 'name' });
  if (at.value.attr!.name === name.trim()) return fail('Nothing changed.');
  at.value.attr!.name = name.trim();
  return ok({ kind: 'schema', before: schema, after: at.value.after });
}

/** How many annotations of the label carry the attribute (with `value`, when given). */
export function attributeUsage(docs: readonly ArticleDoc[], labelId: string, attrId: string, value?: AttributeValue): number {
  let n = 0;
  for (const doc of docs)
    for (const a of doc.annotations)
      if (a.label === labelId && Object.hasOwn(a.attributes, attrId) && (value === undefined || a.attributes[attrId] === value)) n++;
  return n;
}

/** The annotations' patches, then the schema change: one batch, one undo. */
/** What a rewrite's change returns for a value it leaves as it is (a string could be a value). */
const KEEP = Symbol('keep');

function rewrite(
  schema: LabelSchema,
  after: LabelSchema,
  docs: readonly ArticleDoc[],
  labelId: string,
  attrId: string,
  now: string,
  change: (value: AttributeValue) => AttributeValue | undefined | typeof KEEP,
): Result<Edit> {
  const edits: Edit[] = [];
  for (const doc of docs) {
    for (const a of doc.annotations) {
      if (a.label !== labelId || !Object.hasOwn(a.attributes, attrId)) continue;
      const next = change(a.attributes[attrId]!);
      if (next === KEEP) continue;
      const attributes = { ...a.attributes };
      if (next === undefined) delete attributes[attrId];
      else attributes[attrId] = next;
      const command = patchAnnotation(doc, a.id, { attributes }, now);
      if (!command.ok) return command;
      edits.push({ kind: 'doc', articleId: doc.article.id, command: command.value });
    }
  }
  edits.push({ kind: 'schema', before: schema, after });
  return ok(edits.length === 1 ? edits[0]! : { kind: 'batch', edits });
}

/** Removes the attribute and its value from every annotation of the label. */
export function removeAttribute(schema: LabelSchema, docs: readonly ArticleDoc[], labelId: string, attrId: string, now: string): Result<Edit> {
  const at = located(schema, labelId, attrId);
  if (!at.ok) return at;
  const label = findLabel(at.value.after, labelId)!;
  label.attributes = label.attributes.filter((a) => a.id !== attrId);
  return rewrite(schema, at.value.after, docs, labelId, attrId, now, () => undefined);
}

function choice(schema: LabelSchema, labelId: string, attrId: string): Result<{ after: LabelSchema; attr: AttributeDef }> {
  const at = located(schema, labelId, attrId);
  if (!at.ok) return at;
  if (at.value.attr!.type !== 'choice') return fail(`${at.value.attr!.name} is not a choice.`);
  return ok({ after: at.value.after, attr: at.value.attr! });
}

export function addChoiceValue(schema: LabelSchema, labelId: string, attrId: string, value: string): Result<Edit> {
  const at = choice(schema, labelId, attrId);
  if (!at.ok) return at;
  const values = at.value.attr.values ?? [];
  const problem = nameProblem(value, values, 'value');
  if (problem) return fail({ message: problem, field: 'value' });
  at.value.attr.values = [...values, value.trim()];
  return ok({ kind: 'schema', before: schema, after: at.value.after });
}

/** Renames a value in the schema and on every annotation that has it. */
export function renameChoiceValue(
  schema: LabelSchema,
  docs: readonly ArticleDoc[],
  labelId: string,
  attrId: string,
  from: string,
  to: string,
  now: string,
): Result<Edit> {
  const at = choice(schema, labelId, attrId);
  if (!at.ok) return at;
  const values = at.value.attr.values ?? [];
  if (!values.includes(from)) return fail(`"${from}" is not a value of ${at.value.attr.name}.`);
  const problem = nameProblem(
    to,
    values.filter((v) => v !== from),
    'value',
  );
  if (problem) return fail({ message: problem, field: 'value' });
  const target = to.trim();
  if (target === from) return fail('Nothing changed.');
  at.value.attr.values = values.map((v) => (v === from ? target : v));
  return rewrite(schema, at.value.after, docs, labelId, attrId, now, (v) => (v === from ? target : KEEP));
}

/** Removes a value from the choice, and the attribute from annotations that had that value. */
export function removeChoiceValue(schema: LabelSchema, docs: readonly ArticleDoc[], labelId: string, attrId: string, value: string, now: string): Result<Edit> {
  const at = choice(schema, labelId, attrId);
  if (!at.ok) return at;
  const values = at.value.attr.values ?? [];
  if (!values.includes(value)) return fail(`"${value}" is not a value of ${at.value.attr.name}.`);
  at.value.attr.values = values.filter((v) => v !== value);
  return rewrite(schema, at.value.after, docs, labelId, attrId, now, (v) => (v === value ? undefined : KEEP));
}
