import type { z } from 'zod';

/**
 * How the api is described: each method has a zod schema for its argument (checked on the
 * backend, whichever transport the call came through) and a TypeScript result type.
 */
export type ArgSchemas = Record<string, z.ZodType>;

/** What every transport returns: a value, or an error the UI can show as it is. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo };

export interface ApiErrorInfo {
  /** `invalid-argument`, `not-found`, `conflict`, `io`, `locked`, `unknown-method`, `internal`. */
  code: string;
  message: string;
  /** Itemised problems (e.g. per file or per line), when there are several. */
  details?: string[];
}

/** Thrown by services for errors the analyst should read; anything else reports as `internal`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toInfo(): ApiErrorInfo {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

/** A file handed across the api: its name (no directory) and its bytes in base64. */
export interface FilePayload {
  name: string;
  base64: string;
  /** Where the file sits in a chosen folder ('/'-separated, relative, validated); annotation imports only. */
  path?: string;
}

/** The browser host's transport: `POST /api/<method>` with the session token in this header. */
export const WEB_API_PREFIX = '/api/';
export const WEB_TOKEN_HEADER = 'x-lede-token';
/** The query parameter that carries the token in the URL the host prints. */
export const WEB_TOKEN_PARAM = 'token';
