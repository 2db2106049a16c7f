import { create } from 'zustand';

/**
 * What the analyst is pointing at in the open article: the text selection (our own, in text
 * offsets — the article is read-only, so there is no editable caret to lean on), the selected
 * annotation, the popup that is open, and which annotation is flashing after a jump.
 */

/** A text selection; `anchor === focus` is a caret. Offsets are UTF-16 indexes into the text. */
export interface TextSelection {
  anchor: number;
  focus: number;
}

export type Popup =
  | { kind: 'none' }
  /** Label buttons next to the selected text (tagging) or for the selected annotation (relabel). */
  | { kind: 'labels'; purpose: 'tag' | 'relabel' }
  /** Several spans lie under a click: choose one. */
  | { kind: 'spans'; offset: number }
  /** Choose what to link the selected annotation to. */
  | { kind: 'link' };

export interface Filters {
  /** Label ids hidden from the sidebar and the text (empty: all shown). */
  hiddenLabels: string[];
  /** Authors (layers) hidden (empty: all shown). */
  hiddenAuthors: string[];
  /**
   * Show the review companions ("reviewed (rejected)": copies of what a review turned down)?
   * Off by default: they are no one's annotations, so they get no author chip, are not drawn and
   * are not counted, in the sidebar or the article list, until asked for.
   */
  showCompanions: boolean;
}

interface EditorState {
  selection: TextSelection | null;
  selectedId: string | null;
  popup: Popup;
  /** Bumped on every jump so the same annotation can flash twice in a row. */
  flash: { id: string; seq: number } | null;
  filters: Filters;
  /** Where the selection was last set from, so the view knows whether to scroll it into view. */
  selectionSource: 'mouse' | 'keyboard' | 'program';
  setSelection(selection: TextSelection | null, source?: EditorState['selectionSource']): void;
  select(id: string | null): void;
  openPopup(popup: Popup): void;
  closePopup(): void;
  flashAnnotation(id: string): void;
  setFilters(filters: Filters): void;
  /** Forget everything that belongs to the previous article. */
  reset(): void;
}

let flashSeq = 0;

export const useEditor = create<EditorState>((set) => ({
  selection: null,
  selectedId: null,
  popup: { kind: 'none' },
  flash: null,
  filters: { hiddenLabels: [], hiddenAuthors: [], showCompanions: false },
  selectionSource: 'program',
  setSelection: (selection, source = 'program') =>
    set((s) => (sameSelection(s.selection, selection) && s.selectionSource === source ? s : { selection, selectionSource: source })),
  select: (id) => set((s) => (s.selectedId === id ? s : { selectedId: id })),
  openPopup: (popup) => set({ popup }),
  closePopup: () => set((s) => (s.popup.kind === 'none' ? s : { popup: { kind: 'none' } })),
  flashAnnotation: (id) => set({ flash: { id, seq: ++flashSeq } }),
  setFilters: (filters) => set({ filters }),
  reset: () => set({ selection: null, selectedId: null, popup: { kind: 'none' }, flash: null }),
}));

export function sameSelection(a: TextSelection | null, b: TextSelection | null): boolean {
  return a === b || (a !== null && b !== null && a.anchor === b.anchor && a.focus === b.focus);
}

/** The selection as an ordered range, or null when it is empty. */
export function selectedRange(selection: TextSelection | null): { start: number; end: number } | null {
  if (!selection || selection.anchor === selection.focus) return null;
  return { start: Math.min(selection.anchor, selection.focus), end: Math.max(selection.anchor, selection.focus) };
}
