import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHOD_NAMES, IPC_API_CHANNEL, IPC_MENU_CHANNEL } from '../core/api/methods';
import type { LedeBridge } from '../core/api';
import { MENU_COMMANDS, type MenuCommand } from '../core/api/menu';

/**
 * Exposes exactly the api contract on `window.lede`: one function per method, each forwarding its
 * argument over a single IPC channel, plus a subscription to menu commands. Nothing from Electron
 * or Node reaches the page.
 */
const api = Object.fromEntries(
  API_METHOD_NAMES.map((method) => [method, (args: unknown) => ipcRenderer.invoke(IPC_API_CHANNEL, method, args ?? {})]),
) as unknown as LedeBridge['api'];

const bridge: LedeBridge = {
  api,
  shell: 'desktop',
  onMenuCommand(listener) {
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(IPC_MENU_CHANNEL, forward);
    return () => ipcRenderer.removeListener(IPC_MENU_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('lede', bridge);
