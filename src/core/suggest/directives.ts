/**
 * What a speaker urges someone to do: "Cruz exhorted Republicans to “vote your conscience”",
 * "Smith called on the council to “act now” and fund the shelters", "…, urging those who want
 * him out to “give him time.”", and in the reporter's words "Graham urged Republicans to join
 * the ranks of climate change believers". Quoted words in the infinitive make it a mixed quote;
 * without them the request is a reported clause of its own (a lower score; "asked"/"told" are
 * left out, their infinitive mostly an errand, and so is a request holding another attribution).
 * Used by the reported-speech rules (reported-speech.ts).
 */
import type { Analysis } from './analysis';
import { subjectOfVerb } from './cues';
import { clauseEnd, namesSpeaker } from './labels';
import { cueFragment, reportedSpeaker, type ReportedQuote } from './reported-clause';
import type { Sentence } from './sentences';
import type { NameFacts } from './speakers';
import { DETERMINERS, directiveParticle, speechVerb } from './speech-verbs';

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
  const quoted = q < s.last && a.inQuote[q] !== -1;
  if (!quoted && (!infinitive || a.tokens[v]!.norm.startsWith('ask') || a.tokens[v]!.norm.startsWith('tell') || a.tokens[v]!.norm === 'told')) return null;
  const subject = subjectOfVerb(a, v, s.first);
  // With quoted words any subject (they are the evidence: "A group of artists … called on people
  // to “…”"); without, one that can speak.
  if (!subject || (!quoted && !namesSpeaker(a, subject))) return null;
  const last = clauseEnd(a, quoted ? q : to + 1, s);
  // A request in the reporter's words holds no other attribution ("… after Trump claimed that …", "… “sow discord” …").
  if (!quoted) for (let k = to + 1; k <= last; k++) if (a.inQuote[k] !== -1 || speechVerb(a.tokens[k]!)) return null;
  const start = words <= SHORT_LISTENER_WORDS ? first : to;
  const content = { start: a.tokens[start]!.start, end: a.tokens[last]!.end };
  return { fragments: [content], rule: 'directive', score: quoted ? 0.8 : 0.6, speaker: reportedSpeaker(a, subject, cueFragment(a, v, v + 1), facts) };
}
