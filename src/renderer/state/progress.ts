import { create } from 'zustand';
import { ApiCallError } from '../bridge/api-client';
import { backend } from './api';

/**
 * The one progress bar (features/import-export/ImportProgress.tsx shows it) for work that can
 * take more than a second: importing many files (the page counts its batches), exporting and
 * agreement over a big workspace (the host counts, core/api/tasks.ts). Cancel is offered only
 * where it is safe: an import stops before its next batch; an export or agreement writes nothing.
 */
export interface Running {
  /** "Importing articles", "Exporting · Reading articles". */
  title: string;
  done: number;
  /** 0 while the count is not known (the bar then shows activity only). */
  total: number;
  /** What is counted: "files", "articles". */
  unit: string;
  cancelled: boolean;
  /** Shown once Cancel was pressed, until the work has stopped. */
  stopping: string;
  /**
   * Started from a modal dialog, which shows the bar itself: the rest of the page is inert
   * under a modal, so a bar in the corner could not be cancelled.
   */
  inDialog?: boolean;
}

interface ProgressState {
  running: Running | null;
  /** What Cancel does besides marking the work cancelled (ask the host to stop). */
  onCancel: (() => void) | null;
  start(running: Omit<Running, 'cancelled' | 'done'> & { done?: number }, onCancel?: () => void): void;
  update(changes: Partial<Pick<Running, 'title' | 'done' | 'total' | 'unit'>>): void;
  cancel(): void;
  finish(): void;
}

export const useProgress = create<ProgressState>((set, get) => ({
  running: null,
  onCancel: null,
  start: (running, onCancel) => set({ running: { done: 0, ...running, cancelled: false }, onCancel: onCancel ?? null }),
  update: (changes) => set((s) => (s.running ? { running: { ...s.running, ...changes } } : s)),
  cancel: () => {
    const { running, onCancel } = get();
    if (!running || running.cancelled) return;
    set({ running: { ...running, cancelled: true } });
    onCancel?.();
  },
  finish: () => set({ running: null, onCancel: null }),
}));

/** Thrown by `tracked` when the analyst cancelled: callers say so instead of reporting an error. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** A quick task shows no bar at all: only one still running after this long. */
const SHOW_AFTER_MS = 400;
const POLL_MS = 250;

/**
 * Runs a host task that reports progress (`run` passes the id on as the method's `task`), with
 * the bar and Cancel once it takes longer than a moment. A cancelled task rejects with `Cancelled`
 * — also when the host had already finished (its result is dropped: the task wrote nothing).
 */
export async function tracked<T>(title: string, unit: string, run: (task: string) => Promise<T>, options: { inDialog?: boolean } = {}): Promise<T> {
  const task = `task-${crypto.randomUUID()}`;
  const { api } = backend();
  let cancelled = false;
  let finished = false;
  let poll: ReturnType<typeof setTimeout> | undefined;
  const step = async () => {
    if (finished) return;
    try {
      const p = await api.taskProgress({ task });
      if (p && !finished) useProgress.getState().update({ title: `${title} · ${p.step}`, done: p.done, total: p.total });
    } catch {
      // A progress question that fails changes nothing: the work itself still reports its end.
    }
    if (!finished) poll = setTimeout(() => void step(), POLL_MS);
  };
  const show = setTimeout(() => {
    if (finished) return;
    useProgress.getState().start({ title, total: 0, unit, stopping: 'Stopping…', ...options }, () => {
      cancelled = true;
      void api.cancelTask({ task }).catch(() => undefined);
    });
    void step();
  }, SHOW_AFTER_MS);
  try {
    const value = await run(task);
    if (cancelled) throw new Cancelled();
    return value;
  } catch (error) {
    if (cancelled || (error instanceof ApiCallError && error.info.code === 'cancelled')) throw new Cancelled();
    throw error;
  } finally {
    finished = true;
    clearTimeout(show);
    clearTimeout(poll);
    if (useProgress.getState().running) useProgress.getState().finish();
  }
}
