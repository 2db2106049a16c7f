/**
 * A reported clause that quotes its speaker and the quote right after its cue are one
 * attribution: "Yet Trump is also a “change agent,” Cole said. “That’s exactly what people want.”"
 * The quote has no cue of its own (it carried the clause's speaker), so it is the clause's second
 * part, as it would be after a direct quote's cue ("“…,” Cole said. “…”", direct-quotes.ts).
 */
import type { Analysis } from './analysis';
import type { Suggestion } from './types';

/** At most this many words between the clause's cue and the quote ("said on Tuesday."). */
const GAP_WORDS = 4;

/** `quotes` in text order, each such quote joined to the clause before it. */
export function joinContinuations(a: Analysis, quotes: readonly Suggestion[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const q of [...quotes].sort((x, y) => x.fragments[0]!.start - y.fragments[0]!.start)) {
    const previous = out[out.length - 1];
    if (previous && continues(a, previous, q)) {
      out[out.length - 1] = { ...previous, fragments: [...previous.fragments, ...q.fragments], score: Math.max(previous.score, q.score) };
      continue;
    }
    out.push(q);
  }
  return out;
}

function continues(a: Analysis, clause: Suggestion, quote: Suggestion): boolean {
  const cue = clause.speaker?.cue;
  if (clause.rule !== 'reported-speech' || quote.rule !== 'direct-quote' || !cue || quote.speaker?.cue) return false;
  // The cue stands after the clause, and it quoted its speaker's words.
  const clauseEnd = clause.fragments[clause.fragments.length - 1]!.end;
  if (cue.start < clauseEnd || !/[“"”]|''/.test(clause.text)) return false;
  const gap = a.text.slice(cue.end, quote.fragments[0]!.start);
  return !/[\r\n]/.test(gap) && (gap.match(/\p{L}+/gu) ?? []).length <= GAP_WORDS && /[.,:]/.test(gap);
}
