import { createAndLink, linkMention, linkSameText, unlinkMention } from '../../core/actors/mention-edits';
import { addAlias, removeAlias, renameEntity, setEntityKind, setEntityNote, setEntityProperty, setExternalId } from '../../core/actors/registry-edits';
import type { ActorKind } from '../../core/actors/entity';
import type { ActorEditRequest } from '../../core/api';
import type { Edit } from '../../core/edits/commands';
import { nowIso } from '../../core/model/ids';
import type { Result } from '../../core/model/result';
import { backend } from './api';
import { useActors } from './actors-store';
import { perform, whenSaved } from './editor-history';
import { showError, useMessages } from './messages';
import { useWorkspace } from './workspace-store';

/**
 * The actor verbs (issue 15): linking spans to registry entities and editing the registry. Each
 * builds an Edit with the core builders and hands it to `perform`, so it is one undo step.
 */

/** The label id of actor spans: only these get an entity. */
export const ACTOR_LABEL = 'actor';

function run(built: Result<Edit>): boolean {
  if (!built.ok) {
    useMessages.getState().show('error', built.errors.map((e) => (typeof e === 'string' ? e : e.message)).join('; '));
    return false;
  }
  return perform(built.value);
}

function tell(text: string): void {
  useMessages.getState().show('info', text);
}

/** The selected span when it is an actor span of the open article. */
export function selectedActorSpan(annotationId: string | null) {
  const doc = useWorkspace.getState().doc;
  const span = annotationId ? doc?.annotations.find((a) => a.id === annotationId) : undefined;
  return doc && span && span.label === ACTOR_LABEL ? { doc, span } : null;
}

/** Links the span (and its unlinked same-text spans in the article) to an entity. */
export function linkToEntity(annotationId: string, entityId: string): boolean {
  const target = selectedActorSpan(annotationId);
  if (!target) return false;
  const registry = useActors.getState().registry;
  if (target.span.entity !== undefined) return run(linkMention(registry, target.doc, annotationId, entityId, nowIso()));
  const built = linkSameText(registry, target.doc, annotationId, entityId, nowIso());
  if (!built.ok) return run(built);
  if (!perform(built.value.edit)) return false;
  if (built.value.linked.length > 1) tell(`Linked ${built.value.linked.length} spans of “${target.span.quote}” in this article.`);
  return true;
}

/** Links the span to the entity Lede proposes for it (the `Y` key). */
export function acceptProposal(annotationId: string): boolean {
  const proposal = useActors.getState().proposal;
  if (!proposal || proposal.annotationId !== annotationId || !proposal.result.match) return false;
  return linkToEntity(annotationId, proposal.result.match.id);
}

/** A new entity named after the span, linked to it and its same-text spans (the `Shift+Y` key). */
export function createActorFor(annotationId: string, kind: ActorKind = 'person'): boolean {
  const target = selectedActorSpan(annotationId);
  if (!target) return false;
  const built = createAndLink(useActors.getState().registry, target.doc, annotationId, { kind }, nowIso(), { allowSameName: true });
  if (!built.ok) return run(built);
  return perform(built.value.edit);
}

/** Removes the span's link to its entity (the `U` key). */
export function unlinkActor(annotationId: string): boolean {
  const target = selectedActorSpan(annotationId);
  if (!target || target.span.entity === undefined) return false;
  return run(unlinkMention(target.doc, annotationId, nowIso()));
}

export function renameActor(id: string, name: string, keepOldAsAlias: boolean): boolean {
  return run(renameEntity(useActors.getState().registry, id, name, nowIso(), keepOldAsAlias));
}

export function setActorKind(id: string, kind: ActorKind): boolean {
  return run(setEntityKind(useActors.getState().registry, id, kind, nowIso()));
}

export function setActorNote(id: string, note: string): boolean {
  return run(setEntityNote(useActors.getState().registry, id, note, nowIso()));
}

export function setActorExternalId(id: string, externalId: string): boolean {
  return run(setExternalId(useActors.getState().registry, id, externalId.trim() === '' ? null : externalId.trim(), nowIso()));
}

/** Sets one of the analyst's own properties (role, affiliation, …); '' removes it. */
export function setActorProperty(id: string, key: string, value: string): boolean {
  return run(setEntityProperty(useActors.getState().registry, id, key, value, nowIso()));
}

export function addActorAlias(id: string, alias: string): boolean {
  return run(addAlias(useActors.getState().registry, id, alias, nowIso()));
}

export function removeActorAlias(id: string, alias: string): boolean {
  return run(removeAlias(useActors.getState().registry, id, alias, nowIso()));
}

/**
 * Merge, split and delete move spans in every article that mentions the entity: the backend
 * builds and applies them; the page then applies the same edit to what it holds and records it,
 * so undo sends its inverse through the normal path.
 */
export async function actorEditOnBackend(request: ActorEditRequest): Promise<boolean> {
  try {
    await whenSaved();
    const { edit } = await backend().api.actorEdit({ request });
    perform(edit, { alreadySaved: true });
    return true;
  } catch (error) {
    showError('That change to the registry could not be made', error);
    return false;
  }
}
