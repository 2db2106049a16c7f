import { ApiError } from '../../core/api/contract';
import type { TaskProgress } from '../../core/api/tasks';

/**
 * The running long tasks (core/api/tasks.ts), by the id the page gave them. A task counts its
 * steps as it goes and checks between them whether it was cancelled; only work that writes
 * nothing runs as a task, so stopping it anywhere is safe. An entry lives while its work runs.
 */
const running = new Map<string, TaskProgress>();

export interface Task {
  /** Starts a step of `total` units ("Reading articles", 120). */
  step(name: string, total: number): void;
  /** One more unit done; throws `cancelled` when the page asked to stop. */
  advance(): void;
  /** Throws `cancelled` when the page asked to stop. */
  check(): void;
}

/** A task nobody watches: what services get when the caller named none (the CLI, tests). */
export const NO_TASK: Task = { step() {}, advance() {}, check() {} };

/**
 * Runs `work` as the task `id` (untracked when the caller gave none); `what` names it in the
 * cancel message ("The export was cancelled; nothing was written.").
 */
export async function runTask<T>(id: string | undefined, what: string, work: (task: Task) => Promise<T>): Promise<T> {
  if (id === undefined) return work(NO_TASK);
  if (running.has(id)) throw new ApiError('conflict', `A task with id ${id} is already running.`);
  const state: TaskProgress = { step: 'Starting', done: 0, total: 0, cancelled: false };
  running.set(id, state);
  const check = () => {
    if (state.cancelled) throw new ApiError('cancelled', `${what} was cancelled; nothing was written.`);
  };
  try {
    return await work({
      step(name, total) {
        check();
        Object.assign(state, { step: name, total, done: 0 });
      },
      advance() {
        check();
        state.done = Math.min(state.total, state.done + 1);
      },
      check,
    });
  } finally {
    running.delete(id);
  }
}

export function taskProgress(id: string): TaskProgress | null {
  const state = running.get(id);
  return state ? { ...state } : null;
}

export function cancelTask(id: string): boolean {
  const state = running.get(id);
  if (!state || state.cancelled) return false;
  state.cancelled = true;
  return true;
}
