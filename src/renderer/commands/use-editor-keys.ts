import { useEffect } from 'react';
import { useEditor } from '../state/editor-store';
import { usePanels } from '../state/ui-panels';
import { useWorkspace } from '../state/workspace-store';
import { currentView } from '../state/editor-view';
import { handleMenuCommand } from './use-menu-commands';
import { boundaryKey, findCommand, labelKey, moveInText, redoCommand, runShortcut, typingInField, undoCommand } from './editor-commands';
import { shortcutFor } from './shortcuts';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/** Shortcuts that work whether or not the article editor is on screen. */
const EVERYWHERE = new Set(['undo', 'redo', 'help', 'settings']);

/** True while a modal dialog (help, settings) is open: it owns the keyboard then. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * One keydown listener for the whole window. Shortcuts are matched against the list in
 * shortcuts.ts and run only in their scope: 'text' needs the article text focused, 'page' any
 * focus outside text fields, 'global' works everywhere. Also answers the desktop menu's
 * undo/redo/find/settings/help commands with the same functions.
 */
export function useEditorKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const shortcut = shortcutFor(e, IS_MAC);
      const inField = typingInField(e.target);
      const inText = currentView()?.dom.container === document.activeElement;
      // With another view in front (review), only the shortcuts that are not about the open article apply.
      if (!currentView() && !(shortcut && EVERYWHERE.has(shortcut.id))) return;
      if (shortcut?.scope === 'global') {
        if (runShortcut(shortcut.id)) e.preventDefault();
        return;
      }
      if (inField || dialogOpen()) return;
      if (shortcut && shortcut.scope === 'text') {
        if (!inText) return;
        if (shortcut.id === 'pick') {
          if (runShortcut('pick')) e.preventDefault();
          return;
        }
        moveInText(e.key, e.shiftKey, (e.ctrlKey || e.altKey) && !e.metaKey);
        e.preventDefault();
        return;
      }
      if (shortcut?.id === 'boundary-end' || shortcut?.id === 'boundary-start') {
        if (boundaryKey(e.key)) e.preventDefault();
        else if (inText) {
          // No annotation selected: Alt+Shift+arrow is the text's own extend-by-word / line.
          moveInText(e.key, true, true);
          e.preventDefault();
        }
        return;
      }
      if (shortcut && shortcut.scope === 'page') {
        if (runShortcut(shortcut.id)) e.preventDefault();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) return;
      const schema = useWorkspace.getState().info?.labelSchema;
      const label = schema?.labels.find((l) => l.key !== '' && l.key.toLowerCase() === e.key.toLowerCase());
      if (!label) return;
      const editor = useEditor.getState();
      const relabelling = editor.popup.kind === 'labels' && editor.popup.purpose === 'relabel' ? editor.selectedId : null;
      labelKey(label.id, relabelling);
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = [
      handleMenuCommand('undo', undoCommand),
      handleMenuCommand('redo', redoCommand),
      handleMenuCommand('find', findCommand),
      handleMenuCommand('settings', () => usePanels.getState().open('settings')),
      handleMenuCommand('help', () => usePanels.getState().open('help')),
    ];
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      for (const u of unsubscribe) u();
    };
  }, []);
}
