/**
 * Stable random identifiers: a prefix and 20 hex digits (80 random bits). The bits come from the
 * platform's CSPRNG (`crypto.getRandomValues`, in every runtime Lede targets: Node 20, Chromium,
 * Electron), drawn a pool at a time: an import mints 100,000 ids, and one `randomUUID` call, its
 * dashes stripped, per id cost ~0.2 s of it. src/core is compiled without DOM or Node typings, so
 * the source is reached through a narrow structural type instead of a platform import.
 */
interface RandomSource {
  getRandomValues(array: Uint8Array): Uint8Array;
}

const ID_BYTES = 10;
const pool = new Uint8Array(ID_BYTES * 1024);
let used = pool.length;
/** The id's hex digits as character codes, turned into one flat string at once. */
const digits = new Array<number>(ID_BYTES * 2);
const HEX = '0123456789abcdef';

export function newId(prefix: string): string {
  if (used + ID_BYTES > pool.length) {
    (globalThis as unknown as { crypto: RandomSource }).crypto.getRandomValues(pool);
    used = 0;
  }
  for (let i = 0; i < ID_BYTES; i++) {
    const byte = pool[used++]!;
    digits[2 * i] = HEX.charCodeAt(byte >> 4);
    digits[2 * i + 1] = HEX.charCodeAt(byte & 15);
  }
  // Each byte is used once: the pool is refilled before any is drawn again.
  return `${prefix}_${String.fromCharCode(...digits)}`;
}

/** ISO-8601 timestamp with milliseconds, in UTC: the form every stored time takes. */
export function nowIso(): string {
  return new Date().toISOString();
}
