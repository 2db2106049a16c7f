import { create } from 'zustand';
import type { ReviewOverview } from '../../core/api';
import { isRejectedLayer } from '../../core/review/ids';
import { backend } from './api';
import { showError } from './messages';
import { useWorkspace } from './workspace-store';

/**
 * What the Review view is set to: the two layers compared, the reviewed layer decisions go
 * into, whether it covers one article or the whole workspace, the item in focus, and the
 * workspace-wide progress last read from the backend. The review itself lives in the documents
 * (src/core/review): nothing here needs saving.
 */
export type ReviewScope = 'article' | 'workspace';
export type ItemFilter = 'differences' | 'open' | 'all';
export type ReviewTab = 'adjudicate' | 'agreement';

interface ReviewState {
  layerA: string;
  layerB: string;
  reviewed: string;
  scope: ReviewScope;
  filter: ItemFilter;
  tab: ReviewTab;
  currentItemId: string | null;
  /** True while the edit form for the current item is open. */
  editing: boolean;
  overview: ReviewOverview | null;
  setLayers(layers: Partial<Pick<ReviewState, 'layerA' | 'layerB' | 'reviewed'>>): void;
  setScope(scope: ReviewScope): void;
  setFilter(filter: ItemFilter): void;
  setTab(tab: ReviewTab): void;
  focusItem(id: string | null): void;
  setEditing(editing: boolean): void;
  refreshOverview(): Promise<void>;
}

export const DEFAULT_REVIEWED_LAYER = 'reviewed';

export const useReview = create<ReviewState>((set, get) => ({
  layerA: '',
  layerB: '',
  reviewed: DEFAULT_REVIEWED_LAYER,
  scope: 'article',
  filter: 'differences',
  tab: 'adjudicate',
  currentItemId: null,
  editing: false,
  overview: null,
  setLayers: (layers) => {
    set({ ...layers, currentItemId: null, editing: false });
    void get().refreshOverview();
  },
  setScope: (scope) => set({ scope }),
  setFilter: (filter) => set({ filter }),
  setTab: (tab) => set({ tab, editing: false }),
  focusItem: (id) => set((s) => (s.currentItemId === id ? s : { currentItemId: id, editing: false })),
  setEditing: (editing) => set({ editing }),
  async refreshOverview() {
    const { layerA, layerB, reviewed } = get();
    if (!layerA || !layerB || layerA === layerB || !reviewed.trim()) {
      set({ overview: null });
      return;
    }
    try {
      const overview = await backend().api.reviewOverview({ layerA, layerB, reviewed });
      const now = get();
      if (now.layerA === layerA && now.layerB === layerB && now.reviewed === reviewed) set({ overview });
    } catch (error) {
      showError('Could not read the review progress', error);
    }
  },
}));

/** Every layer in the workspace an analyst can compare: rejected companions are kept in the data but not offered. */
export function reviewableLayers(): string[] {
  const layers = new Set<string>();
  for (const a of useWorkspace.getState().articles) for (const [author, n] of Object.entries(a.authors)) if (n > 0 && !isRejectedLayer(author)) layers.add(author);
  return [...layers].sort((x, y) => x.localeCompare(y));
}

/**
 * Sensible layers on first opening: A is the analyst's own layer when it exists, B the first other
 * layer that is not a reviewed one. Leaves a choice the analyst already made alone.
 */
export function chooseDefaultLayers(): void {
  const review = useReview.getState();
  const layers = reviewableLayers();
  if (review.layerA && review.layerB && layers.includes(review.layerA) && layers.includes(review.layerB)) return;
  const me = useWorkspace.getState().info?.settings.analystName ?? '';
  const candidates = layers.filter((l) => l !== review.reviewed);
  const a = candidates.includes(me) ? me : (candidates[0] ?? '');
  const b = candidates.find((l) => l !== a) ?? '';
  review.setLayers({ layerA: a, layerB: b });
}
