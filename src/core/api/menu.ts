import type { EnvelopeApi } from './index';

/**
 * Commands the desktop menu sends to the window (the browser host has no menu; the same actions
 * are on keys and buttons there).
 */
export const MENU_COMMANDS = ['importArticles', 'importAnnotations', 'export', 'undo', 'redo', 'find', 'settings', 'help', 'review'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What the preload exposes on `window.lede`, and the browser client imitates. */
export interface LedeBridge {
  api: EnvelopeApi;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** 'desktop' in Electron, 'web' in the browser host. */
  shell: 'desktop' | 'web';
}
