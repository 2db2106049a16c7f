/**
 * Quote, speaker and actor suggestions (issue 16). `suggest` is the entry point: it runs every
 * rule with compromise as the name finder. `computeSuggestions` is the same without the NLP
 * library, for callers that pass their own finder or none. See README.md beside this file.
 */
import type { Result } from '../model/result';
import { computeSuggestions } from './compute';
import { compromiseNameFinder } from './nlp-names';
import type { NameFinder, SuggestInput, Suggestion, SuggestOptions } from './types';

export { computeSuggestions } from './compute';
export { compromiseNameFinder } from './nlp-names';
export { suggestionId } from './ids';
export type * from './types';

let shared: NameFinder | null = null;

/** All suggestions for one article, names classified by compromise (its cache is kept between calls). */
export function suggest(input: SuggestInput, options: Omit<SuggestOptions, 'nameFinder'> = {}): Result<Suggestion[]> {
  shared ??= compromiseNameFinder();
  return computeSuggestions(input, { ...options, nameFinder: shared });
}
