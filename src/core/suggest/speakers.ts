/**
 * A cue's subject made into a Speaker: a name (with its registry entity when known), a pronoun
 * resolved to the subject it continues or the nearest fitting named actor before it
 * (resolvePronoun), or a description ("a spokesman").
 *
 * Fitting: "he" and "she" take a person (or a name the NLP pass could not classify, and never
 * one whose title or first name says the other gender); "it" takes an organisation; "they" and "we" an
 * organisation or a plural name ("Democrats"). Names inside quotes are skipped: in
 * “… like Hillary Clinton,” he said, "he" is not Clinton.
 */
import type { Fragment } from '../model/fragments';
import type { Analysis } from './analysis';
import type { Cue } from './cues';
import { isPronounPhrase, isRelativeSubject, nameEnding, relativeAntecedent, sentenceSubject, type Phrase } from './noun-phrases';
import { PERSON_NOUNS } from './person-nouns';
import type { ActorRef, Speaker } from './types';

/** What the rules know of each candidate name beyond its spelling. */
export interface NameFacts {
  /** Person or organisation, by index of the name run. */
  typeOf(run: number): 'person' | 'organization' | undefined;
  /** What a person's title or first name says of their gender, by index of the name run. */
  genderOf(run: number): 'male' | 'female' | undefined;
  /** The registry entity a name stands for, by its text. */
  entityOf(name: string): string | undefined;
}

/** How far back (in UTF-16 units) a pronoun looks for its actor: about two paragraphs. */
const PRONOUN_REACH = 1500;
const ORGANIZATION_WORDS =
  /\b(News|Post|Times|Journal|Network|Party|Committee|Department|Ministry|Agency|Bureau|Office|Administration|University|College|Institute|Council|Commission|Court|Senate|House|Congress|Parliament|Government|Inc\.?|Corp\.?|Co\.|Ltd\.?|LLC|Group|Company|Association|Union|Foundation|Center|Centre|Service|Board|Bank|Reserve|Kremlin|Pentagon|Police|Army|Navy)$/;

export function speakerOf(a: Analysis, cue: Cue, facts: NameFacts): Speaker {
  const cueFragment = { start: a.tokens[cue.verb]!.start, end: a.tokens[cue.verbEnd - 1]!.end };
  return { ...speakerOfPhrase(a, cue.subject, facts), cue: cueFragment };
}

export function speakerOfPhrase(a: Analysis, phrase: Phrase, facts: NameFacts): Speaker {
  if (phrase.last - phrase.first === 1 && isRelativeSubject(a, phrase.first)) {
    const t = a.tokens[phrase.first]!;
    const speaker: Speaker = { fragment: { start: t.start, end: t.end }, text: t.text, pronoun: true };
    const run = relativeAntecedent(a, phrase.first);
    if (run !== null) speaker.actor = actorOfRun(a, run, facts);
    return speaker;
  }
  if (isPronounPhrase(a, phrase)) {
    const t = a.tokens[phrase.first]!;
    const speaker: Speaker = { fragment: { start: t.start, end: t.end }, text: t.text, pronoun: true };
    const actor = resolvePronoun(a, phrase.first, t.norm, facts);
    if (actor) speaker.actor = actor;
    return speaker;
  }
  const run = nameEnding(a, phrase);
  if (run !== null) {
    const actor = actorOfRun(a, run, facts, a.tokens[phrase.first]!.start);
    return { fragment: actor.fragment, text: actor.text, pronoun: false, actor };
  }
  const fragment = { start: a.tokens[phrase.first]!.start, end: a.tokens[phrase.last - 1]!.end };
  return { fragment, text: a.text.slice(fragment.start, fragment.end), pronoun: false };
}

/**
 * The speaker of a quote with no cue that follows, in the same paragraph, a sentence opened by
 * a name or a pronoun: "Quintanilla seemed taken aback. “Does that not speak to your vetting?”",
 * or a lead-in so opened that ends in a colon: "Sanders made the following comment: “…”".
 */
export function speakerOfSentenceBefore(a: Analysis, quoteStart: number, facts: NameFacts): Speaker | undefined {
  const si = a.sentenceOf[quoteStart]!;
  const own = a.sentences[si]!;
  let lead: { first: number; last: number };
  if (own.first < quoteStart && a.tokens[quoteStart - 1]?.text === ':' && a.inQuote[quoteStart - 1] === -1) {
    // "On July 6, 2015, Sanders made the following comment: “…”": a lead-in ending in a colon.
    lead = { first: own.first, last: quoteStart - 1 };
  } else {
    const before = a.sentences[si - 1];
    if (own.first !== quoteStart || !before || /[\r\n]/.test(a.text.slice(before.end, own.start))) return undefined;
    lead = before;
  }
  const subject = sentenceSubject(a, lead.first, lead.last);
  if (!subject) return undefined;
  const named = a.nameOf[subject.first] !== -1 && nameEnding(a, subject) !== null;
  if (!named && !isPronounPhrase(a, subject)) return undefined;
  return speakerOfPhrase(a, subject, facts);
}

