/**
 * One thing wrong with some input, located as precisely as the input allows so the analyst can
 * find it: the file, the line (1-based) and the field or annotation concerned.
 */
export interface Problem {
  message: string;
  file?: string;
  line?: number;
  field?: string;
  annotation?: string;
}

/** Parse, don't throw: every fallible core operation returns one of these. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: Problem[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(...errors: (Problem | string)[]): Result<T> {
  return { ok: false, errors: errors.map((e) => (typeof e === 'string' ? { message: e } : e)) };
}

/** "file:line field: message", the one-line form used in reports and CLI output. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? String(p.line) : undefined].filter(Boolean).join(':');
  const what = [p.field, p.annotation ? `annotation ${p.annotation}` : undefined].filter(Boolean).join(' ');
  const prefix = [where, what].filter(Boolean).join(' ');
  return prefix ? `${prefix}: ${p.message}` : p.message;
}
