import { findEntity } from '../../../core/actors/entity';
import { deleteEntity, mergeEntities, splitMentions } from '../../../core/actors/mention-edits';
import type { MatchResult } from '../../../core/actors/names/matcher';
import { entityCounts, linkedEntityIds, mentionsOf } from '../../../core/actors/queries';
import type { ActorDetail, ActorEditRequest, ActorList } from '../../../core/api/actors';
import { ApiError } from '../../../core/api/contract';
import type { Edit } from '../../../core/edits/commands';
import { nowIso } from '../../../core/model/ids';
import { formatProblem, type Result } from '../../../core/model/result';
import type { Workspace } from '../workspace';

/** The actor registry's questions and its cross-article edits, over the open workspace. */

/** Every entity, in id order, with its mention and article counts. */
export async function listActors(ws: Workspace): Promise<ActorList> {
  const counts = entityCounts(await ws.docsMentioning(...(await ws.mentionIndex()).linkedEntities()));
  return { entities: ws.actors().entities.map((e) => ({ ...e, mentions: counts.get(e.id)?.mentions ?? 0, articles: counts.get(e.id)?.articles ?? 0 })) };
}

/** One entity and every span that names it, across articles. */
export async function getActor(ws: Workspace, id: string): Promise<ActorDetail> {
  const entity = findEntity(ws.actors(), id);
  if (!entity) throw new ApiError('not-found', `There is no actor ${id} in the registry.`);
  return { entity, mentions: mentionsOf(await ws.docsMentioning(id), id) };
}

/** What each name most likely is; an article gives context (entities it already links win ties on a bare surname). */
export async function matchActorNames(ws: Workspace, names: readonly string[], articleId?: string, author?: string): Promise<MatchResult[]> {
  const context = articleId === undefined ? undefined : linkedEntityIds(await ws.getDoc(articleId), author);
  const matcher = ws.actorMatcher();
  return names.map((name) => matcher.match(name, context ? { context } : {}));
}

/** Builds a merge, split or delete from every article that mentions the entities, and applies it. */
export async function actorEdit(ws: Workspace, request: ActorEditRequest): Promise<{ edit: Edit; savedAt: string }> {
  const now = nowIso();
  const registry = ws.actors();
  let built: Result<Edit>;
  if (request.op === 'merge') {
    built = mergeEntities(registry, await ws.docsMentioning(request.keepId, request.goneId), request.keepId, request.goneId, now);
  } else if (request.op === 'split') {
    const split = splitMentions(
      registry,
      await ws.docsMentioning(request.sourceId),
      request.sourceId,
      request.mentions,
      { name: request.name, ...(request.kind ? { kind: request.kind } : {}) },
      now,
    );
    built = split.ok ? { ok: true, value: split.value.edit } : split;
  } else {
    built = deleteEntity(registry, await ws.docsMentioning(request.id), request.id, now);
  }
  if (!built.ok) throw new ApiError('invalid-argument', `${formatProblem(built.errors[0]!)} Nothing was changed.`, built.errors.map(formatProblem));
  const { savedAt } = await ws.applyEdit(built.value);
  return { edit: built.value, savedAt };
}