/**
 * "“I’m so ashamed to be an American.” ― Jacklyn Ashley": a dash and a name right after a quote,
 * ending the sentence, sign it (collected reactions, epigraphs).
 */
export function speakerOfSignature(a: Analysis, quoteEnd: number, facts: NameFacts): Speaker | undefined {
  const dash = quoteEnd + 1;
  if (a.inQuote[dash] !== -1 || !/^[—–―]$/.test(a.tokens[dash]?.text ?? '')) return undefined;
  const run = a.nameOf[dash + 1] ?? -1;
  if (run === -1 || a.names[run]!.first !== dash + 1) return undefined;
  const after = a.tokens[a.names[run]!.last];
  // Nothing but a full stop or the paragraph's end after the name.
  const ends = !after || after.text === '.' || /[\r\n]/.test(a.text.slice(a.names[run]!.end, after.start)) || a.inQuote[a.names[run]!.last] !== -1;
  return ends ? speakerOfPhrase(a, { first: a.names[run]!.first, last: a.names[run]!.last }, facts) : undefined;
}

/**
 * The speaker of a transcript turn: its label ("PENCE", "SEN. GRAHAM"), which is the actor the
 * turn's speaker link goes to, resolved to its registry entity like any name — by the nearest
 * mention before it that the label's last word ends ("Gov. Mike Pence"), else by the label
 * itself, written as a name ("Pence").
 */
