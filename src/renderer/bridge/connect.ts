import type { LedeApi, LedeBridge, MenuCommand } from '../../core/api';
import { unwrapApi } from './api-client';
import { createWebBridge, type HostEvents } from './web-bridge';

declare global {
  interface Window {
    /** Set by the desktop preload; absent in the browser host. */
    lede?: LedeBridge;
  }
}

export interface Connection {
  api: LedeApi;
  shell: 'desktop' | 'web';
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The desktop preload's bridge when there is one, otherwise the browser host's HTTP client (which reports `events`). */
export function connect(events?: HostEvents): Connection {
  const bridge = window.lede ?? createWebBridge(window.location, events);
  return { api: unwrapApi(bridge.api), shell: bridge.shell, onMenuCommand: (l) => bridge.onMenuCommand(l) };
}
