import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { IPC_MENU_CHANNEL } from '../../core/api/methods';
import { ApiError, type MenuCommand } from '../../core/api';
import { createDispatcher } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { appRoot, resolveWorkspaceDir } from '../services/paths';
import { openWorkspace, type Workspace } from '../services/workspace';
import { bindApi } from './ipc';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSessions } from './security';
import { createMainWindow, preloadPath } from './window';
import { workspaceFlag } from './argv';

app.setName('Lede');
// Every renderer is sandboxed, whatever its web preferences say (must run before ready).
app.enableSandbox();
registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let workspace: Workspace | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Lede is running: it gets focus (second-instance below) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  const outDir = join(appRoot(), 'out');
  hardenSessions();
  serveRenderer(join(outDir, 'renderer'));
  workspace = await openWorkspace(resolveWorkspaceDir(workspaceFlag(process.argv), process.env), { mode: 'write' });
  bindApi(createDispatcher(createHandlers(() => requireWorkspace())), () => mainWindow);
  Menu.setApplicationMenu(buildMenu({ send: sendMenuCommand, openWorkspace: () => void chooseWorkspace() }));
  mainWindow = createMainWindow(preloadPath(outDir));
  mainWindow.on('closed', () => (mainWindow = null));
}

function requireWorkspace(): Workspace {
  if (!workspace) throw new ApiError('io', 'No workspace is open');
  return workspace;
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(IPC_MENU_CHANNEL, command);
}

async function chooseWorkspace(): Promise<void> {
  if (!mainWindow) return;
  const choice = await dialog.showOpenDialog(mainWindow, { title: 'Open workspace', properties: ['openDirectory', 'createDirectory'] });
  const dir = choice.filePaths[0];
  if (choice.canceled || !dir) return;
  try {
    const next = await openWorkspace(dir, { mode: 'write' });
    await workspace?.close();
    workspace = next;
    mainWindow.webContents.reload();
  } catch (error) {
    dialog.showErrorBox('Could not open that workspace', messageOf(error));
  }
}

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !workspace) return;
  // Let pending saves finish and release the workspace lock before the process ends.
  event.preventDefault();
  quitting = true;
  void workspace.close().finally(() => app.quit());
});

app.on('window-all-closed', () => app.quit());

function fail(error: unknown): void {
  dialog.showErrorBox('Lede could not start', messageOf(error));
  app.exit(1);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
