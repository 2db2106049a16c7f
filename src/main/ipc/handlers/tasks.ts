import type { ApiHandlers } from '../../../core/api';
import type { taskArgs } from '../../../core/api/tasks';
import { cancelTask, taskProgress } from '../../services/tasks';

type TaskHandlers = Pick<ApiHandlers, keyof typeof taskArgs>;

/** Progress and cancel of long tasks (services/tasks.ts). */
export function taskHandlers(): TaskHandlers {
  return {
    taskProgress: async ({ task }) => taskProgress(task),
    cancelTask: async ({ task }) => cancelTask(task),
  };
}
