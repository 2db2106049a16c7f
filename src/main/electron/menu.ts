import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../core/api/menu';

export interface MenuActions {
  send(command: MenuCommand): void;
  openWorkspace(): void;
}

/**
 * The native menu. Actions that belong to the page (import, export, undo, find…) are sent to the
 * renderer as menu commands, so the menu, the keyboard and the buttons share one code path.
 * Undo/Redo are Lede's own (annotation edits), not the text-field defaults: the article is read-only.
 */
export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.send(command);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import Articles…', accelerator: 'CmdOrCtrl+O', click: send('importArticles') },
        { label: 'Import Annotations…', accelerator: 'CmdOrCtrl+Shift+O', click: send('importAnnotations') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+Alt+O', click: () => actions.openWorkspace() },
        { type: 'separator' },
        { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: send('settings') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { label: 'Quit', accelerator: 'Ctrl+Q', click: () => app.quit() },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: send('redo') },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Review…', accelerator: 'CmdOrCtrl+Shift+R', click: send('review') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      role: 'help',
      submenu: [{ label: 'Keyboard Shortcuts (?)', click: send('help') }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
