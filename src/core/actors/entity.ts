import { z } from 'zod';
import { TimestampSchema } from '../model/annotation';

/**
 * The actor registry: one entry per person or organisation the workspace talks about, shared by
 * every article. Actor annotations point at an entry by id (`Annotation.entity`), so "Zelensky"
 * in one article and "Zelenskyy" in the next can be the same person.
 */

export const ACTOR_KINDS = ['person', 'organisation', 'place', 'group', 'other'] as const;
export const ActorKindSchema = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof ActorKindSchema>;

/** Longest canonical name or alias; real names are far shorter, the bound keeps hostile input small. */
export const MAX_NAME_LENGTH = 500;
export const MAX_ALIASES = 1000;
export const MAX_PROPERTIES = 200;

const NameSchema = z
  .string()
  .min(1)
  .max(MAX_NAME_LENGTH)
  .refine((s) => s.trim() === s && s !== '', 'a name has no leading or trailing spaces and is not empty')
  .refine((s) => !/[\r\n\t]/.test(s), 'a name is one line');

export const EntityIdSchema = z.string().min(1).max(100);

/**
 * An entity. `properties` are the analyst's own keys (role, affiliation, country, gender, ...);
 * `externalId` is whatever the analyst typed to identify it elsewhere (a Wikidata QID such as
 * "Q7747", or "GND:118607626"): Lede never looks it up.
 */
export const ActorEntitySchema = z.object({
  id: EntityIdSchema,
  name: NameSchema,
  kind: ActorKindSchema,
  aliases: z.array(NameSchema).max(MAX_ALIASES),
  properties: z
    .record(z.string().min(1).max(200), z.string().max(10_000))
    .refine((p) => Object.keys(p).length <= MAX_PROPERTIES, `at most ${MAX_PROPERTIES} properties`),
  externalId: z.string().min(1).max(200).regex(/^\S+$/, 'an external id has no spaces').optional(),
  note: z.string().max(100_000),
  created: TimestampSchema,
  modified: TimestampSchema,
});
export type ActorEntity = z.infer<typeof ActorEntitySchema>;

/** The registry as stored: entities in id order (canonical, so undo restores it byte for byte). */
export const ActorRegistrySchema = z.object({
  entities: z.array(ActorEntitySchema).max(1_000_000),
});
export type ActorRegistry = z.infer<typeof ActorRegistrySchema>;

export const EMPTY_REGISTRY: ActorRegistry = { entities: [] };

export function compareEntityIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Why a registry cannot be stored (schema, duplicate ids, order), or null. */
export function registryProblem(registry: ActorRegistry): string | null {
  const parsed = ActorRegistrySchema.safeParse(registry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `The actor registry is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`;
  }
  for (let i = 1; i < registry.entities.length; i++) {
    const order = compareEntityIds(registry.entities[i - 1]!, registry.entities[i]!);
    if (order === 0) return `The actor registry has two entities with the id "${registry.entities[i]!.id}".`;
    if (order > 0) return 'The actor registry is not in id order.';
  }
  return null;
}

/** Entities by id, for the many lookups a view or an export makes. */
export function entitiesById(registry: ActorRegistry): Map<string, ActorEntity> {
  return new Map(registry.entities.map((e) => [e.id, e]));
}

/** Binary search in the id-ordered list. */
export function findEntity(registry: ActorRegistry, id: string): ActorEntity | undefined {
  const index = entityIndex(registry, id);
  return index >= 0 ? registry.entities[index] : undefined;
}

/** Position of `id` in the list, or -(insertion point) - 1 when absent. */
export function entityIndex(registry: ActorRegistry, id: string): number {
  let lo = 0;
  let hi = registry.entities.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const midId = registry.entities[mid]!.id;
    if (midId === id) return mid;
    if (midId < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

/**
 * The external id split into resource and reference, as brat's normalisation lines want them
 * (`Wikidata:Q7747`). A bare QID is Wikidata's; anything else without a prefix is "External".
 */
export function externalReference(externalId: string): { resource: string; ref: string } {
  if (/^Q\d+$/i.test(externalId)) return { resource: 'Wikidata', ref: externalId.toUpperCase() };
  const colon = externalId.indexOf(':');
  if (colon > 0 && colon < externalId.length - 1) return { resource: externalId.slice(0, colon), ref: externalId.slice(colon + 1) };
  return { resource: 'External', ref: externalId };
}
