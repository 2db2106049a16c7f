/**
 * Every keyboard shortcut of the editor, in ONE place: the key handler matches against these,
 * the help overlay (`?`) lists them, and the README's shortcut table is copied from
 * `shortcutsMarkdown()` (a unit test fails when the README lacks one).
 *
 * `Mod` is Cmd on macOS and Ctrl elsewhere. Label keys come from the label schema (Settings).
 */

export type Section =
  'Tagging' | 'Suggestions' | 'Moving and selecting in the text' | 'Annotations' | 'Links' | 'Actors' | 'Find and search' | 'Undo' | 'General';

/** One way to press a shortcut. `mod`: Ctrl or Cmd; `word`: Ctrl or Alt (word-wise movement). */
export interface KeyChord {
  key: string;
  mod?: boolean;
  shift?: boolean;
  word?: boolean;
  /** Plain Ctrl only (Ctrl+Y for redo), whatever the platform. */
  ctrl?: boolean;
  /** Alt (Option) and no Ctrl/Cmd: chosen over a `word` chord that Alt would also match. */
  alt?: boolean;
}

export interface Shortcut {
  id: string;
  section: Section;
  /** How the keys are written in the help and the README, e.g. "Mod+Z". */
  keys: string[];
  description: string;
  /** What the handler matches; absent for shortcuts whose keys come from data (label keys) or that live in one widget. */
  chords?: KeyChord[];
  /** Where it works: the article text must have focus ('text'), anywhere outside text fields ('page'), or anywhere ('global'). */
  scope: 'text' | 'page' | 'global' | 'widget';
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'tag',
    section: 'Tagging',
    keys: ['1', '2', '3', '4'],
    scope: 'page',
    description: 'Tag the selected text with the label on that key (by default 1 Claim, 2 Quote, 3 Actor, 4 Event; keys are set per label in Settings)',
  },
  {
    id: 'add-fragment',
    section: 'Tagging',
    keys: ['F'],
    chords: [{ key: 'f' }],
    scope: 'page',
    description: 'Add the selected text as another fragment of the selected annotation (a quote interrupted by “he said”)',
  },
  {
    id: 'suggestions',
    section: 'Suggestions',
    keys: ['Shift+S'],
    chords: [{ key: 's', shift: true }],
    scope: 'page',
    description: 'Show or hide suggested quotes, speakers and actors (dashed underline; they are not annotations until accepted)',
  },
  {
    id: 'next-suggestion',
    section: 'Suggestions',
    keys: ['Shift+J'],
    chords: [{ key: 'j', shift: true }],
    scope: 'page',
    description: 'Go to the next suggestion (its rule and score show in the sidebar)',
  },
  {
    id: 'previous-suggestion',
    section: 'Suggestions',
    keys: ['Shift+K'],
    chords: [{ key: 'k', shift: true }],
    scope: 'page',
    description: 'Go to the previous suggestion',
  },
  {
    id: 'accept-suggestion',
    section: 'Suggestions',
    keys: ['Shift+A'],
    chords: [{ key: 'a', shift: true }],
    scope: 'page',
    description: 'Accept the current suggestion: a quote becomes an annotation linked to its speaker (the speaker is tagged too)',
  },
  {
    id: 'reject-suggestion',
    section: 'Suggestions',
    keys: ['Shift+R'],
    chords: [{ key: 'r', shift: true }],
    scope: 'page',
    description: 'Reject the current suggestion; it does not come back for this article',
  },
  {
    id: 'accept-all-suggestions',
    section: 'Suggestions',
    keys: ['Shift+Y'],
    chords: [{ key: 'y', shift: true }],
    scope: 'page',
    description: 'Yes to all: accept every open suggestion of the current one’s kind in this article (one undo step)',
  },
  {
    id: 'move-char',
    section: 'Moving and selecting in the text',
    keys: ['←', '→'],
    chords: [{ key: 'ArrowLeft' }, { key: 'ArrowRight' }],
    scope: 'text',
    description: 'Move the caret one character',
  },
  {
    id: 'move-word',
    section: 'Moving and selecting in the text',
    keys: ['Ctrl+← / →', 'Alt+← / →'],
    chords: [
      { key: 'ArrowLeft', word: true },
      { key: 'ArrowRight', word: true },
    ],
    scope: 'text',
    description: 'Move the caret one word',
  },
  {
    id: 'move-line',
    section: 'Moving and selecting in the text',
    keys: ['↑', '↓'],
    chords: [{ key: 'ArrowUp' }, { key: 'ArrowDown' }],
    scope: 'text',
    description: 'Move the caret one line',
  },
  {
    id: 'move-line-edge',
    section: 'Moving and selecting in the text',
    keys: ['Home', 'End'],
    chords: [{ key: 'Home' }, { key: 'End' }],
    scope: 'text',
    description: 'Move the caret to the start or end of the line',
  },
  {
    id: 'extend-char',
    section: 'Moving and selecting in the text',
    keys: ['Shift+← / →'],
    chords: [
      { key: 'ArrowLeft', shift: true },
      { key: 'ArrowRight', shift: true },
    ],
    scope: 'text',
    description: 'Extend the selection one character',
  },
  {
    id: 'extend-word',
    section: 'Moving and selecting in the text',
    keys: ['Shift+Ctrl+← / →'],
    chords: [
      { key: 'ArrowLeft', shift: true, word: true },
      { key: 'ArrowRight', shift: true, word: true },
    ],
    scope: 'text',
    description: 'Extend the selection one word (Shift+Alt+← / → too while no annotation is selected)',
  },
  {
    id: 'extend-line',
    section: 'Moving and selecting in the text',
    keys: ['Shift+↑ / ↓', 'Shift+Home / End'],
    chords: [
      { key: 'ArrowUp', shift: true },
      { key: 'ArrowDown', shift: true },
      { key: 'Home', shift: true },
      { key: 'End', shift: true },
    ],
    scope: 'text',
    description: 'Extend the selection by a line, or to the line’s start or end',
  },
  { id: 'next', section: 'Annotations', keys: ['J'], chords: [{ key: 'j' }], scope: 'page', description: 'Select the next annotation (scrolls to it)' },
  { id: 'previous', section: 'Annotations', keys: ['K'], chords: [{ key: 'k' }], scope: 'page', description: 'Select the previous annotation' },
  {
    id: 'pick',
    section: 'Annotations',
    keys: ['Enter'],
    chords: [{ key: 'Enter' }],
    scope: 'text',
    description: 'Select the annotation at the caret; press again to move out through nested spans',
  },
  {
    id: 'relabel',
    section: 'Annotations',
    keys: ['E'],
    chords: [{ key: 'e' }],
    scope: 'page',
    description: 'Edit the label of the selected annotation (then press a label key or click)',
  },
  {
    id: 'note',
    section: 'Annotations',
    keys: ['N'],
    chords: [{ key: 'n' }],
    scope: 'page',
    description: 'Edit the note of the selected annotation (Escape or Ctrl/Cmd+Enter returns to the text)',
  },
  {
    id: 'boundary-end',
    section: 'Annotations',
    keys: ['Alt+Shift+← / →'],
    chords: [
      { key: 'ArrowLeft', shift: true, alt: true },
      { key: 'ArrowRight', shift: true, alt: true },
    ],
    scope: 'page',
    description:
      'With an annotation selected: move its end one word left or right (one character with snapping off in Settings); one undo step each. Or drag the handle at its end (Alt while dropping: no snapping)',
  },
  {
    id: 'boundary-start',
    section: 'Annotations',
    keys: ['Alt+Shift+↑ / ↓'],
    chords: [
      { key: 'ArrowUp', shift: true, alt: true },
      { key: 'ArrowDown', shift: true, alt: true },
    ],
    scope: 'page',
    description: 'With an annotation selected: move its start one word earlier (↑) or later (↓), as for the end. Or drag the handle at its start',
  },
  {
    id: 'delete',
    section: 'Annotations',
    keys: ['Delete', 'Backspace'],
    chords: [{ key: 'Delete' }, { key: 'Backspace' }],
    scope: 'page',
    description: 'Delete the selected annotation and its links',
  },
  {
    id: 'escape',
    section: 'Annotations',
    keys: ['Escape'],
    chords: [{ key: 'Escape' }],
    scope: 'page',
    description: 'Close the open popup, else clear the text selection, else deselect the annotation',
  },
  {
    id: 'link',
    section: 'Links',
    keys: ['L'],
    chords: [{ key: 'l' }],
    scope: 'page',
    description: 'Link the selected annotation: choose its speaker, source or participant (↑/↓, type to filter, Enter), or click the span in the text',
  },
  {
    id: 'actor-accept',
    section: 'Actors',
    keys: ['Shift+P'],
    chords: [{ key: 'p', shift: true }],
    scope: 'page',
    description: 'With an actor span selected: link it to the actor Lede proposes (and its other unlinked same-text spans in the article)',
  },
  {
    id: 'actor-new',
    section: 'Actors',
    keys: ['Shift+N'],
    chords: [{ key: 'n', shift: true }],
    scope: 'page',
    description: 'With an actor span selected: make a new actor named after it and link it',
  },
  {
    id: 'actor-unlink',
    section: 'Actors',
    keys: ['Shift+U'],
    chords: [{ key: 'u', shift: true }],
    scope: 'page',
    description: 'With an actor span selected: remove its link to its actor',
  },
  {
    id: 'find',
    section: 'Find and search',
    keys: ['Mod+F'],
    chords: [{ key: 'f', mod: true }],
    scope: 'global',
    description: 'Find in the article; Enter / Shift+Enter (or F3 / Shift+F3) for the next / previous match; Escape selects the match',
  },
  {
    id: 'search',
    section: 'Find and search',
    keys: ['Mod+Shift+F'],
    chords: [{ key: 'f', mod: true, shift: true }],
    scope: 'global',
    description: 'Search all articles; click a result to open it at the match (in a window narrower than 1180 px this opens the Articles drawer)',
  },
  {
    id: 'undo',
    section: 'Undo',
    keys: ['Mod+Z'],
    chords: [{ key: 'z', mod: true }],
    scope: 'page',
    description: 'Undo the last change (in a text field: undo typing)',
  },
  {
    id: 'redo',
    section: 'Undo',
    keys: ['Mod+Shift+Z', 'Ctrl+Y'],
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', ctrl: true },
    ],
    scope: 'page',
    description: 'Redo',
  },
  {
    id: 'help',
    section: 'General',
    keys: ['?'],
    chords: [{ key: '?', shift: true }, { key: '?' }],
    scope: 'page',
    description: 'Show or hide this list of shortcuts',
  },
  {
    id: 'settings',
    section: 'General',
    keys: ['Mod+,'],
    chords: [{ key: ',', mod: true }],
    scope: 'global',
    description: 'Settings: your name, snapping to words, light or dark (System follows the OS), the label schema',
  },
];

