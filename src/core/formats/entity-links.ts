import { annotationWith } from './checked';
import type { ActorEntity, ActorRegistry } from '../actors/entity';
import { findEntity } from '../actors/entity';
import type { ActorMatcher } from '../actors/names/matcher';
import type { Annotation } from '../model/annotation';
import type { AnnotationSet, ImportedDoc } from './types';

/**
 * Actor links (`Annotation.entity`) through the exchange formats. Every format writes the link its
 * own way (Lede JSON: the field and the registry; brat: a `Reference Tn Lede:<id>` normalisation;
 * W3C: an identifying body) and every parse brings it back to the field plus `AnnotationSet.entities`;
 * an import then links the set's entities to the workspace's registry here, and says how.
 */

/** The brat normalisation resource (and W3C reference) that names a Lede registry entity. */
export const LEDE_RESOURCE = 'Lede';

/** Entity id → canonical name, for the formats that write the name beside the id. */
export function entityNames(registry: ActorRegistry | undefined): ReadonlyMap<string, string> {
  if (!registry) return new Map();
  // Cached per registry (which is immutable): a brat export asks once per article.
  let names = namesOf.get(registry);
  if (!names) namesOf.set(registry, (names = new Map(registry.entities.map((e) => [e.id, e.name]))));
  return names;
}
const namesOf = new WeakMap<ActorRegistry, Map<string, string>>();

/** The registry's entities that these annotations link, in id order (what a Lede JSON carries). */
export function linkedEntities(registry: ActorRegistry | undefined, annotations: Iterable<Annotation>): ActorEntity[] {
  const ids = new Set<string>();
  for (const a of annotations) if (a.entity) ids.add(a.entity);
  return (registry?.entities ?? []).filter((e) => ids.has(e.id));
}

/**
 * A parsed set with its `Lede:<id>` references turned into entity links: brat and W3C bring the
 * link back as a normalisation; the entity it names is known by id and name only (kind person,
 * the only kind brat and W3C cannot say). Other references (Wikidata:Q7747, …) stay normalisations.
 * Entities the set already describes in full (Lede JSON) are kept as they are.
 */
export function entitiesFromReferences(set: AnnotationSet, now: string): AnnotationSet {
  const entities = new Map((set.entities ?? []).map((e) => [e.id, e]));
  let changed = false;
  const documents = set.documents.map((doc) => ({
    ...doc,
    annotations: doc.annotations.map((a) => {
      const refs = a.normalizations ?? [];
      const lede = refs.find((n) => n.resource === LEDE_RESOURCE);
      if (!lede || a.entity) return a;
      changed = true;
      const rest = refs.filter((n) => n !== lede);
      const name = lede.text.trim().replace(/\s+/g, ' ') || a.quote.trim().replace(/\s+/g, ' ') || lede.ref;
      if (!entities.has(lede.ref))
        entities.set(lede.ref, { id: lede.ref, name: name.slice(0, 500), kind: 'other', aliases: [], properties: {}, note: '', created: now, modified: now });
      const { normalizations: _dropped, ...bare } = a;
      return { ...bare, ...(rest.length ? { normalizations: rest } : {}), entity: lede.ref };
    }),
  }));
  if (!changed) return set;
  return { ...set, documents, entities: [...entities.values()] };
}

/** How one entity of an imported set landed (or, in a preview, will land) in the workspace's registry. */
export interface ImportedActor {
  /** Their id and name. */
  theirs: string;
  name: string;
  /** Our entity it was linked to, or the id it was created under. */
  ours: string;
  oursName: string;
  /** 'chosen': linked to the entity of ours the analyst picked (ImportRequest.actors). */
  how: 'same-id' | 'matched' | 'chosen' | 'created';
  /** For 'matched': the matcher's score and reason. */
  score?: number;
  reason?: string;
  /** For 'created': the entity of ours the matcher proposed and the analyst declined. */
  declined?: { id: string; name: string };
}

