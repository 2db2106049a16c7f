import type { z } from 'zod';
import { actorArgs, type ActorResults } from './actors';
import { articleArgs, type ArticleResults } from './articles';
import { reviewArgs, type ReviewResults } from './review';
import { exchangeArgs, type ExchangeResults } from './exchange';
import { taskArgs, type TaskResults } from './tasks';
import type { Envelope } from './contract';
import type { ApiMethodName, ReadMethodName } from './methods';
import type { MenuCommand } from './menu';

export * from './contract';
export type { TaskProgress } from './tasks';
export type { ActorDetail, ActorEditRequest, ActorList, ActorRow } from './actors';
export type { WorkspaceInfo, ImportArticlesReport, SearchHit, SearchResults, TrashedArticle } from './articles';
export type { AgreementDisagreement, AgreementDisagreements, AgreementFigure, ArticleReviewSummary, ReviewOverview } from './review';

/**
 * The one contract between the UI and the backend. Every feature area adds its methods here;
 * the Electron preload, the IPC binding, the browser host and its client all derive from it.
 */
export const apiArgs = {
  ...articleArgs,
  ...reviewArgs,
  ...exchangeArgs,
  ...actorArgs,
  ...taskArgs,
};

export type ApiResults = ArticleResults & ReviewResults & ExchangeResults & ActorResults & TaskResults;

export type ApiMethod = keyof typeof apiArgs & keyof ApiResults;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;
export type ApiParsedArgs<M extends ApiMethod> = z.output<(typeof apiArgs)[M]>;

/** What the renderer holds: one async function per method. */
export type LedeApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResults[M]> };

/** What the backend implements: one handler per method, given validated arguments. */
export type ApiHandlers = { [M in ApiMethod]: (args: ApiParsedArgs<M>) => Promise<ApiResults[M]> };

/** The transports' form of the api: every call resolves to an envelope, never throws across the bridge. */
export type EnvelopeApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<Envelope<ApiResults[M]>> };

export { API_METHOD_NAMES, API_METHODS, isReadMethod } from './methods';
export type { ReadMethodName };

/** Compile-time proof that the plain method table in methods.ts names exactly the contract's methods. */
type Unlisted = Exclude<ApiMethod, ApiMethodName>;
type NotInContract = Exclude<ApiMethodName, ApiMethod>;
const methodTableIsComplete: [Unlisted] extends [never] ? true : never = true;
const methodTableHasNoStray: [NotInContract] extends [never] ? true : never = true;
void methodTableIsComplete;
void methodTableHasNoStray;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiArgs, name);
}

export { MENU_COMMANDS, type MenuCommand } from './menu';

/** What the preload exposes on `window.lede`, and the browser client imitates. */
export interface LedeBridge {
  api: EnvelopeApi;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** 'desktop' in Electron, 'web' in the browser host. */
  shell: 'desktop' | 'web';
}
