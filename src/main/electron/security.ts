import { app, session, shell, dialog, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { externalLinkTarget } from '../security/external-links';
import { APP_ORIGIN } from './protocol';

/**
 * Electron's security checklist, applied to every web contents Lede creates (see SECURITY.md):
 * no navigation away from the app, no new windows, no <webview>, every permission denied, the CSP
 * on every response. Links the analyst clicks open in the system browser only for http(s) and
 * mailto, and only after they confirm.
 */
export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // WebHID, WebUSB, Web Serial and Bluetooth devices are never offered to the page.
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void offerExternal(url);
    return { action: 'deny' };
  });
}

async function offerExternal(url: string): Promise<void> {
  const target = externalLinkTarget(url);
  if (!target) return;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link outside Lede?',
    detail: target,
  });
  if (response === 0) await shell.openExternal(target);
}
