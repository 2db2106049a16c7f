import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_API_CHANNEL } from '../../core/api/methods';
import type { Dispatch } from '../ipc/dispatch';
import { APP_ORIGIN } from './protocol';

/**
 * Binds the api channel to the shared dispatcher. Every message's sender is checked: it must be
 * the main frame of Lede's own window, showing Lede's own origin. Anything else is refused
 * without reaching a handler.
 */
export function bindApi(dispatch: Dispatch, mainWindow: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_API_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event, mainWindow())) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not call the Lede api' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknown-method', message: 'The method name must be a string' } };
    return dispatch(method, args);
  });
}

function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!window || !frame || event.sender !== window.webContents) return false;
  if (frame !== window.webContents.mainFrame) return false;
  try {
    // Node's URL gives "null" as the origin of non-special schemes, so compare scheme and host.
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
