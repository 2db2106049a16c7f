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

/** Words that open a sentence before its comma without being part of its clause: "Yet,", "Of course,". */
const DISCOURSE_WORDS = new Set([
  'yet',
  'still',
  'however',
  'but',
  'and',
  'so',
  'indeed',
  'now',
  'instead',
  'meanwhile',
  'also',
  'thus',
  'then',
  'of',
  'course',
  'in',
  'fact',
  'again',
]);
/** At most this many tokens from "as" to the cue's verb ("as many tax experts, including Mr. Goldberg, have pointed out"). */
const AS_CUE_REACH = 12;

/**
 * "As many experts have pointed out, the candidate is free to …", "Yet, as Mr. Bown observed, in
 * the early days …", "Hawaii, as one of his advisers pointed out, normally does not get …": a cue
 * opened by "as" and set off by commas attributes the sentence around it. `verbEnd` is the
 * token after the verb ("pointed out" is two).
 */
export function asCue(a: Analysis, s: Sentence, v: number, verbEnd: number, direct: readonly DirectQuote[], facts: NameFacts): ReportedQuote | null {
  if (!commaAt(a, verbEnd) || a.inQuote[verbEnd] !== -1 || verbEnd + 1 >= s.last) return null;
  const subject = subjectBefore(a, v, s.first);
  if (!subject) return null;
  const as = subject.first - 1;
  // "as many experts have pointed out": subjectBefore passes over the auxiliaries and adverbs before the verb.
  if (as < s.first || a.tokens[as]!.norm !== 'as' || v - as > AS_CUE_REACH) return null;
  // What stands before "as": nothing, an opening word and its comma ("Yet,"), or the clause's first part and its comma.
  const lead = as === s.first || ((a.tokens[as - 1]!.norm === 'and' || a.tokens[as - 1]!.norm === 'but') && as - 1 === s.first);
  let opening = a.tokens[as - 1]?.text === ',' && as - 1 > s.first;
  for (let k = s.first; opening && k < as - 1; k++) opening = DISCOURSE_WORDS.has(a.tokens[k]!.norm);
  const middle = !lead && !opening && a.tokens[as - 1]!.text === ',' && as - 1 > s.first;
  if (!lead && !opening && !middle) return null;
  const rest = clauseRange(a, verbEnd + 1, nextAttribution(a, verbEnd + 1, s.last), v, direct);
  // The clause runs to the sentence's end ("…, it was the stage itself: “…”" goes on with a quote of its own).
  if (!rest || /[^\s.!?”"’']/.test(a.text.slice(rest.end, a.tokens[s.last - 1]!.end))) return null;
  const fragments = [rest];
  if (middle) {
    for (let k = s.first; k < as - 1; k++) if (a.inQuote[k] !== -1 || speechVerb(a.tokens[k]!)) return null;
    fragments.unshift({ start: a.tokens[s.first]!.start, end: a.tokens[as - 2]!.end });
  }
  const cue = { verb: v, verbEnd, subject, side: 'before' as const, clauseEnd: verbEnd, colon: false };
  return { fragments, rule: 'reported-speech', score: withQuotes(a, rest, 0.65), speaker: speakerOf(a, cue, facts) };
}
