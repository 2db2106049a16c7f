import { create } from 'zustand';

/** Which of the window's dialogs and panels is open. */
export type Panel = 'none' | 'help' | 'settings';

interface PanelState {
  panel: Panel;
  /** Bumped to ask the cross-article search box to take focus. */
  searchFocusSeq: number;
  /** Bumped to ask the note field of the selected annotation to take focus (key N). */
  noteFocusSeq: number;
  /** The article list as a drawer over the text, on windows too narrow for three panes (app.css). */
  articlesDrawer: boolean;
  /**
   * An article whose opening leaves the drawer as it is: the one that opens after the open article
   * was deleted from the drawer (the analyst is still working there).
   */
  drawerStaysFor: string | null;
  setArticlesDrawer(open: boolean): void;
  open(panel: Panel): void;
  close(): void;
  focusSearch(): void;
  focusNote(): void;
}

export const usePanels = create<PanelState>((set) => ({
  panel: 'none',
  searchFocusSeq: 0,
  noteFocusSeq: 0,
  articlesDrawer: false,
  drawerStaysFor: null,
  setArticlesDrawer: (articlesDrawer) => set({ articlesDrawer }),
  open: (panel) => set({ panel }),
  close: () => set({ panel: 'none' }),
  focusSearch: () => set((s) => ({ searchFocusSeq: s.searchFocusSeq + 1, articlesDrawer: true })),
  focusNote: () => set((s) => ({ noteFocusSeq: s.noteFocusSeq + 1 })),
}));
