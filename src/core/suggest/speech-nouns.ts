/**
 * Reported speech through a noun of speech: "a statement by Clooney that …", "his claims that
 * …", "X disputed the claim that …" (the rule reported-speech.ts runs on each such noun).
 */
import { type Analysis } from './analysis';
import { subjectOfVerb } from './cues';
import type { DirectQuote } from './direct-quotes';
import { subjectAfter, type Phrase } from './noun-phrases';
import { clauseRange, nextAttribution, withQuotes, type ReportedQuote } from './reported-clause';
import type { Sentence } from './sentences';
import { resolvePronoun, speakerOfPhrase, type NameFacts } from './speakers';

/** Nouns of speech that report a clause with "that": "a statement by Clooney that …", "his claim that …". */
export const SPEECH_NOUNS = new Set([
  'statement',
  'claim',
  'claims',
  'assertion',
  'remark',
  'remarks',
  'comment',
  'comments',
  'suggestion',
  'allegation',
  'allegations',
  'accusation',
  'accusations',
  'promise',
  'pledge',
  'warning',
  'argument',
  'insistence',
  'contention',
  'declaration',
  'announcement',
  'admission',
  'prediction',
  'complaint',
  'vow',
]);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its']);
/** Verbs that answer what someone said: their subject speaks, "the claim that …" after them is what is answered. */
const ANSWERING_VERBS = new Set([
  'challenged',
  'disputed',
  'denied',
  'rejected',
  'dismissed',
  'refuted',
  'rebutted',
  'contested',
  'questioned',
  'challenges',
  'disputes',
  'denies',
  'rejects',
  'dismisses',
  'refutes',
  'questions',
]);

/**
 * "Eric Trump knocked a statement by actor George Clooney that an “obscene amount” was raised",
 * "his claims that he had received an offer": a noun of speech whose speaker is named ("by X",
 * "X's", "his") and a "that" clause. The suggestion runs from the noun phrase to the clause's
 * end; with no speaker named it is left out (too often a reporter's framing), unless the phrase
 * is what a speaker answers ("X disputed the claim that …", as PolNeAR marks it: X the source,
 * "disputed" the cue, the phrase the content).
 */
export function nounThat(a: Analysis, s: Sentence, v: number, direct: readonly DirectQuote[], facts: NameFacts): ReportedQuote | null {
  let subject: Phrase | null = null;
  let start = v;
  const before = a.tokens[v - 1];
  if (before && POSSESSIVES.has(before.norm)) {
    subject = { first: v - 1, last: v };
    start = v - 1;
  } else if (before && (before.text === "'s" || before.text === '’s') && a.nameOf[v - 2] !== undefined && a.nameOf[v - 2] !== -1) {
    const run = a.names[a.nameOf[v - 2]!]!;
    subject = { first: run.first, last: run.last };
    start = run.first;
  } else if (before && /^(?:a|an|the|this|that)$/.test(before.norm)) start = v - 1;
  let c = v + 1;
  if (!subject && (a.tokens[c]?.norm === 'by' || a.tokens[c]?.norm === 'from')) {
    subject = subjectAfter(a, c, s.last);
    if (!subject) return null;
    c = subject.last;
  }
  // "Grayson's spokeswoman challenged the assertion that …": with no speaker named in the noun
  // phrase, the one who answers it is the speaker, the verb the cue, and the phrase what is said.
  let cue = v;
  if (!subject && start === v - 1 && ANSWERING_VERBS.has(a.tokens[v - 2]?.norm ?? '') && a.inQuote[v - 2] === -1) {
    subject = subjectOfVerb(a, v - 2, s.first);
    cue = v - 2;
  }
  if (!subject || a.tokens[c]?.norm !== 'that' || a.inQuote[c] !== -1) return null;
  const content = clauseRange(a, c + 1, nextAttribution(a, c + 1, s.last), v, direct);
  if (!content) return null;
  const fragment = { start: a.tokens[start]!.start, end: content.end };
  // "his" speaks as a pronoun: speakerOfPhrase resolves it to the person named before.
  const phrase = POSSESSIVES.has(a.tokens[subject.first]!.norm) ? { first: subject.first, last: subject.last } : subject;
  const spoken = { ...speakerOfPhrase(a, phrase, facts), cue: { start: a.tokens[cue]!.start, end: a.tokens[cue]!.end } };
  if (POSSESSIVES.has(a.tokens[subject.first]!.norm)) {
    const pronoun = a.tokens[subject.first]!.norm === 'her' ? 'she' : a.tokens[subject.first]!.norm === 'his' ? 'he' : 'they';
    const actor = resolvePronoun(a, subject.first, pronoun, facts);
    spoken.pronoun = true;
    if (actor) spoken.actor = actor;
    else delete spoken.actor;
  }
  return { fragments: [fragment], rule: 'reported-speech', score: withQuotes(a, fragment, 0.6), speaker: spoken };
}
