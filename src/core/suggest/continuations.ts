/**
 * A reported clause that quotes its speaker and the quote right after its cue are one
 * attribution: "Yet Trump is also a “change agent,” Cole said. “That’s exactly what people want.”"
 * The quote has no cue of its own (it carried the clause's speaker), so it is the clause's second
 * part, as it would be after a direct quote's cue ("“…,” Cole said. “…”", direct-quotes.ts).
 */
import type { Analysis } from './analysis';
import { quoteSuggestion } from './quote-suggestion';
import type { Suggestion, SuggestionRule } from './types';

/** At most this many words between the clause's cue and the quote ("said on Tuesday."). */
const GAP_WORDS = 4;

/** `quotes` in text order, each such quote joined to the clause before it. */
export function joinContinuations(a: Analysis, quotes: readonly Suggestion[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const q of [...quotes].sort((x, y) => x.fragments[0]!.start - y.fragments[0]!.start)) {
    const previous = out[out.length - 1];
    if (previous && continues(a, previous, q)) {
      // Built anew: the id and text follow the fragments (a rejection is stored by id).
      out[out.length - 1] = quoteSuggestion(a, [...previous.fragments, ...q.fragments], previous.rule, Math.max(previous.score, q.score), previous.speaker);
      continue;
    }
    out.push(q);
  }
  return out;
}

/** The rules whose suggestion is a clause in the reporter's words, which a quote after it may go on with. */
const CLAUSE_RULES: ReadonlySet<SuggestionRule> = new Set(['reported-speech', 'directive', 'reported-question']);

function continues(a: Analysis, clause: Suggestion, quote: Suggestion): boolean {
  const cue = clause.speaker?.cue;
  if (!CLAUSE_RULES.has(clause.rule) || quote.rule !== 'direct-quote' || !cue || quote.speaker?.cue) return false;
  // The clause quoted its speaker's words.
  if (!/[“"”]|''/.test(clause.text)) return false;
  const clauseEnd = clause.fragments[clause.fragments.length - 1]!.end;
  const quoteStart = quote.fragments[0]!.start;
  const gap = a.text.slice(Math.max(cue.end, clauseEnd), quoteStart);
  // "Trump shot back in a statement, saying he’s “made a lot of money.”¶“Frankly, …”": a
  // paragraph that is nothing but the quote, after the clause ended the paragraph before.
  if (/[\r\n]/.test(gap)) return !/\p{L}/u.test(gap) && wholeParagraph(a.text, quoteStart, quote.fragments[quote.fragments.length - 1]!.end);
  // In the same sentence run, the cue stands after the clause: "…,” Cole said. “…”".
  return cue.start >= clauseEnd && (gap.match(/\p{L}+/gu) ?? []).length <= GAP_WORDS && /[.,:]/.test(gap);
}

/** Whether [start, end) is all of its paragraph but white space. */
function wholeParagraph(text: string, start: number, end: number): boolean {
  const lineEnd = text.indexOf('\n', end);
  return text.slice(text.lastIndexOf('\n', start) + 1, start).trim() === '' && text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim() === '';
}
