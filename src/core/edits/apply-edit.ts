import { findEntity, type ActorRegistry } from '../actors/entity';
import { applyRegistryCommand } from '../actors/registry-commands';
import type { ArticleDoc } from '../model/document';
import { findLabel, findRelationType, LabelSchemaSchema, type LabelSchema } from '../model/label-schema';
import { fail, ok, type Problem, type Result } from '../model/result';
import { applyCommand } from './apply';
import type { DocCommand, Edit } from './commands';
import { sameJson } from '../model/same-json';
import type { RejectedSuggestions } from '../model/settings';
import { applyRejections } from './rejections';

/**
 * Applies a whole Edit (one article, the label schema, the actor registry, rejected suggestions, or a batch) to the state it
 * touches, all or nothing: the store writes the outcome only when every step applied. Pure, so
 * the store's rules about what an edit may do are tested without a disk.
 */

export interface EditState {
  labelSchema: LabelSchema;
  /** The current documents of (at least) every article the edit touches, by article id. */
  docs: ReadonlyMap<string, ArticleDoc>;
  /**
   * The actor registry. Needed by an edit that changes it; when given, every entity an edit links
   * a span to must exist in the registry the edit leaves. Absent: registry steps fail, links are
   * not checked (a store that does not keep a registry yet).
   */
  actors?: ActorRegistry;
  /** The rejected suggestions by article (workspace settings); none when absent. */
  rejections?: RejectedSuggestions;
}

export interface EditOutcome {
  labelSchema: LabelSchema;
  schemaChanged: boolean;
  /** The new documents of the articles the edit changed. */
  docs: Map<string, ArticleDoc>;
  /** The registry after the edit (as given when the edit does not change it). */
  actors: ActorRegistry | undefined;
  actorsChanged: boolean;
  /** The rejected suggestions after the edit (as given when it does not change them). */
  rejections: RejectedSuggestions;
  rejectionsChanged: boolean;
}

export function applyEditToState(edit: Edit, state: EditState): Result<EditOutcome> {
  let labelSchema = state.labelSchema;
  let schemaChanged = false;
  let actors = state.actors;
  let actorsChanged = false;
  let rejections = state.rejections ?? {};
  let rejectionsChanged = false;
  const docs = new Map<string, ArticleDoc>();
  const commands: DocCommand[] = [];
  for (const step of flatten(edit)) {
    if (step.kind === 'schema') {
      if (!sameJson(step.before, labelSchema)) return fail('The label schema changed since this edit was made.');
      const problem = labelSchemaProblem(step.after);
      if (problem) return fail(problem);
      labelSchema = step.after;
      schemaChanged = true;
      continue;
    }
    if (step.kind === 'actors') {
      if (!actors) return fail('The actor registry is not loaded, so it cannot be changed.');
      const next = applyRegistryCommand(actors, step.command);
      if (!next.ok) return fail(...next.errors.map((e) => ({ ...e, message: `actor registry: ${e.message}` })));
      actors = next.value;
      actorsChanged = true;
      continue;
    }
    const current = docs.get(step.articleId) ?? state.docs.get(step.articleId);
    if (!current) return fail(`There is no article ${step.articleId}.`);
    if (step.kind === 'rejections') {
      const next = applyRejections(rejections, step);
      if (!next.ok) return next;
      rejections = next.value;
      rejectionsChanged = true;
      continue;
    }
    const next = applyCommand(current, step.command);
    if (!next.ok) return fail(...next.errors.map((e) => ({ ...e, message: `${step.articleId}: ${e.message}` })));
    docs.set(step.articleId, next.value);
    commands.push(step.command);
  }
  const unknown = commands.flatMap((c) => unknownNames(c, labelSchema));
  if (unknown.length > 0) return fail(...unknown);
  const registry = actors;
  const dangling = registry ? commands.flatMap((c) => unknownEntities(c, registry)) : [];
  if (dangling.length > 0) return fail(...dangling);
  return ok({ labelSchema, schemaChanged, docs, actors, actorsChanged, rejections, rejectionsChanged });
}

function flatten(edit: Edit): Exclude<Edit, { kind: 'batch' }>[] {
  return edit.kind === 'batch' ? edit.edits.flatMap(flatten) : [edit];
}

/** Labels and relation types a command introduces must be in the schema the edit leaves. */
function unknownNames(command: DocCommand, schema: LabelSchema): Problem[] {
  const problems: Problem[] = [];
  const checkLabel = (label: string, annotation: string) => {
    if (!findLabel(schema, label)) problems.push({ message: `the label "${label}" is not in the label schema`, annotation });
  };
  if (command.op === 'insert') {
    for (const a of command.annotations) checkLabel(a.label, a.id);
    for (const r of command.relations) {
      if (!findRelationType(schema, r.type)) problems.push({ message: `the relation type "${r.type}" is not in the label schema` });
    }
  } else if (command.op === 'update' && command.after.label !== undefined) {
    checkLabel(command.after.label, command.id);
  }
  return problems;
}

/** Entities a command links spans to must be in the registry the edit leaves. */
function unknownEntities(command: DocCommand, registry: ActorRegistry): Problem[] {
  const linked =
    command.op === 'insert'
      ? command.annotations.filter((a) => a.entity !== undefined).map((a) => ({ id: a.id, entity: a.entity! }))
      : command.op === 'update' && typeof command.after.entity === 'string'
        ? [{ id: command.id, entity: command.after.entity }]
        : [];
  return linked
    .filter((l) => !findEntity(registry, l.entity))
    .map((l) => ({ message: `the actor ${l.entity} is not in the actor registry`, annotation: l.id }));
}

/** Why a label schema cannot be stored, or null: it must parse, and ids must be unique. */
export function labelSchemaProblem(schema: LabelSchema): string | null {
  const parsed = LabelSchemaSchema.safeParse(schema);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `The label schema is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`;
  }
  const duplicate = (ids: string[]) => ids.find((id, i) => ids.indexOf(id) !== i);
  const label = duplicate(schema.labels.map((l) => l.id));
  if (label !== undefined) return `The label schema has two labels with the id "${label}".`;
  const type = duplicate(schema.relationTypes.map((r) => r.id));
  if (type !== undefined) return `The label schema has two relation types with the id "${type}".`;
  return null;
}

/** Label and relation type ids present in `before` but gone from `after`. */
export function removedFromSchema(before: LabelSchema, after: LabelSchema): { labels: string[]; relationTypes: string[] } {
  return {
    labels: before.labels.filter((l) => !findLabel(after, l.id)).map((l) => l.id),
    relationTypes: before.relationTypes.filter((r) => !findRelationType(after, r.id)).map((r) => r.id),
  };
}
