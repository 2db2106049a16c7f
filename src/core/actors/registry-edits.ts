import type { Edit } from '../edits/commands';
import { newId } from '../model/ids';
import { fail, ok, type Result } from '../model/result';
import { ACTOR_KINDS, findEntity, MAX_ALIASES, MAX_NAME_LENGTH, MAX_PROPERTIES, type ActorEntity, type ActorKind, type ActorRegistry } from './entity';
import { nameKey } from './names/normalize';
import type { EntityPatch } from './registry-commands';

/**
 * What an analyst does to the registry itself, each as one invertible Edit. Builders read the
 * registry (to check the intent and fill in the inverse) and never change it. Edits that also
 * move mentions (link, merge, split, delete) are in mention-edits.ts.
 */

export interface EntityInput {
  name: string;
  kind?: ActorKind;
  aliases?: string[];
  properties?: Record<string, string>;
  externalId?: string;
  note?: string;
  id?: string;
}

/** A name as stored: spaces collapsed and trimmed; a problem when it is empty or too long. */
export function cleanName(name: string): Result<string> {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) return fail({ message: 'An actor needs a name.', field: 'name' });
  if (clean.length > MAX_NAME_LENGTH) return fail({ message: `A name can have at most ${MAX_NAME_LENGTH} characters.`, field: 'name' });
  return ok(clean);
}

/** Entities whose canonical name is the same as `name` up to case, diacritics and spacing. */
export function entitiesNamed(registry: ActorRegistry, name: string): ActorEntity[] {
  const key = nameKey(name);
  return registry.entities.filter((e) => nameKey(e.name) === key);
}

/**
 * A new entity. A canonical name another entity of the same kind already has is refused (the
 * analyst most likely wants that one) unless `allowSameName`: two people can share a name.
 */
export function createEntity(
  registry: ActorRegistry,
  input: EntityInput,
  now: string,
  options: { allowSameName?: boolean } = {},
): Result<{ edit: Edit; entity: ActorEntity }> {
  const name = cleanName(input.name);
  if (!name.ok) return name;
  const kind = input.kind ?? 'person';
  if (!ACTOR_KINDS.includes(kind)) return fail({ message: `"${kind}" is not a kind of actor (${ACTOR_KINDS.join(', ')}).`, field: 'kind' });
  const twin = entitiesNamed(registry, name.value).find((e) => e.kind === kind);
  if (twin && !options.allowSameName) return fail({ message: `There is already an actor called "${twin.name}" (${twin.id}).`, field: 'name' });
  if (input.id !== undefined && findEntity(registry, input.id)) return fail(`There is already an actor with the id ${input.id}.`);
  const aliases = cleanAliases(name.value, input.aliases ?? []);
  if (!aliases.ok) return aliases;
  const properties = cleanProperties(input.properties ?? {});
  if (!properties.ok) return properties;
  const externalId = cleanExternalId(input.externalId);
  if (!externalId.ok) return externalId;
  const entity: ActorEntity = {
    id: input.id ?? newId('ent'),
    name: name.value,
    kind,
    aliases: aliases.value,
    properties: properties.value,
    ...(externalId.value !== null ? { externalId: externalId.value } : {}),
    note: input.note ?? '',
    created: now,
    modified: now,
  };
  return ok({ edit: { kind: 'actors', command: { op: 'insert', entities: [entity] } }, entity });
}

/** A field edit on one entity; `changes` is what the caller wants, checked here. */
export function patchEntity(registry: ActorRegistry, id: string, changes: Omit<EntityPatch, 'modified'>, now: string): Result<Edit> {
  const current = findEntity(registry, id);
  if (!current) return fail(`There is no actor ${id}.`);
  const after: EntityPatch = { ...changes };
  if (changes.name !== undefined) {
    const name = cleanName(changes.name);
    if (!name.ok) return name;
    after.name = name.value;
  }
  if (changes.kind !== undefined && !ACTOR_KINDS.includes(changes.kind)) return fail({ message: `"${changes.kind}" is not a kind of actor.`, field: 'kind' });
  if (changes.aliases !== undefined || after.name !== undefined) {
    const aliases = cleanAliases(after.name ?? current.name, changes.aliases ?? current.aliases);
    if (!aliases.ok) return aliases;
    after.aliases = aliases.value;
  }
  if (changes.properties !== undefined) {
    const properties = cleanProperties(changes.properties);
    if (!properties.ok) return properties;
    after.properties = properties.value;
  }
  if (changes.externalId !== undefined) {
    const externalId = cleanExternalId(changes.externalId ?? undefined);
    if (!externalId.ok) return externalId;
    after.externalId = externalId.value;
  }
  const before: EntityPatch = {};
  for (const key of Object.keys(after) as (keyof EntityPatch)[]) (before as Record<string, unknown>)[key] = current[key] ?? null;
  if (JSON.stringify(before) === JSON.stringify(after)) return fail('Nothing changed.');
  before.modified = current.modified;
  after.modified = now;
  return ok({ kind: 'actors', command: { op: 'update', id, before, after } });
}