export interface EntityLinking {
  /** Their id → ours. */
  byId: ReadonlyMap<string, string>;
  /** Entities to add to the registry. */
  created: ActorEntity[];
  actors: ImportedActor[];
  /** Decisions that cannot be carried out (an entity of ours that is gone, an id the set lacks). */
  problems: string[];
}

/** The analyst's decision for one of their entities: the id of ours to link it to, or NEW_ACTOR. */
export const NEW_ACTOR = '';

/**
 * Links an imported set's entities to the workspace's registry: by id when ours has that id
 * (ids are random, so the same id is the same entity, exported from here or a copy), else by name
 * through the registry's matcher (name or alias, same kind, clearing the threshold the app proposes
 * at), else the entity is created. `decisions` (their id → our id, or NEW_ACTOR) override that for
 * the entities the analyst reviewed in the import's plan. Each outcome is listed in `actors`, so
 * nothing is merged silently.
 */
export function linkEntities(
  registry: ActorRegistry,
  matcher: ActorMatcher,
  theirs: readonly ActorEntity[],
  decisions: Readonly<Record<string, string>> = {},
): EntityLinking {
  const byId = new Map<string, string>();
  const actors: ImportedActor[] = [];
  const created: ActorEntity[] = [];
  const problems: string[] = [];
  const taken = new Set(registry.entities.map((e) => e.id));
  const create = (entity: ActorEntity, declined?: { id: string; name: string }) => {
    // Created under its own id where free; two of theirs that share a name stay two (only an id says "same").
    let id = entity.id;
    for (let n = 2; taken.has(id); n++) id = `${entity.id}-${n}`;
    taken.add(id);
    byId.set(entity.id, id);
    created.push({ ...entity, id });
    actors.push({ theirs: entity.id, name: entity.name, ours: id, oursName: entity.name, how: 'created', ...(declined ? { declined } : {}) });
  };
  for (const entity of theirs) {
    if (byId.has(entity.id)) continue;
    const same = findEntity(registry, entity.id);
    const best = same ? null : bestMatch(matcher, entity);
    const decision = Object.hasOwn(decisions, entity.id) ? decisions[entity.id]! : undefined;
    if (decision === NEW_ACTOR) {
      const proposed = same ?? (best ? { id: best.id, name: best.name } : undefined);
      create(entity, proposed ? { id: proposed.id, name: proposed.name } : undefined);
      continue;
    }
    if (decision !== undefined) {
      const chosen = findEntity(registry, decision);
      if (!chosen) {
        problems.push(
          `their actor "${entity.name}" (${entity.id}) was to be linked to your actor ${decision}, which is no longer in the registry; review the import again`,
        );
        continue;
      }
      byId.set(entity.id, chosen.id);
      if (same?.id === chosen.id) actors.push({ theirs: entity.id, name: entity.name, ours: same.id, oursName: same.name, how: 'same-id' });
      else if (best?.id === chosen.id)
        actors.push({ theirs: entity.id, name: entity.name, ours: best.id, oursName: best.name, how: 'matched', score: best.score, reason: best.reason });
      else actors.push({ theirs: entity.id, name: entity.name, ours: chosen.id, oursName: chosen.name, how: 'chosen' });
      continue;
    }
    if (same) {
      byId.set(entity.id, same.id);
      actors.push({ theirs: entity.id, name: entity.name, ours: same.id, oursName: same.name, how: 'same-id' });
    } else if (best) {
      byId.set(entity.id, best.id);
      actors.push({ theirs: entity.id, name: entity.name, ours: best.id, oursName: best.name, how: 'matched', score: best.score, reason: best.reason });
    } else create(entity);
  }
  const known = new Set(theirs.map((e) => e.id));
  for (const id of Object.keys(decisions)) if (!known.has(id)) problems.push(`the files have no actor ${id} to decide about`);
  return { byId, created, actors, problems };
}

