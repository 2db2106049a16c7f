import type { ApiHandlers } from '../../../core/api';
import type { reviewArgs } from '../../../core/api/review';
import { figureDisagreements } from '../../services/review/figure-disagreements';
import { reviewOverview } from '../../services/review/review-overview';
import { checkLayers, workspaceAgreement, workspaceDocuments } from '../../services/review/workspace-agreement';
import type { Workspace } from '../../services/workspace';

type ReviewHandlers = Pick<ApiHandlers, keyof typeof reviewArgs>;

/** Binds the review methods of the contract to the open workspace. */
export function reviewHandlers(workspace: () => Workspace): ReviewHandlers {
  return {
    reviewOverview: async (layers) => reviewOverview(workspace(), layers),
    agreementReport: async ({ layers, articleIds, task }) => workspaceAgreement(workspace(), layers, articleIds, task),
    agreementDisagreements: async ({ layers, articleIds, figure, limit }) => {
      const ws = workspace();
      const checked = await checkLayers(ws, layers, articleIds);
      return figureDisagreements(await workspaceDocuments(ws, articleIds, checked), checked, figure, limit);
    },
  };
}
