import { create } from 'zustand';
import type { AgreementDisagreements, AgreementFigure } from '../../core/api';
import type { AgreementReport } from '../../core/agreement/report';
import { backend } from './api';
import { showError } from './messages';
import { Cancelled, tracked } from './progress';
import { reviewableLayers, useReview } from './review-store';
import { useWorkspace } from './workspace-store';

/**
 * The agreement panel's state: the layers measured (two or more), the figures for them over the
 * review's scope, and the disagreements behind the figure last clicked. Figures are computed on
 * the backend, where every article is.
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

export const useAgreement = create<AgreementState>((set, get) => ({
  layers: [],
  report: null,
  computedFor: null,
  loading: false,
  cancelled: false,
  figure: null,
  disagreements: null,
  heatmap: { metric: 'instance', label: null },
  setLayers: (layers) => set({ layers }),
  setHeatmap: (heatmap) => set({ heatmap }),
  async load() {
    const layers = get().layers;
    const key = scopeKey(layers);
    if (new Set(layers).size < 2) {
      set({ report: null, computedFor: key, figure: null, disagreements: null });
      return;
    }
    set({ loading: true, cancelled: false });
    try {
      const articleIds = scopeIds();
      const report = await tracked('Agreement', 'articles', (task) => backend().api.agreementReport({ layers, task, ...(articleIds ? { articleIds } : {}) }));
      if (scopeKey(get().layers) === key) set({ report, computedFor: key, figure: null, disagreements: null });
    } catch (error) {
      set({ report: null, computedFor: key });
      if (error instanceof Cancelled) set({ cancelled: true });
      else showError('Could not compute the agreement figures', error);
    } finally {
      set({ loading: false });
    }
  },
  retry: () => set({ computedFor: null, cancelled: false }),
  async showFigure(figure, title) {
    const layers = get().layers;
    set({ figure: { figure, title }, disagreements: null });
    try {
      const articleIds = scopeIds();
      const disagreements = await backend().api.agreementDisagreements({ layers, figure, limit: 500, ...(articleIds ? { articleIds } : {}) });
      if (get().figure?.figure === figure) set({ disagreements });
    } catch (error) {
      showError('Could not list the disagreements', error);
    }
  },
}));

/** Layers measured on first opening the panel: every layer but the reviewed one when that leaves two, else every layer. */
export function defaultAgreementLayers(): string[] {
  const all = reviewableLayers();
  const reviewed = useReview.getState().reviewed;
  const without = all.filter((l) => l !== reviewed);
  return without.length >= 2 ? without : all;
}