/** The best entity of ours for one of theirs: by its name or an alias, of the same kind ('other' fits any). */
function bestMatch(matcher: ActorMatcher, entity: ActorEntity) {
  return (
    [entity.name, ...entity.aliases]
      .map((n) => matcher.match(n, { limit: 1 }).match)
      .filter((m) => m !== null && (m.kind === entity.kind || entity.kind === 'other'))
      .sort((a, b) => b!.score - a!.score)[0] ?? null
  );
}

/**
 * The documents with every entity id rewritten to ours; an annotation linking an id that neither
 * the file's registry nor the workspace has is a problem (never stored dangling).
 */
export function relinkDocuments(
  documents: readonly ImportedDoc[],
  byId: ReadonlyMap<string, string>,
  registry: ActorRegistry,
): { documents: ImportedDoc[]; problems: string[] } {
  const problems: string[] = [];
  const out = documents.map((doc) => {
    if (!doc.annotations.some((a) => a.entity)) return doc;
    return {
      ...doc,
      annotations: doc.annotations.map((a) => {
        if (!a.entity) return a;
        const ours = byId.get(a.entity) ?? (findEntity(registry, a.entity) ? a.entity : undefined);
        if (ours === undefined) {
          problems.push(
            `"${doc.article.title ?? doc.article.source ?? doc.article.id ?? 'an article'}": annotation ${a.id} ("${a.quote.slice(0, 60)}") links the actor ${a.entity}, which neither the file's registry nor this workspace has`,
          );
          return a;
        }
        return ours === a.entity ? a : annotationWith(a, { entity: ours });
      }),
    };
  });
  return { documents: out, problems };
}

/** The linking report in words, one line per entity (the dialog and the CLI show these). */
export function describeActors(actors: readonly ImportedActor[]): string[] {
  return actors.map((a) => {
    if (a.how === 'same-id') return `Actor "${a.name}" (${a.theirs}) is your "${a.oursName}" (same id).`;
    if (a.how === 'matched')
      return `Actor "${a.name}" (${a.theirs}) was linked to your "${a.oursName}" (${a.ours}) by name: ${a.reason}, score ${a.score!.toFixed(2)}.`;
    if (a.how === 'chosen') return `Actor "${a.name}" (${a.theirs}) was linked to your "${a.oursName}" (${a.ours}), as you chose.`;
    if (a.declined) return `Actor "${a.name}" was added to the registry as ${a.ours} (you chose not to link it to your "${a.declined.name}").`;
    return `Actor "${a.name}" was added to the registry as ${a.ours}.`;
  });
}

/** The plan of an import not yet made, one line per entity in the future tense (the CLI's --dry-run and confirmation). */
export function describeActorPlan(actors: readonly ImportedActor[]): string[] {
  return actors.map((a) => {
    if (a.how === 'same-id') return `"${a.name}" (${a.theirs}) is your "${a.oursName}" (same id)`;
    if (a.how === 'matched')
      return `"${a.name}" (${a.theirs}) will be linked to your "${a.oursName}" (${a.ours}) by name: ${a.reason}, score ${a.score!.toFixed(2)}`;
    if (a.how === 'chosen') return `"${a.name}" (${a.theirs}) will be linked to your "${a.oursName}" (${a.ours}), as chosen`;
    if (a.declined) return `"${a.name}" (${a.theirs}) will be added as new (${a.ours}), not linked to your "${a.declined.name}"`;
    return `"${a.name}" (${a.theirs}) will be added as new (${a.ours})`;
  });
}

/**
 * What an export to `format` cannot carry of the actor registry, for `linked` spans that link an
 * entity: Lede JSON carries the entities whole; brat, W3C and JSONL the id and canonical name (an
 * import creates the entity from them, kind "other"); CSV the id and name as columns; CoNLL nothing.
 */
export function actorLinkLoss(format: string, label: string, linked: number): string | null {
  if (linked === 0 || format === 'lede') return null;
  const spans = `${linked} span${linked === 1 ? '' : 's'}`;
  if (format === 'conll') return `actor links of ${spans}: ${label} has no place for them; not exported`;
  return `actor links of ${spans}: ${label} carries each entity's id and canonical name only; its kind, aliases, properties, external id and note travel in Lede JSON`;
}
