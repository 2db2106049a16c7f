import type { Relation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import { cloneJson } from '../model/clone';
import { findLabel, findRelationType, type LabelSchema, type RelationTypeDef } from '../model/label-schema';
import { fail, ok, type Result } from '../model/result';
import type { Edit } from './commands';
import { readableId } from './schema-edits';

/**
 * Relation type changes made in Settings, each one invertible Edit, by the rules labels follow:
 * links refer to their type by id, so renaming changes the display name only and every link
 * stays; removing a type that links use asks first (the caller shows the count) and then deletes
 * those links or moves them to another type, in the same batch, so one undo brings all back.
 * `docs` must hold every article with links (the caller loads them).
 */

export type RelationRemovalPlan = { mode: 'delete' } | { mode: 'reassign'; to: string };

export interface RelationTypeChanges {
  name?: string;
  /** Label ids allowed at each end; empty allows any label. */
  from?: string[];
  to?: string[];
}

function nameProblem(schema: LabelSchema, name: string, except?: string): string | null {
  const t = name.trim();
  if (!t) return 'A relation type needs a name.';
  if (t.length > 200) return 'A relation type name can have at most 200 characters.';
  const clash = schema.relationTypes.find((r) => r.id !== except && r.name.trim().toLowerCase() === t.toLowerCase());
  return clash ? `There is already a relation type called "${clash.name}".` : null;
}

function endsProblem(schema: LabelSchema, ids: readonly string[]): string | null {
  const unknown = ids.find((id) => !findLabel(schema, id));
  return unknown === undefined ? null : `There is no label "${unknown}".`;
}

export function addRelationType(schema: LabelSchema, input: { name: string; from?: string[]; to?: string[] }): Result<{ edit: Edit; type: RelationTypeDef }> {
  const problem = nameProblem(schema, input.name) ?? endsProblem(schema, [...(input.from ?? []), ...(input.to ?? [])]);
  if (problem) return fail({ message: problem, field: 'name' });
  const after = cloneJson(schema);
  const type: RelationTypeDef = {
    id: readableId(input.name, 'relation', (id) => Boolean(findRelationType(schema, id))),
    name: input.name.trim(),
    from: [...new Set(input.from ?? [])],
    to: [...new Set(input.to ?? [])],
  };
  after.relationTypes.push(type);
  return ok({ edit: { kind: 'schema', before: schema, after }, type });
}

/** Renames or changes the allowed ends; the id, and so every link of the type, stays. */
export function changeRelationType(schema: LabelSchema, id: string, changes: RelationTypeChanges): Result<Edit> {
  const after = cloneJson(schema);
  const type = findRelationType(after, id);
  if (!type) return fail(`There is no relation type "${id}".`);
  if (changes.name !== undefined) {
    const problem = nameProblem(schema, changes.name, id);
    if (problem) return fail({ message: problem, field: 'name' });
    type.name = changes.name.trim();
  }
  for (const end of ['from', 'to'] as const) {
    const ids = changes[end];
    if (ids === undefined) continue;
    const problem = endsProblem(schema, ids);
    if (problem) return fail(problem);
    type[end] = [...new Set(ids)];
  }
  if (JSON.stringify(type) === JSON.stringify(findRelationType(schema, id))) return fail('Nothing changed.');
  return ok({ kind: 'schema', before: schema, after });
}

/** How many links have the type, and in how many articles. */
export function relationTypeUsage(docs: readonly ArticleDoc[], id: string): { links: number; articles: number } {
  let links = 0;
  let articles = 0;
  for (const doc of docs) {
    const n = doc.relations.filter((r) => r.type === id).length;
    links += n;
    if (n) articles++;
  }
  return { links, articles };
}

/**
 * Removes a relation type. Its links are deleted, or moved to `plan.to` (keeping their ids,
 * authors and dates); a moved link that would repeat one the target type already has between the
 * same ends is dropped, since two identical links say nothing more than one.
 */
export function removeRelationType(schema: LabelSchema, docs: readonly ArticleDoc[], id: string, plan: RelationRemovalPlan): Result<Edit> {
  if (!findRelationType(schema, id)) return fail(`There is no relation type "${id}".`);
  if (plan.mode === 'reassign') {
    if (plan.to === id) return fail('Choose a different relation type to move the links to.');
    if (!findRelationType(schema, plan.to)) return fail(`There is no relation type "${plan.to}" to move the links to.`);
  }
  const edits: Edit[] = [];
  for (const doc of docs) {
    const used = doc.relations.filter((r) => r.type === id);
    if (used.length === 0) continue;
    edits.push({ kind: 'doc', articleId: doc.article.id, command: { op: 'remove', annotations: [], relations: used } });
    if (plan.mode === 'delete') continue;
    const key = (r: Relation) => `${r.from}\u0000${r.to}`;
    const present = new Set(doc.relations.filter((r) => r.type === plan.to).map(key));
    const moved: Relation[] = [];
    for (const r of used) {
      if (present.has(key(r))) continue;
      present.add(key(r));
      moved.push({ ...r, type: plan.to });
    }
    if (moved.length) edits.push({ kind: 'doc', articleId: doc.article.id, command: { op: 'insert', annotations: [], relations: moved } });
  }
  const after = cloneJson(schema);
  after.relationTypes = after.relationTypes.filter((r) => r.id !== id);
  edits.push({ kind: 'schema', before: schema, after });
  return ok(edits.length === 1 ? edits[0]! : { kind: 'batch', edits });
}
