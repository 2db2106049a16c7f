import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_API_CHANNEL } from '../../core/api/methods';
import type { Dispatch } from '../ipc/dispatch';
import { isTrustedSender } from '../security/trusted-sender';
import { APP_ORIGIN } from './protocol';

/**
 * Binds the api channel to the shared dispatcher. Every message's sender is checked: it must be
 * the main frame of Lede's own window, showing Lede's own origin. Anything else is refused
 * without reaching a handler.
 */
export function bindApi(dispatch: Dispatch, mainWindow: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_API_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(senderFacts(event, mainWindow()), APP_ORIGIN)) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not call the Lede api' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknown-method', message: 'The method name must be a string' } };
    return dispatch(method, args);
  });
}

function senderFacts(event: IpcMainInvokeEvent, window: BrowserWindow | null) {
  const frame = event.senderFrame;
  return {
    fromMainWindow: Boolean(window && event.sender === window.webContents),
    fromMainFrame: Boolean(window && frame && frame === window.webContents.mainFrame),
    frameUrl: frame?.url ?? '',
  };
}
