/**
 * What a speaker urges someone to do, in their words: "Cruz exhorted Republicans to “vote your
 * conscience”", "Smith called on the council to “act now” and fund the shelters", "…, urging
 * those who want him out to “give him time.”". Quoted words in the infinitive make it what was
 * said; without them "urged residents to stay indoors" is left alone (a request
 * reported in the reporter's words is seldom marked as an attribution of words). Used by the
 * reported-speech rules (reported-speech.ts).
 */
import type { Analysis } from './analysis';
import { subjectOfVerb } from './cues';
import { clauseEnd } from './labels';
import { cueFragment, reportedSpeaker, type ReportedQuote } from './reported-clause';
import type { Sentence } from './sentences';
import type { NameFacts } from './speakers';
import { DETERMINERS, directiveParticle } from './speech-verbs';

/** At most this many words for the one asked ("those who want him out of the race"). */
const LISTENER_WORDS = 10;
/** A listener this short is part of the content, as most annotators mark it ("Republicans to “vote …”"); a longer one is left out. */
const SHORT_LISTENER_WORDS = 3;
/** At most this many words between "to" and the quoted words ("to make sure everything is “on the up and up”"). */
const BEFORE_QUOTE_WORDS = 15;
/** Words after "to" that open no infinitive: "telling reporters during a visit to the plant that …". */
const NOT_INFINITIVES = new Set([...DETERMINERS, 'this', 'that', 'these', 'those', 'them', 'him', 'me', 'us', 'whom', 'which', 'what']);

/** "X urged Y to “…”": the listener (when short), the infinitive and its quoted words, to the clause's end. */
export function directiveTo(a: Analysis, s: Sentence, v: number, facts: NameFacts): ReportedQuote | null {
  const verb = a.tokens[v]!;
  if (verb.text[0] !== verb.text[0]!.toLowerCase()) return null;
  const particle = directiveParticle(verb.norm);
  if (particle === undefined) return null;
  let first = v + 1;
  if (particle) {
    if (a.tokens[first]?.norm !== particle && !(particle === 'on' && a.tokens[first]?.norm === 'upon')) return null;
    first++;
  }
  // The listener: words only (a possessive too), up to "to".
  let to = first;
  let words = 0;
  for (; to < s.last && a.inQuote[to] === -1 && a.tokens[to]!.norm !== 'to'; to++) {
    const t = a.tokens[to]!;
    // "those calling for Sanders’ withdrawal": an apostrophe right after a plural is its possessive.
    const possessive = t.text === "'s" || t.text === '’s' || (/^['’]$/.test(t.text) && t.start === a.tokens[to - 1]!.end && /s$/.test(a.tokens[to - 1]!.norm));
    if ((!t.word && !possessive) || t.norm === 'that') return null;
    if (++words > LISTENER_WORDS) return null;
  }
  if (words === 0 || a.tokens[to]?.norm !== 'to' || a.inQuote[to] !== -1) return null;
  // The infinitive ("to visit", not "to Scotland" or "to the board"), and quoted words in it.
  const infinitive = a.tokens[to + 1];
  if (infinitive && a.inQuote[to + 1] === -1 && (!/^\p{Ll}+$/u.test(infinitive.text) || NOT_INFINITIVES.has(infinitive.norm))) return null;
  let q = to + 1;
  while (q < s.last && q - to - 1 < BEFORE_QUOTE_WORDS && a.inQuote[q] === -1 && a.tokens[q]!.word) q++;
  if (q >= s.last || a.inQuote[q] === -1) return null;
  const subject = subjectOfVerb(a, v, s.first);
  // Any subject: the quoted words are the evidence ("A group of artists … called on people to “…”").
  if (!subject) return null;
  const last = clauseEnd(a, q, s);
  const start = words <= SHORT_LISTENER_WORDS ? first : to;
  const content = { start: a.tokens[start]!.start, end: a.tokens[last]!.end };
  return { fragments: [content], rule: 'reported-speech', score: 0.8, speaker: reportedSpeaker(a, subject, cueFragment(a, v, v + 1), facts) };
}
