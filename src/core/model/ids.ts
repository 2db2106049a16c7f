/**
 * Stable random identifiers. `crypto.randomUUID` exists in every runtime Lede targets (Node 20,
 * Chromium, Electron), but src/core is compiled without DOM or Node typings, so it is reached
 * through a narrow structural type instead of a platform import.
 */
interface RandomSource {
  randomUUID(): string;
}

export function newId(prefix: string): string {
  const source = (globalThis as unknown as { crypto: RandomSource }).crypto;
  return `${prefix}_${source.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** ISO-8601 timestamp with milliseconds, in UTC: the form every stored time takes. */
export function nowIso(): string {
  return new Date().toISOString();
}
