import { backend } from '../state/api';

/** Whether Mod means Cmd (macOS) or Ctrl. */
export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/** Keys as this computer writes them: "Mod+Shift+F" → "Ctrl+Shift+F", or "⌘⇧F" on a Mac. */
export function keysForHere(keys: string): string {
  if (!IS_MAC) return keys.replace(/Mod/g, 'Ctrl');
  return keys
    .replace(/Mod\+/g, '⌘')
    .replace(/Shift\+/g, '⇧')
    .replace(/Alt\+/g, '⌥');
}

/**
 * The " (keys)" a tooltip ends with, or nothing where the keys do not work: shortcuts that only the
 * desktop app's menu has (the browser keeps Ctrl+O, Ctrl+E, Ctrl+Shift+R… for itself) are not
 * promised in the browser.
 */
export function keyHint(keys: string, where: 'everywhere' | 'desktop' = 'everywhere'): string {
  if (where === 'desktop' && backend().shell !== 'desktop') return '';
  return ` (${keysForHere(keys)})`;
}
