/**
 * What a speaker asks, reported as a question: "Trump is questioning whether Obama would have
 * attended the funeral “if it were held in a mosque.”", "Delegates questioned how Cruz could
 * turn back on a pledge", "asked Trump how he would handle …". The clause opens with its
 * question word and runs as a reported clause does. Used by the reported-speech rules
 * (reported-speech.ts).
 */
import type { Analysis } from './analysis';
import { skipBeforeVerb } from './before-verb';
import { subjectOfVerb } from './cues';
import type { DirectQuote } from './direct-quotes';
import { subjectAfter } from './noun-phrases';
import { clauseRange, nextAttribution, reportedClause, type ReportedQuote } from './reported-clause';
import type { Sentence } from './sentences';
import type { NameFacts } from './speakers';

/** Verbs that report a question, "asked" with its listener ("asked Trump how …"). */
const ASKING = new Set(['question', 'questions', 'questioned', 'questioning', 'wonder', 'wonders', 'wondered', 'wondering']);
const ASKING_WITH_LISTENER = new Set(['ask', 'asks', 'asked', 'asking']);
/** Words that open a reported question. */
const QUESTION_WORDS = new Set(['whether', 'if', 'how', 'why']);
/** Forms of "be" before a past participle: "Reagan was once asked how …" is asked, not asking. */
const PASSIVE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being']);

export function isAskingVerb(norm: string): boolean {
  return ASKING.has(norm) || ASKING_WITH_LISTENER.has(norm);
}

/** "X questioned whether CLAUSE", "X asked Y how CLAUSE". */
export function questionAfter(a: Analysis, s: Sentence, v: number, direct: readonly DirectQuote[], facts: NameFacts): ReportedQuote | null {
  const verb = a.tokens[v]!;
  if (verb.text !== verb.norm) return null;
  let c = v + 1;
  if (ASKING_WITH_LISTENER.has(verb.norm) && !QUESTION_WORDS.has(a.tokens[c]?.norm ?? '')) {
    const listener = subjectAfter(a, v, s.last);
    if (listener) c = listener.last;
  }
  if (c >= s.last || a.inQuote[c] !== -1 || !QUESTION_WORDS.has(a.tokens[c]!.norm)) return null;
  const before = skipBeforeVerb(a, v, s.first) - 1;
  if (before >= s.first && PASSIVE.has(a.tokens[before]!.norm) && verb.norm.endsWith('ed')) return null;
  const subject = subjectOfVerb(a, v, s.first);
  if (!subject) return null;
  const content = clauseRange(a, c, questionEnd(a, c, nextAttribution(a, c, s.last)), v, direct);
  return content ? reportedClause(a, content, 0.65, subject, v, v + 1, facts, 'reported-question') : null;
}

/** Words after a comma that end a reported question: the reporter goes on ("…, but the campaign refused", "…, engaging in …"). */
const AFTER_QUESTION = new Set(['but', 'and', 'while', 'though', 'although']);

/** The token a question opening at `c` ends before: a comma outside quotes that a coordinator or a participle follows, else `to`. */
function questionEnd(a: Analysis, c: number, to: number): number {
  for (let k = c + 1; k + 1 < to; k++) {
    if (a.inQuote[k] !== -1 || a.tokens[k]!.text !== ',' || a.inQuote[k + 1] !== -1) continue;
    const next = a.tokens[k + 1]!;
    if (AFTER_QUESTION.has(next.norm) || /^\p{Ll}+ing$/u.test(next.text)) return k;
  }
  return to;
}
