/**
 * Computes suggestions off the main thread, so typing and scrolling never wait for the rules or
 * compromise. Loaded on demand (the first time suggestions are shown); compromise's name cache
 * lives as long as the worker, so recomputing after an edit is cheap.
 */
import { suggest, type KnownName } from '../../../core/suggest';

export interface SuggestRequest {
  seq: number;
  text: string;
  known: KnownName[];
}

self.onmessage = (e: MessageEvent<SuggestRequest>) => {
  const { seq, text, known } = e.data;
  try {
    const r = suggest({ text, known });
    self.postMessage(r.ok ? { seq, suggestions: r.value } : { seq, error: r.errors.map((p) => p.message).join('; ') });
  } catch (error) {
    self.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
  }
};
