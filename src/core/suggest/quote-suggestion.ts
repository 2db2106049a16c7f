import { fragmentsText } from '../model/fragments';
import type { Analysis } from './analysis';
import { suggestionId } from './ids';
import type { Speaker, Suggestion, SuggestionRule } from './types';

/** A quote suggestion over `fragments`: its id and text follow from them, its score is kept to two decimals. */
export function quoteSuggestion(
  a: Analysis,
  fragments: Suggestion['fragments'],
  rule: SuggestionRule,
  score: number,
  speaker: Speaker | undefined,
): Suggestion {
  const s: Suggestion = {
    id: suggestionId('quote', fragments),
    kind: 'quote',
    fragments,
    text: fragmentsText(a.text, fragments),
    score: Math.round(score * 100) / 100,
    rule,
  };
  if (speaker) s.speaker = speaker;
  return s;
}
