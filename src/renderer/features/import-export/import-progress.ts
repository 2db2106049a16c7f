import { create } from 'zustand';

/**
 * Progress of a long article import, shown by ImportProgress.tsx. The files go to the host in
 * batches, one request each, so the count is honest (a batch is done when the host says so), and
 * Cancel is safe: it stops before the next batch; what earlier batches added stays, complete.
 */
export interface ImportProgressState {
  /** null when no import of more than one batch is running. */
  running: { done: number; total: number; cancelled: boolean } | null;
  start(total: number): void;
  advance(done: number): void;
  cancel(): void;
  finish(): void;
}

export const useImportProgress = create<ImportProgressState>((set) => ({
  running: null,
  start: (total) => set({ running: { done: 0, total, cancelled: false } }),
  advance: (done) => set((s) => (s.running ? { running: { ...s.running, done } } : s)),
  cancel: () => set((s) => (s.running ? { running: { ...s.running, cancelled: true } } : s)),
  finish: () => set({ running: null }),
}));

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
