import { z } from 'zod';

/**
 * Progress and cancel for work that can take more than a second (an export, agreement over a big
 * workspace). The page names the task with an id of its own when it starts the work (the `task`
 * field of that method's arguments), then asks `taskProgress` while it waits and may call
 * `cancelTask`. Only work that changes nothing is cancellable this way, so a cancel is always
 * safe: the call ends with the error code `cancelled` and nothing is written.
 */
export const TaskIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a task id is 8–64 letters, digits, - or _');

export interface TaskProgress {
  /** What is being done now, e.g. "Reading articles", "Writing the files". */
  step: string;
  done: number;
  total: number;
  cancelled: boolean;
}

export const taskArgs = {
  taskProgress: z.object({ task: TaskIdSchema }).strict(),
  cancelTask: z.object({ task: TaskIdSchema }).strict(),
};

export interface TaskResults {
  /** null when no task has that id (not started yet, or finished). */
  taskProgress: TaskProgress | null;
  /** Whether a running task was asked to stop. */
  cancelTask: boolean;
}
