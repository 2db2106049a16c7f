import { create } from 'zustand';
import { findInText, type TextMatch } from '../../core/search/text-search';

/** Find in the open article: the query, its matches and which one is current. */
interface FindState {
  open: boolean;
  query: string;
  matches: TextMatch[];
  current: number;
  /** Bumped to ask the find box to take focus (Ctrl/Cmd+F while it is already open). */
  focusSeq: number;
  show(): void;
  hide(): void;
  search(text: string, query: string): void;
  step(direction: 1 | -1): TextMatch | null;
  /** Makes the match at or after `offset` current (a new query starts from where the analyst is). */
  startFrom(offset: number): void;
}

/** More matches than this are not listed; the count says so. */
export const FIND_LIMIT = 5000;

export const useFind = create<FindState>((set, get) => ({
  open: false,
  query: '',
  matches: [],
  current: 0,
  focusSeq: 0,
  show: () => set((s) => ({ open: true, focusSeq: s.focusSeq + 1 })),
  hide: () => set({ open: false, matches: [], current: 0 }),
  search: (text, query) => set({ query, matches: findInText(text, query, FIND_LIMIT, 0), current: 0 }),
  step(direction) {
    const { matches, current } = get();
    if (matches.length === 0) return null;
    const next = (current + direction + matches.length) % matches.length;
    set({ current: next });
    return matches[next] ?? null;
  },
  startFrom(offset) {
    const index = get().matches.findIndex((m) => m.start >= offset);
    set({ current: index < 0 ? 0 : index });
  },
}));
