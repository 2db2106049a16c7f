/**
 * The names the suggestion rules should recognise everywhere (issue 16, "known actors"): every
 * entity of the actor registry by its canonical name and each alias, with its id; and the text of
 * every actor already tagged in the workspace, with the entity it is linked to when it is. Each
 * mention of one of them becomes an actor suggestion carrying that entity (known-names.ts).
 *
 * Structural types only, so the page and the worker can use this without the registry's schemas.
 */
import { ACTOR_LABEL } from './as-layer';
import type { KnownName } from './types';

export interface RegistryNames {
  entities: readonly { id: string; name: string; aliases: readonly string[] }[];
}

export interface TaggedActors {
  annotations: readonly { label: string; quote: string; entity?: string; author: string }[];
}

/** Known names, without repeats, in a stable order: registry names first, then tagged texts. `skipAuthor` leaves a layer out (the `suggested` one). */
export function knownNamesOf(registry: RegistryNames | null | undefined, docs: readonly TaggedActors[], skipAuthor?: string): KnownName[] {
  const out: KnownName[] = [];
  const seen = new Set<string>();
  const add = (name: string, entityId: string | undefined) => {
    const trimmed = name.trim();
    if (trimmed.length < 2) return;
    const key = `${entityId ?? ''}\u0000${trimmed}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(entityId === undefined ? { name: trimmed } : { name: trimmed, entityId });
  };
  for (const e of registry?.entities ?? []) {
    add(e.name, e.id);
    for (const alias of e.aliases) add(alias, e.id);
  }
  const entityIds = new Set((registry?.entities ?? []).map((e) => e.id));
  const tagged: KnownName[] = [];
  for (const doc of docs) {
    for (const a of doc.annotations) {
      if (a.label !== ACTOR_LABEL || a.author === skipAuthor) continue;
      // A link to an entity the registry no longer has is no link.
      tagged.push({ name: a.quote, ...(a.entity !== undefined && (!registry || entityIds.has(a.entity)) ? { entityId: a.entity } : {}) });
    }
  }
  tagged.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : (x.entityId ?? '') < (y.entityId ?? '') ? -1 : 1));
  for (const t of tagged) add(t.name, t.entityId);
  return out;
}
