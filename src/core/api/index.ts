import type { z } from 'zod';
import { actorArgs, type ActorResults } from './actors';
import { articleArgs, type ArticleResults } from './articles';
import { reviewArgs, type ReviewResults } from './review';
import { exchangeArgs, type ExchangeResults } from './exchange';
import { taskArgs, type TaskResults } from './tasks';
import type { Envelope } from './contract';
import type { ApiMethodName, ReadMethodName } from './methods';
import type { MenuCommand } from './menu';
import { articleDocFromWire, type ArticleDocOnWire } from './article-wire';

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

/**
 * The results whose form on the transports differs from what a caller gets (article-wire.ts):
 * the handlers return this form, and the page's api client decodes it (decodeResult).
 */
interface EncodedResults {
  getArticle: ArticleDocOnWire;
}

/** Each result as the transports carry it. */
export type ApiWireResults = Omit<ApiResults, keyof EncodedResults> & EncodedResults;

const RESULT_DECODERS: { [M in keyof EncodedResults]: (wire: EncodedResults[M]) => ApiResults[M] } = {
  getArticle: articleDocFromWire,
};

/** A method's result as a caller gets it, from the form the transports carried. */
export function decodeResult<M extends ApiMethod>(method: M, wire: ApiWireResults[M]): ApiResults[M] {
  const decode = (RESULT_DECODERS as Partial<Record<ApiMethod, (value: unknown) => unknown>>)[method];
  return (decode ? decode(wire) : wire) as ApiResults[M];
}

/** What the renderer holds: one async function per method. */
export type LedeApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResults[M]> };

/** What the backend implements: one handler per method, given validated arguments, answering in the transports' form. */
export type ApiHandlers = { [M in ApiMethod]: (args: ApiParsedArgs<M>) => Promise<ApiWireResults[M]> };

/** The transports' form of the api: every call resolves to an envelope, never throws across the bridge. */
export type EnvelopeApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<Envelope<ApiWireResults[M]>> };

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
