import type { ApiHandlers } from '../../../core/api';
import type { actorArgs } from '../../../core/api/actors';
import { actorEdit, getActor, listActors, matchActorNames } from '../../services/actors/actors';
import { workspaceKnownNames } from '../../services/suggest/suggest-articles';
import type { Workspace } from '../../services/workspace';

type ActorHandlers = Pick<ApiHandlers, keyof typeof actorArgs>;

/** Binds the actor registry's methods of the contract to the open workspace. */
export function actorHandlers(workspace: () => Workspace): ActorHandlers {
  return {
    listActors: async () => listActors(workspace()),
    getActor: async ({ id }) => getActor(workspace(), id),
    matchActorNames: async ({ names, articleId, author }) => matchActorNames(workspace(), names, articleId, author),
    actorEdit: async ({ request }) => actorEdit(workspace(), request),
    knownActorNames: async () => ({ names: await workspaceKnownNames(workspace()) }),
  };
}
