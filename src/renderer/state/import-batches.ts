/**
 * Article imports go to the host in batches, one request each, so the progress bar's count is
 * honest (a batch is done when the host says so) and Cancel is safe: it stops before the next
 * batch; what earlier batches added stays, complete. The bar itself is state/progress.ts.
 */

/** At most this many files, or this many bytes (whichever comes first), per request. */
export const BATCH_FILES = 10;
export const BATCH_BYTES = 8 * 1024 * 1024;

/** Splits files (by size) into consecutive batches; a file bigger than the byte budget goes alone. */
export function batches<T extends { size: number }>(files: readonly T[], maxFiles = BATCH_FILES, maxBytes = BATCH_BYTES): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= maxFiles || bytes + file.size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length) out.push(current);
  return out;
}
