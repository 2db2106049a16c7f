import { useEffect } from 'react';
import type { MenuCommand } from '../../core/api';
import { backend } from '../state/api';
import { requestImportArticles } from './import-requests';
import { useView } from '../state/view-store';

type Handler = () => void;

const handlers = new Map<MenuCommand, Handler>([
  ['importArticles', requestImportArticles],
  ['review', () => useView.getState().toggleReview()],
]);

/** Lets a feature answer a menu command (the editor registers undo, redo, find…). */
export function handleMenuCommand(command: MenuCommand, handler: Handler): () => void {
  handlers.set(command, handler);
  return () => {
    if (handlers.get(command) === handler) handlers.delete(command);
  };
}

/** Routes the desktop menu's commands to whichever feature handles them. */
export function useMenuCommands(): void {
  useEffect(() => backend().onMenuCommand((command) => handlers.get(command)?.()), []);
}