/**
 * The Review view's own keys (its Differences tab). While the Review view is shown they are read
 * before the editor's, so the editor's keys never act on an article the analyst cannot see.
 */
export const REVIEW_KEYS: readonly { keys: string; what: string }[] = [
  { keys: 'J', what: 'next difference' },
  { keys: 'K', what: 'previous difference' },
  { keys: 'N / ⇧N', what: 'next / previous open difference' },
  { keys: 'A', what: 'take A’s version: its annotation, its note and attributes, or its link (a link’s missing ends come with it)' },
  { keys: 'B', what: 'take B’s version, as A does for A' },
  { keys: 'C', what: 'combine: both annotations of a boundary or label difference; both notes and every attribute of a note / attribute difference' },
  { keys: 'R', what: 'reject: neither version goes into the reviewed layer' },
  { keys: 'E', what: 'edit the reviewed annotation' },
  { keys: 'O', what: 'reopen (withdraw the decision)' },
  { keys: '⇧A', what: 'accept all agreed' },
  { keys: 'Mod+Z / Mod+⇧Z', what: 'undo / redo' },
];

/** A key event, reduced to what matching needs (so matching is testable without a DOM). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function matches(chord: KeyChord, e: KeyPress, isMac: boolean): boolean {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (chord.key.length === 1 ? e.key.toLowerCase() !== chord.key.toLowerCase() : e.key !== chord.key) return false;
  // '?' needs Shift on most layouts: it only has to be the typed character.
  if (chord.key !== '?' && Boolean(chord.shift) !== e.shiftKey) return false;
  if (chord.ctrl) return e.ctrlKey && !e.metaKey && !e.altKey;
  if (chord.alt) return e.altKey && !e.ctrlKey && !e.metaKey;
  // Shift+Alt+arrows belong to the boundary keys (they fall back to extending the selection).
  if (chord.word) return (e.ctrlKey || (e.altKey && !chord.shift)) && !e.metaKey;
  if (Boolean(chord.mod) !== mod) return false;
  return chord.mod ? !e.altKey : !e.ctrlKey && !e.metaKey && !e.altKey;
}

/** The shortcut a key press means in the given scope, if any. */
export function shortcutFor(e: KeyPress, isMac: boolean): Shortcut | undefined {
  const hits = SHORTCUTS.filter((s) => s.chords?.some((c) => matches(c, e, isMac)));
  return hits.find((s) => s.chords?.some((c) => c.alt && matches(c, e, isMac))) ?? hits[0];
}

