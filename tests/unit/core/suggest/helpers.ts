import { computeSuggestions } from '../../../../src/core/suggest/compute';
import type { KnownName, Suggestion, SuggestOptions } from '../../../../src/core/suggest/types';

/** All suggestions of a text, failing the test on an error result. */
export function suggestionsOf(text: string, known: KnownName[] = [], options: SuggestOptions = {}): Suggestion[] {
  const r = computeSuggestions({ text, known }, options);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}

export function quotesOf(text: string, known: KnownName[] = [], options: SuggestOptions = {}): Suggestion[] {
  return suggestionsOf(text, known, options).filter((s) => s.kind === 'quote');
}

/** The covered texts of a suggestion's fragments. */
export function parts(text: string, s: Suggestion): string[] {
  return s.fragments.map((f) => text.slice(f.start, f.end));
}

export function spanText(text: string, f: { start: number; end: number } | undefined): string | undefined {
  return f ? text.slice(f.start, f.end) : undefined;
}