/** Renames; `keepOldAsAlias` keeps the old name findable by the matcher (the usual wish). */
export function renameEntity(registry: ActorRegistry, id: string, name: string, now: string, keepOldAsAlias = false): Result<Edit> {
  const current = findEntity(registry, id);
  if (!current) return fail(`There is no actor ${id}.`);
  const aliases = keepOldAsAlias ? [...current.aliases, current.name] : current.aliases;
  return patchEntity(registry, id, { name, aliases }, now);
}

export function setEntityKind(registry: ActorRegistry, id: string, kind: ActorKind, now: string): Result<Edit> {
  return patchEntity(registry, id, { kind }, now);
}

export function setEntityNote(registry: ActorRegistry, id: string, note: string, now: string): Result<Edit> {
  return patchEntity(registry, id, { note }, now);
}

/** `externalId` '' or null removes it. */
export function setExternalId(registry: ActorRegistry, id: string, externalId: string | null, now: string): Result<Edit> {
  return patchEntity(registry, id, { externalId: externalId?.trim() ? externalId : null }, now);
}

/** Sets one property; `value` undefined or '' removes the key. */
export function setEntityProperty(registry: ActorRegistry, id: string, key: string, value: string | undefined, now: string): Result<Edit> {
  const current = findEntity(registry, id);
  if (!current) return fail(`There is no actor ${id}.`);
  const properties = { ...current.properties };
  const cleanKey = key.trim();
  if (value === undefined || value === '') delete properties[cleanKey];
  else properties[cleanKey] = value;
  return patchEntity(registry, id, { properties }, now);
}

export function addAlias(registry: ActorRegistry, id: string, alias: string, now: string): Result<Edit> {
  const current = findEntity(registry, id);
  if (!current) return fail(`There is no actor ${id}.`);
  const clean = cleanName(alias);
  if (!clean.ok) return clean;
  const key = nameKey(clean.value);
  if (nameKey(current.name) === key || current.aliases.some((a) => nameKey(a) === key)) return fail(`"${current.name}" already has the name "${clean.value}".`);
  return patchEntity(registry, id, { aliases: [...current.aliases, clean.value] }, now);
}

export function removeAlias(registry: ActorRegistry, id: string, alias: string, now: string): Result<Edit> {
  const current = findEntity(registry, id);
  if (!current) return fail(`There is no actor ${id}.`);
  if (!current.aliases.includes(alias)) return fail(`"${current.name}" has no alias "${alias}".`);
  return patchEntity(registry, id, { aliases: current.aliases.filter((a) => a !== alias) }, now);
}

/** Aliases cleaned, each once (up to case and diacritics), never the canonical name itself. */
export function cleanAliases(name: string, aliases: readonly string[]): Result<string[]> {
  const seen = new Set([nameKey(name)]);
  const kept: string[] = [];
  for (const alias of aliases) {
    const clean = cleanName(alias);
    if (!clean.ok) return fail({ message: `An alias: ${clean.errors[0]!.message}`, field: 'aliases' });
    const key = nameKey(clean.value);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(clean.value);
  }
  if (kept.length > MAX_ALIASES) return fail({ message: `An actor can have at most ${MAX_ALIASES} aliases.`, field: 'aliases' });
  return ok(kept);
}

function cleanProperties(properties: Record<string, string>): Result<Record<string, string>> {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    const k = key.trim();
    if (!k) return fail({ message: 'A property needs a name.', field: 'properties' });
    if (k.length > 200) return fail({ message: 'A property name can have at most 200 characters.', field: 'properties' });
    if (typeof value !== 'string') return fail({ message: `The property "${k}" must be text.`, field: 'properties' });
    if (value.length > 10_000) return fail({ message: `The property "${k}" is too long (at most 10,000 characters).`, field: 'properties' });
    clean[k] = value;
  }
  if (Object.keys(clean).length > MAX_PROPERTIES) return fail({ message: `An actor can have at most ${MAX_PROPERTIES} properties.`, field: 'properties' });
  return ok(clean);
}

function cleanExternalId(externalId: string | undefined): Result<string | null> {
  const clean = externalId?.trim();
  if (!clean) return ok(null);
  if (/\s/.test(clean) || clean.length > 200)
    return fail({ message: 'An external id is one word of at most 200 characters (e.g. Q7747).', field: 'externalId' });
  return ok(clean);
}
