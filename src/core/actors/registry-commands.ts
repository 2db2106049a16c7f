import { z } from 'zod';
import { fail, ok, type Result } from '../model/result';
import { ActorEntitySchema, compareEntityIds, entityIndex, EntityIdSchema, type ActorEntity, type ActorRegistry } from './entity';
import { sameJson } from '../model/same-json';

/**
 * A change to the actor registry, in the style of the document commands (src/core/edits): each
 * carries what its inverse needs — `insert` and `remove` the whole entities, `update` the fields
 * before and after — so undo is data and a command that no longer fits the registry changes nothing.
 */

/** The fields an update may change. `externalId: null` means "no external id". */
export const EntityPatchSchema = ActorEntitySchema.pick({ name: true, kind: true, aliases: true, properties: true, note: true, modified: true })
  .extend({ externalId: ActorEntitySchema.shape.externalId.unwrap().nullable() })
  .partial()
  .strict();
export type EntityPatch = z.infer<typeof EntityPatchSchema>;

export const RegistryCommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('insert'), entities: z.array(ActorEntitySchema).min(1).max(100_000) }),
  z.object({ op: z.literal('remove'), entities: z.array(ActorEntitySchema).min(1).max(100_000) }),
  z.object({ op: z.literal('update'), id: EntityIdSchema, before: EntityPatchSchema, after: EntityPatchSchema }),
]);
export type RegistryCommand = z.infer<typeof RegistryCommandSchema>;

export function invertRegistryCommand(command: RegistryCommand): RegistryCommand {
  switch (command.op) {
    case 'insert':
      return { op: 'remove', entities: command.entities };
    case 'remove':
      return { op: 'insert', entities: command.entities };
    case 'update':
      return { op: 'update', id: command.id, before: command.after, after: command.before };
  }
}

/** Applies a command; the registry passed in is never mutated and stays in id order. */
export function applyRegistryCommand(registry: ActorRegistry, command: RegistryCommand): Result<ActorRegistry> {
  switch (command.op) {
    case 'insert':
      return insert(registry, command.entities);
    case 'remove':
      return remove(registry, command.entities);
    case 'update':
      return update(registry, command.id, command.before, command.after);
  }
}

function insert(registry: ActorRegistry, entities: ActorEntity[]): Result<ActorRegistry> {
  const ids = new Set<string>();
  for (const e of entities) {
    if (ids.has(e.id) || entityIndex(registry, e.id) >= 0) return fail(`an actor with the id ${e.id} already exists`);
    ids.add(e.id);
  }
  return ok({ entities: [...registry.entities, ...entities].sort(compareEntityIds) });
}

function remove(registry: ActorRegistry, entities: ActorEntity[]): Result<ActorRegistry> {
  const gone = new Set<string>();
  for (const e of entities) {
    const stored = registry.entities[entityIndex(registry, e.id)];
    if (!stored) return fail(`there is no actor ${e.id}`);
    if (!sameJson(stored, e)) return fail(`the actor ${e.id} changed since this edit was made`);
    gone.add(e.id);
  }
  return ok({ entities: registry.entities.filter((e) => !gone.has(e.id)) });
}

function update(registry: ActorRegistry, id: string, before: EntityPatch, after: EntityPatch): Result<ActorRegistry> {
  const index = entityIndex(registry, id);
  const stored = registry.entities[index];
  if (!stored) return fail(`there is no actor ${id}`);
  const keys = Object.keys(before).sort().join();
  if (keys !== Object.keys(after).sort().join()) return fail('an update must name the same fields before and after');
  for (const key of Object.keys(before) as (keyof EntityPatch)[]) {
    if (!sameJson(stored[key] ?? null, before[key] ?? null)) return fail(`the actor's ${key} changed since this edit was made`);
  }
  const merged: Record<string, unknown> = { ...stored, ...after };
  // Keys in schema order and null (a patch's "absent") dropped, so undo restores the same JSON.
  const next: Record<string, unknown> = {};
  for (const key of ENTITY_KEYS) if (merged[key] !== undefined && merged[key] !== null) next[key] = merged[key];
  const entities = [...registry.entities];
  entities[index] = next as ActorEntity;
  return ok({ entities });
}

const ENTITY_KEYS = Object.keys(ActorEntitySchema.shape);
