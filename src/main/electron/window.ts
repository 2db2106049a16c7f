import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { APP_ORIGIN } from './protocol';
import { loadWindowState, trackWindowState } from './window-state';

/**
 * Lede's one window. The web preferences are the hardened set from Electron's checklist and are
 * spelled out even where they are the defaults, so a reviewer (and electronegativity) sees them.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const userData = app.getPath('userData');
  const state = loadWindowState(userData);
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width ?? 1280,
    height: state.height ?? 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Lede',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // No Blink features are enabled; middle-click (auxclick) is disabled so it cannot open links.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, userData);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

export function preloadPath(outDir: string): string {
  return join(outDir, 'preload', 'index.cjs');
}
