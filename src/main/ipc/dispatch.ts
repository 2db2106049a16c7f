import { z } from 'zod';
import { ApiError, apiArgs, isApiMethod, type ApiHandlers, type Envelope } from '../../core/api';
import { rawShapeProblem } from './raw-shape';

/**
 * The single entry point both transports (Electron IPC and the browser host's HTTP) call.
 * It knows nothing of either: it checks the method name, validates the argument against the
 * contract's schema, runs the handler and wraps the outcome in an envelope. No business logic.
 */
export type Dispatch = (method: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: ApiHandlers, onInternalError: (error: unknown) => void = logError): Dispatch {
  return async (method, rawArgs) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `There is no api method called "${truncate(method)}".` } };
    }
    const shapeProblem = rawShapeProblem(rawArgs);
    if (shapeProblem) return { ok: false, error: { code: 'invalid-argument', message: `Invalid argument for ${method}.`, details: [shapeProblem] } };
    const parsed = apiArgs[method].safeParse(rawArgs ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-argument', message: `Invalid argument for ${method}.`, details: describeIssues(parsed.error) } };
    }
    try {
      const handler = handlers[method] as (args: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toInfo() };
      onInternalError(error);
      return { ok: false, error: { code: 'internal', message: `Something went wrong in ${method}: ${messageOf(error)}` } };
    }
  };
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((issue) => `${issue.path.join('.') || '(argument)'}: ${issue.message}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function logError(error: unknown): void {
  console.error('[lede] internal error:', error);
}
