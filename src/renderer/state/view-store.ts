import { create } from 'zustand';

/** Which main view the window shows: the annotation editor, the review of two layers, or the actor registry. */
export type MainView = 'editor' | 'review' | 'actors';

interface ViewState {
  view: MainView;
  setView(view: MainView): void;
  toggleReview(): void;
}

export const useView = create<ViewState>((set) => ({
  view: 'editor',
  setView: (view) => set({ view }),
  toggleReview: () => set((s) => ({ view: s.view === 'review' ? 'editor' : 'review' })),
}));
