import type { ApiHandlers } from '../../../core/api';
import type { Workspace } from '../../services/workspace';
import { actorHandlers } from './actors';
import { articleHandlers } from './articles';
import { reviewHandlers } from './review';
import { exchangeHandlers } from './exchange';
import { taskHandlers } from './tasks';

/** The handler table both transports share: one entry per method of the contract. */
export function createHandlers(workspace: () => Workspace): ApiHandlers {
  return {
    ...articleHandlers(workspace),
    ...reviewHandlers(workspace),
    ...exchangeHandlers(workspace),
    ...actorHandlers(workspace),
    ...taskHandlers(),
  };
}
