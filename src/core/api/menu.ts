/**
 * Commands the desktop menu sends to the window (the browser host has no menu; the same actions
 * are on keys and buttons there).
 */
export const MENU_COMMANDS = ['importArticles', 'importAnnotations', 'export', 'undo', 'redo', 'find', 'settings', 'help', 'review'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