/** The shortcut table in Markdown, as the README has it. */
export function shortcutsMarkdown(): string {
  const lines = ['| Keys | What it does |', '| --- | --- |'];
  for (const s of SHORTCUTS) lines.push(`| ${s.keys.map((k) => `\`${k}\``).join(', ')} | ${s.description} |`);
  lines.push('', 'In the Review view (Differences tab):', '', '| Keys | What it does |', '| --- | --- |');
  for (const k of REVIEW_KEYS) lines.push(`| \`${k.keys}\` | ${k.what} |`);
  lines.push('', '`Mod` is Cmd on macOS and Ctrl elsewhere.');
  return lines.join('\n');
}

/**
 * Single keys the editor uses on its own: a label cannot take one of these as its key. Chords
 * with Shift (the suggestion keys) reserve nothing: the plain letter stays free for a label, and
 * since shortcuts are matched first, Shift+that letter is the shortcut. So no label schema saved
 * before the suggestion keys existed loses a key.
 */
export const RESERVED_LABEL_KEYS: readonly string[] = [
  ...new Set(
    SHORTCUTS.flatMap((s) => s.chords ?? [])
      .filter((c) => c.key.length === 1 && !c.mod && !c.ctrl && !c.word && (!c.shift || c.key === '?'))
      .map((c) => c.key),
  ),
];
