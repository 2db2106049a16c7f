import { create } from 'zustand';
import type { ReviewOverview } from '../../core/api';
import type { Decision } from '../../core/review/decide';
import type { KeptFields } from '../../core/review/rules';
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

/**
 * Said beside the item in focus: why a key could not apply, or what pressing it again will do
 * (`offer`: the decision the same key then makes, e.g. a link taken with its ends).
 */
export interface ItemNotice {
  itemId: string;
  text: string;
  offer?: Decision;
}

/** Taking one side of a pair that brings in the other side's note or attributes: shown to confirm first. */
export interface PendingAccept {
  itemId: string;
  kind: 'acceptA' | 'acceptB';
  /** The note and attributes the reviewed copy will get, as the reviewer has them in the form. */
  fields: KeptFields;
}

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
  notice: ItemNotice | null;
  pending: PendingAccept | null;
  overview: ReviewOverview | null;
  setLayers(layers: Partial<Pick<ReviewState, 'layerA' | 'layerB' | 'reviewed'>>): void;
  setScope(scope: ReviewScope): void;
  setFilter(filter: ItemFilter): void;
  setTab(tab: ReviewTab): void;
  focusItem(id: string | null): void;
  setEditing(editing: boolean): void;
  setNotice(notice: ItemNotice | null): void;
  setPending(pending: PendingAccept | null): void;
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
  notice: null,
  pending: null,
  overview: null,
  setLayers: (layers) => {
    set({ ...layers, currentItemId: null, editing: false, notice: null, pending: null });
    void get().refreshOverview();
  },
  setScope: (scope) => set({ scope }),
  setFilter: (filter) => set({ filter }),
  setTab: (tab) => set({ tab, editing: false, pending: null }),
  focusItem: (id) => set((s) => (s.currentItemId === id ? s : { currentItemId: id, editing: false, notice: null, pending: null })),
  setEditing: (editing) => set({ editing, notice: null, pending: null }),
  setNotice: (notice) => set({ notice }),
  setPending: (pending) => set({ pending, notice: null }),
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
  for (const a of useWorkspace.getState().articles)
    for (const [author, n] of Object.entries(a.authors)) if (n > 0 && !isRejectedLayer(author)) layers.add(author);
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
