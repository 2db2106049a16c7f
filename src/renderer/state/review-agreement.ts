import { create } from 'zustand';
import type { AgreementDisagreements, AgreementFigure } from '../../core/api';
import type { AgreementReport } from '../../core/agreement/report';
import { backend } from './api';
import { showError } from './messages';
import { Cancelled, tracked } from './progress';
import { reportHasFigure } from './review-agreement-figure';
import { reviewableLayers, useReview } from './review-store';
import { useWorkspace } from './workspace-store';

/**
 * The agreement panel's state: the layers measured (two or more), the figures for them over the
 * review's scope, and the disagreements behind the figure last clicked. Figures are computed on
 * the backend, where every article is.
 *
 * The figure clicked is the analyst's choice, kept by what it measures (its kind, pair, label,
 * document), not by the table it was clicked in: ticking a layer recomputes the figures, and a
 * click on the figures still shown while that runs is a choice of the figure the new ones will
 * have. So the choice outlives the recompute, and its disagreements are listed from the new
 * figures once they arrive (reportHasFigure: unless the new figures lack it, when it is cleared).
 */
export type HeatmapMetric = 'instance' | 'token' | 'kappa' | 'link';

interface AgreementState {
  layers: string[];
  report: AgreementReport | null;
  /** What the report was computed for, to say so and to recompute when it changes. */
  computedFor: string | null;
  loading: boolean;
  /** The last computation was cancelled by the analyst (the panel offers to compute again). */
  cancelled: boolean;
  figure: { figure: AgreementFigure; title: string } | null;
  /** Behind `figure`, for the layers measured and the report shown; null while they are asked for. */
  disagreements: AgreementDisagreements | null;
  heatmap: { metric: HeatmapMetric; label: string | null };
  setLayers(layers: string[]): void;
  setHeatmap(heatmap: AgreementState['heatmap']): void;
  load(): Promise<void>;
  /** Computes again what was cancelled. */
  retry(): void;
  showFigure(figure: AgreementFigure, title: string): Promise<void>;
}

function scopeIds(): string[] | undefined {
  const { scope } = useReview.getState();
  const id = useWorkspace.getState().currentId;
  return scope === 'article' && id ? [id] : undefined;
}

export function scopeKey(layers: readonly string[]): string {
  return JSON.stringify([layers, scopeIds() ?? 'all']);
}

/**
 * Counters of the requests sent, so that only the latest one's answer is used: a recompute started
 * for layers since changed, or a list asked for a figure or layers since left, is dropped.
 */
let latestLoad = 0;
let latestList = 0;

export const useAgreement = create<AgreementState>((set, get) => {
  /** Whether the report shown is the one for the layers and scope now chosen (else a recompute is due or under way). */
  const reportIsCurrent = () => get().report !== null && get().computedFor === scopeKey(get().layers);

  /** Asks for the disagreements behind the chosen figure, for the layers and scope now chosen. */
  async function listDisagreements(): Promise<void> {
    const chosen = get().figure;
    if (!chosen) return;
    const request = ++latestList;
    try {
      const articleIds = scopeIds();
      const disagreements = await backend().api.agreementDisagreements({
        layers: get().layers,
        figure: chosen.figure,
        limit: 500,
        ...(articleIds ? { articleIds } : {}),
      });
      if (request === latestList) set({ disagreements });
    } catch (error) {
      if (request === latestList) showError('Could not list the disagreements', error);
    }
  }

  /** Drops the list shown (it was for other layers or another figure) and any answer still to come for it. */
  const dropList = () => {
    latestList++;
    set({ disagreements: null });
  };

  return {
    layers: [],
    report: null,
    computedFor: null,
    loading: false,
    cancelled: false,
    figure: null,
    disagreements: null,
    heatmap: { metric: 'instance', label: null },
    setLayers(layers) {
      set({ layers });
      dropList();
    },
    setHeatmap: (heatmap) => set({ heatmap }),
    async load() {
      const layers = get().layers;
      const key = scopeKey(layers);
      const request = ++latestLoad;
      dropList();
      if (new Set(layers).size < 2) {
        set({ report: null, computedFor: key, figure: null, loading: false });
        return;
      }
      set({ loading: true, cancelled: false });
      const isLatest = () => request === latestLoad && scopeKey(get().layers) === key;
      try {
        const articleIds = scopeIds();
        const report = await tracked('Agreement', 'articles', (task) => backend().api.agreementReport({ layers, task, ...(articleIds ? { articleIds } : {}) }));
        if (!isLatest()) return;
        // The figure chosen before or during the recompute stays chosen if the new figures have it.
        const chosen = get().figure;
        const kept = chosen && reportHasFigure(report, chosen.figure) ? chosen : null;
        set({ report, computedFor: key, figure: kept });
        if (kept) void listDisagreements();
      } catch (error) {
        if (!isLatest()) return;
        set({ report: null, computedFor: key, figure: null });
        if (error instanceof Cancelled) set({ cancelled: true });
        else showError('Could not compute the agreement figures', error);
      } finally {
        if (request === latestLoad) set({ loading: false });
      }
    },
    retry: () => set({ computedFor: null, cancelled: false }),
    async showFigure(figure, title) {
      set({ figure: { figure, title } });
      dropList();
      // Clicked while the figures are recomputed: listed when they arrive, from them (load).
      if (reportIsCurrent()) await listDisagreements();
    },
  };
});

/** Layers measured on first opening the panel: every layer but the reviewed one when that leaves two, else every layer. */
export function defaultAgreementLayers(): string[] {
  const all = reviewableLayers();
  const reviewed = useReview.getState().reviewed;
  const without = all.filter((l) => l !== reviewed);
  return without.length >= 2 ? without : all;
}
