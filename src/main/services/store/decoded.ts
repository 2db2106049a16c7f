import type { z } from 'zod';

/** The outcome of decoding one stored file: its value and the format it was in, or what is wrong. */
export type Decoded<T> = { ok: true; value: T; fromVersion: number } | { ok: false; problem: string; tooNew?: boolean };

/** The first zod issue, as a phrase that follows the file's name: "x.json does not match…". */
export function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match the expected format';
  return `does not match the expected format at ${issue.path.join('.') || '(top level)'}: ${issue.message}`;
}
