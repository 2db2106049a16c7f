import type { ArticleDoc } from '../model/document';
import { cloneJson } from '../model/clone';
import { findLabel, type LabelDef, type LabelSchema } from '../model/label-schema';
import { distinctColor } from '../model/label-colors';
import { fail, ok, type Result } from '../model/result';
import { deleteAnnotations, patchAnnotation } from './builders';
import type { Edit } from './commands';

/**
 * Label schema changes made in Settings, each as one invertible Edit. Labels are referenced by
 * id, so renaming, recolouring and re-keying touch only the schema; removing a label in use
 * also deletes or reassigns its annotations, in the same batch, so one undo brings all back.
 */

export interface LabelChanges {
  name?: string;
  color?: string;
  /** One character, or '' for no key. A key another label has moves here, and that label gets this one's old key. */
  key?: string;
}

export type RemovalPlan = { mode: 'delete' } | { mode: 'reassign'; to: string };

const COLOR = /^#[0-9a-f]{6}$/i;

function schemaEdit(before: LabelSchema, after: LabelSchema): Edit {
  return { kind: 'schema', before, after };
}

function nameProblem(schema: LabelSchema, name: string, except?: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'A label needs a name.';
  if (trimmed.length > 200) return 'A label name can have at most 200 characters.';
  const clash = schema.labels.find((l) => l.id !== except && l.name.trim().toLowerCase() === trimmed.toLowerCase());
  return clash ? `There is already a label called "${clash.name}".` : null;
}

function keyProblem(key: string, reservedKeys: readonly string[]): string | null {
  if ([...key].length > 1 || key.length > 1) return 'A label key is a single character.';
  if (key.trim() === '' && key !== '') return 'A label key cannot be a space.';
  if (reservedKeys.some((k) => k.toLowerCase() === key.toLowerCase())) return `The key "${key}" is already an editor shortcut.`;
  return null;
}

/** A readable id for something the analyst named: the name in lower case with dashes, numbered while `taken`. */
export function readableId(name: string, fallback: string, taken: (id: string) => boolean): string {
  const base =
    name
      .trim()
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || fallback;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** A readable, unique id for a new label. */
export function labelIdFor(schema: LabelSchema, name: string): string {
  return readableId(name, 'label', (id) => Boolean(findLabel(schema, id)));
}

/** The first digit no label uses yet, or '' when all ten are taken. */
export function freeDigitKey(schema: LabelSchema, reservedKeys: readonly string[] = []): string {
  const used = new Set([...schema.labels.map((l) => l.key), ...reservedKeys]);
  return '1234567890'.split('').find((d) => !used.has(d)) ?? '';
}

export function addLabel(
  schema: LabelSchema,
  input: { name: string; color?: string; key?: string; kind?: 'span' | 'event' },
  reservedKeys: readonly string[] = [],
): Result<{ edit: Edit; label: LabelDef }> {
  const problem = nameProblem(schema, input.name);
  if (problem) return fail({ message: problem, field: 'name' });
  const color = input.color ?? distinctColor(schema.labels.map((l) => l.color));
  if (!COLOR.test(color)) return fail({ message: `"${color}" is not a colour like #1a2b3c.`, field: 'color' });
  const key = input.key ?? freeDigitKey(schema, reservedKeys);
  const badKey = keyProblem(key, reservedKeys);
  if (badKey) return fail({ message: badKey, field: 'key' });
  const after = cloneJson(schema);
  if (key) for (const l of after.labels) if (l.key === key) l.key = '';
  const label: LabelDef = { id: labelIdFor(schema, input.name), name: input.name.trim(), color, key, kind: input.kind ?? 'span', attributes: [] };
  after.labels.push(label);
  return ok({ edit: schemaEdit(schema, after), label });
}

/** Rename, recolour and/or re-key one label. */
export function changeLabel(schema: LabelSchema, id: string, changes: LabelChanges, reservedKeys: readonly string[] = []): Result<Edit> {
  const current = findLabel(schema, id);
  if (!current) return fail(`There is no label "${id}".`);
  if (changes.name !== undefined) {
    const problem = nameProblem(schema, changes.name, id);
    if (problem) return fail({ message: problem, field: 'name' });
  }
  if (changes.color !== undefined && !COLOR.test(changes.color)) {
    return fail({ message: `"${changes.color}" is not a colour like #1a2b3c.`, field: 'color' });
  }
  if (changes.key !== undefined) {
    const problem = keyProblem(changes.key, reservedKeys);
    if (problem) return fail({ message: problem, field: 'key' });
  }
  const after = cloneJson(schema);
  const label = findLabel(after, id)!;
  if (changes.name !== undefined) label.name = changes.name.trim();
  if (changes.color !== undefined) label.color = changes.color.toLowerCase();
  if (changes.key !== undefined && changes.key !== label.key) {
    const holder = changes.key ? after.labels.find((l) => l.id !== id && l.key === changes.key) : undefined;
    if (holder) holder.key = label.key;
    label.key = changes.key;
  }
  if (JSON.stringify(after) === JSON.stringify(schema)) return fail('Nothing changed.');
  return ok(schemaEdit(schema, after));
}

/** How many annotations use a label, and in which articles. */
export function labelUsage(docs: readonly ArticleDoc[], id: string): { annotations: number; articles: string[] } {
  let annotations = 0;
  const articles: string[] = [];
  for (const doc of docs) {
    const count = doc.annotations.filter((a) => a.label === id).length;
    if (count) {
      annotations += count;
      articles.push(doc.article.id);
    }
  }
  return { annotations, articles };
}

/**
 * Removes a label. `docs` must hold every article that uses it (the caller loads them). Its
 * annotations are deleted (with their links) or given the label `plan.to`; relation types
 * that allowed the label allow the new one instead (or, on delete, stop naming it — unless it
 * was the only one, since an empty list would widen the type to every label).
 */
export function removeLabel(schema: LabelSchema, docs: readonly ArticleDoc[], id: string, plan: RemovalPlan, now: string): Result<Edit> {
  if (!findLabel(schema, id)) return fail(`There is no label "${id}".`);
  if (plan.mode === 'reassign') {
    if (plan.to === id) return fail('Choose a different label to reassign the annotations to.');
    if (!findLabel(schema, plan.to)) return fail(`There is no label "${plan.to}" to reassign the annotations to.`);
  }
  const edits: Edit[] = [];
  for (const doc of docs) {
    const used = doc.annotations.filter((a) => a.label === id);
    if (used.length === 0) continue;
    if (plan.mode === 'delete') {
      const command = deleteAnnotations(
        doc,
        used.map((a) => a.id),
      );
      if (!command.ok) return command;
      edits.push({ kind: 'doc', articleId: doc.article.id, command: command.value });
      continue;
    }
    for (const a of used) {
      const command = patchAnnotation(doc, a.id, { label: plan.to }, now);
      if (!command.ok) return command;
      edits.push({ kind: 'doc', articleId: doc.article.id, command: command.value });
    }
  }
  const after = cloneJson(schema);
  after.labels = after.labels.filter((l) => l.id !== id);
  const replace = (ids: string[]): string[] => {
    if (!ids.includes(id)) return ids;
    if (plan.mode === 'reassign') return [...new Set(ids.map((x) => (x === id ? plan.to : x)))];
    return ids.length > 1 ? ids.filter((x) => x !== id) : ids;
  };
  for (const type of after.relationTypes) {
    type.from = replace(type.from);
    type.to = replace(type.to);
  }
  edits.push(schemaEdit(schema, after));
  return ok({ kind: 'batch', edits });
}
