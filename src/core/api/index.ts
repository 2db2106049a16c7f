import type { z } from 'zod';
import { articleArgs, type ArticleResults } from './articles';

export * from './contract';
export type { WorkspaceInfo, ImportArticlesReport, SearchHit } from './articles';

/**
 * The one contract between the UI and the backend. Every feature area adds its methods here;
 * the Electron preload, the IPC binding, the browser host and its client all derive from it.
 */
export const apiArgs = {
  ...articleArgs,
};

export type ApiResults = ArticleResults;

export type ApiMethod = keyof typeof apiArgs & keyof ApiResults;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;
export type ApiParsedArgs<M extends ApiMethod> = z.output<(typeof apiArgs)[M]>;

/** What the renderer holds: one async function per method. */
export type LedeApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResults[M]> };

/** What the backend implements: one handler per method, given validated arguments. */
export type ApiHandlers = { [M in ApiMethod]: (args: ApiParsedArgs<M>) => Promise<ApiResults[M]> };

export const API_METHODS = Object.keys(apiArgs) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiArgs, name);
}

/**
 * Commands the desktop menu sends to the window (the browser host has no menu; the same actions
 * are on keys and buttons there).
 */
export const MENU_COMMANDS = ['importArticles', 'importAnnotations', 'export', 'undo', 'redo', 'find', 'settings', 'help', 'review'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What the preload exposes on `window.lede`, and the browser client imitates. */
export interface LedeBridge {
  api: LedeApi;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** 'desktop' in Electron, 'web' in the browser host. */
  shell: 'desktop' | 'web';
}