export function speakerOfLabel(a: Analysis, label: Fragment, facts: NameFacts): Speaker {
  const text = a.text.slice(label.start, label.end);
  const actor: ActorRef = { fragment: label, text };
  const surname = text
    .split(' ')
    .pop()!
    .replace(/[.’'-]+$/, '');
  let entityId: string | undefined;
  for (let k = lastRunBefore(a, label.start); k >= 0 && !entityId; k--) {
    const r = a.names[k]!;
    // A mention written as a name, not another turn's label in capitals.
    if (/\p{Ll}/u.test(r.text) && a.tokens[r.last - 1]!.text.toUpperCase() === surname) entityId = facts.entityOf(r.text);
  }
  entityId ??= facts.entityOf(text.replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLowerCase()));
  if (entityId) actor.entityId = entityId;
  return { fragment: label, text, pronoun: false, actor };
}

function actorOfRun(a: Analysis, run: number, facts: NameFacts, notBefore = 0): ActorRef {
  const r = a.names[run]!;
  const fragment: Fragment = { start: Math.max(r.start, notBefore), end: r.end };
  const text = a.text.slice(fragment.start, fragment.end);
  const actor: ActorRef = { fragment, text };
  const entityId = facts.entityOf(text);
  if (entityId) actor.entityId = entityId;
  return actor;
}

/**
 * The actor of the pronoun at token `at`: the subject of the sentence just before, described
 * (describedSubject) or the nearest fitting name (nearSubject); else the nearest fitting named
 * actor before it, outside quotes: the nearest whose type is known to fit (a person for
 * "he"), else the nearest that fits by spelling alone (a name nothing classified — without the NLP
 * pass, every name).
 */
export function resolvePronoun(a: Analysis, at: number, pronoun: string, facts: NameFacts): ActorRef | undefined {
  if (pronoun === 'i') return undefined;
  const floor = a.tokens[at]!.start - PRONOUN_REACH;
  const candidates: number[] = [];
  for (let k = lastRunBefore(a, a.tokens[at]!.start); k >= 0; k--) {
    const r = a.names[k]!;
    if (r.end < floor) break;
    if (a.inQuote[r.first] === -1 && fits(a, k, pronoun, facts)) candidates.push(k);
  }
  // The subject of the sentence just before, described ("In defeat, the president appeared cowed.
  // Campaigning against Mitt Romney, he …") or named, is meant first.
  const previous = a.sentenceOf[at]! - 1;
  const described = previous >= 0 ? describedSubject(a, previous, pronoun) : undefined;
  if (described) return described;
  const wanted = pronoun === 'he' || pronoun === 'she' ? 'person' : 'organization';
  const best = nearSubject(a, at, candidates) ?? candidates.find((k) => facts.typeOf(k) === wanted) ?? candidates.find((k) => facts.typeOf(k) === undefined);
  if (best === undefined) return undefined;
  return describedSubject(a, a.sentenceOf[a.names[best]!.first]!, pronoun) ?? actorOfRun(a, subjectOfSameSentence(a, best, candidates, facts), facts);
}

/**
 * The nearest fitting name when it is the subject of the sentence just before the pronoun's,
 * whatever its type: in "Bush says he is going to work hard. He says “…”", "He" is Bush, though
 * the NLP pass classified a person further back and not "Bush". (Within the pronoun's own
 * sentence a capitalised opening word is too often no name: "Asked on Fox News …, he said".)
 */
function nearSubject(a: Analysis, at: number, candidates: readonly number[]): number | undefined {
  const k = candidates[0];
  if (k === undefined) return undefined;
  const name = a.names[k]!;
  const s = a.sentenceOf[name.first]!;
  if (a.sentenceOf[at]! - s !== 1) return undefined;
  const sentence = a.sentences[s]!;
  const subject = sentenceSubject(a, sentence.first, sentence.last);
  return subject && subject.first === name.first ? k : undefined;
}

/**
 * The subject of sentence `s` when it is described, not named, and fits the pronoun: a pronoun
 * that speaks continues it. In "The U.S. president pointed to animosity between Putin and
 * Zelenskyy. “…,” he said", "he" is the president, not Zelenskyy; in "At a forum with John Smith,
 * the senator asked …", the senator. The description is the actor then (the analyst may link it
 * to its entity); a singular one for "he"/"she", a plural one for "they".
 */
function describedSubject(a: Analysis, s: number, pronoun: string): ActorRef | undefined {
  const sentence = a.sentences[s]!;
  const subject = sentenceSubject(a, sentence.first, sentence.last);
  if (!subject || isPronounPhrase(a, subject)) return undefined;
  // The description ends at its person noun ("The U.S. president" of "The U.S. president pointed");
  // one within a name is part of the name ("Foreign Minister Sergei Lavrov"), a name before it
  // only qualifies it.
  let noun = subject.first;
  while (noun < subject.last && (a.nameOf[noun] !== -1 || !PERSON_NOUNS.has(a.tokens[noun]!.norm))) noun++;
  if (noun >= subject.last || (a.nameOf[noun + 1] !== undefined && a.nameOf[noun + 1] !== -1)) return undefined;
  const plural = a.tokens[noun]!.norm.endsWith('s');
  if (plural ? pronoun !== 'they' : pronoun !== 'he' && pronoun !== 'she') return undefined;
  const fragment: Fragment = { start: a.tokens[subject.first]!.start, end: a.tokens[noun]!.end };
  return { fragment, text: a.text.slice(fragment.start, fragment.end) };
}

/**
 * A pronoun that speaks continues the sentence subject before it ("Trump reiterated that a
 * meeting between himself and Putin is crucial. … he claimed"): when the sentence holding the
 * nearest fitting name opens with another fitting name of the same type, that one is meant.
 */
function subjectOfSameSentence(a: Analysis, best: number, candidates: readonly number[], facts: NameFacts): number {
  const sentence = a.sentences[a.sentenceOf[a.names[best]!.first]!]!;
  const subject = sentenceSubject(a, sentence.first, sentence.last);
  if (!subject) return best;
  const run = a.nameOf[subject.first]!;
  if (run === -1 || run === best || !candidates.includes(run) || facts.typeOf(run) !== facts.typeOf(best)) return best;
  return run;
}

function lastRunBefore(a: Analysis, offset: number): number {
  let lo = 0;
  let hi = a.names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.names[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function fits(a: Analysis, run: number, pronoun: string, facts: NameFacts): boolean {
  const r = a.names[run]!;
  const type = facts.typeOf(run) ?? (looksLikeOrganization(r.text) ? 'organization' : undefined);
  if (pronoun === 'he' || pronoun === 'she') {
    if (type === 'organization' || (type !== 'person' && looksPlural(r.text))) return false;
    const gender = facts.genderOf(run);
    if (gender && gender !== (pronoun === 'he' ? 'male' : 'female')) return false;
    return true;
  }
  if (pronoun === 'it') return type === 'organization';
  return type === 'organization' || (type !== 'person' && looksPlural(r.text));
}

export function looksLikeOrganization(name: string): boolean {
  return ORGANIZATION_WORDS.test(name) || /^[A-Z]{2,6}$/.test(name);
}

/** "Democrats", "Republicans": a one-word capitalised plural that is not an acronym. */
function looksPlural(name: string): boolean {
  return /^\p{Lu}\p{Ll}+s$/u.test(name) && !/ss$/.test(name);
}
