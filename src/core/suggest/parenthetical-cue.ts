/**
 * A cue set off by commas inside the clause it attributes: "The plan, its authors claim, will
 * “unlock prosperity” across the region", "The economy, he said on Tuesday, is strong", "The win,
 * said skipper Steve Smith, was “one of the best”". The
 * clause is the sentence around the cue, in two fragments.
 */
import { commaAt, type Analysis } from './analysis';
import type { DirectQuote } from './direct-quotes';
import { subjectAfter, subjectBefore } from './noun-phrases';
import { clauseRange, nextAttribution, withQuotes, type ReportedQuote } from './reported-clause';
import type { Sentence } from './sentences';
import { speakerOf, type NameFacts } from './speakers';
import { speechVerb } from './speech-verbs';

/** At most this many tokens of the clause before the cue ("The plan", "Its new border policy"). */
const OPENING_REACH = 10;
/** At most this many words after the verb before the closing comma ("said on Tuesday"). */
const AFTER_VERB_WORDS = 3;

/** The clause around the cue whose speech verb is token `v`, or null when `v` is no such cue. */
export function cueInside(a: Analysis, s: Sentence, v: number, direct: readonly DirectQuote[], facts: NameFacts): ReportedQuote | null {
  // "…, he said, …" (the subject before the verb) or "…, said Steve Smith, …" (after it).
  const before = a.tokens[v - 1]?.text === ',' ? null : subjectBefore(a, v, s.first);
  const subject = before ?? (a.tokens[v - 1]?.text === ',' ? subjectAfter(a, v, s.last) : null);
  if (!subject) return null;
  const open = before ? subject.first - 1 : v - 1;
  // The whole stretch between the comma and the verb is the subject, and the clause opens in
  // the reporter's words ("“We will win,” he said, “and …”" is an interrupted direct quote).
  if (open <= s.first || open - s.first > OPENING_REACH || a.tokens[open]!.text !== ',') return null;
  for (let k = s.first; k < open; k++) if (a.inQuote[k] !== -1 || !a.tokens[k]!.word || speechVerb(a.tokens[k]!)) return null;
  let close = before ? v + 1 : subject.last;
  while (close < s.last && close - v <= AFTER_VERB_WORDS && a.tokens[close]!.word && a.inQuote[close] === -1 && !speechVerb(a.tokens[close]!)) close++;
  if (!commaAt(a, close) || a.inQuote[close] !== -1 || close + 1 >= s.last) return null;
  const rest = clauseRange(a, close + 1, nextAttribution(a, close + 1, s.last), v, direct);
  if (!rest) return null;
  const opening = { start: a.tokens[s.first]!.start, end: a.tokens[open - 1]!.end };
  const cue = { verb: v, verbEnd: v + 1, subject, side: 'before' as const, clauseEnd: v + 1, colon: false };
  return { fragments: [opening, rest], rule: 'reported-speech', score: withQuotes(a, rest, 0.65), speaker: speakerOf(a, cue, facts) };
}
