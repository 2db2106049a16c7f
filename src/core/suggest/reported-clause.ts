/**
 * Where a reported clause ends, shared by the reported-speech rules (reported-speech.ts): before
 * another attribution the sentence goes on with, before a direct quote with a cue of its own, a
 * final point left out; and the evidence quoted words inside it give.
 */
import type { Fragment } from '../model/fragments';
import { commaAt, type Analysis } from './analysis';
import type { DirectQuote } from './direct-quotes';
import { directiveParticle, reportsClause, speechVerb } from './speech-verbs';
import { PRONOUNS, type Phrase } from './noun-phrases';
import type { Sentence } from './sentences';
import { speakerOfPhrase, type NameFacts } from './speakers';
import type { Speaker, SuggestionRule } from './types';

/** A reported clause found by one of the rules, with its speaker and cue. */
export interface ReportedQuote {
  fragments: Fragment[];
  rule: SuggestionRule;
  score: number;
  speaker: Speaker;
}

/** Fewer words than this are no clause. */
const MIN_CLAUSE_WORDS = 3;
const QUOTE_MARK = /[“”„«»"]|''/;

/**
 * Verbs that put a speaker's label on something: "called it “absurd”", "dubbed the plan “a sham”".
 * Past and participle only: they report one utterance, where "Iran calls the US the “Great
 * Satan”" says what a label habitually is (a scare quote).
 */
export const NAMING_VERBS = new Set([
  'called',
  'calling',
  'dubbed',
  'dubbing',
  'labeled',
  'labelled',
  'labeling',
  'labelling',
  'branded',
  'branding',
  'described',
  'describing',
]);
/** Verbs of blame and praise, which give their label with "as" or their reason with "for": "blasted the media for being “dishonest”". */
export const FOR_NAMING_VERBS = new Set([
  'condemned',
  'condemning',
  'praised',
  'praising',
  'hailed',
  'hailing',
  'criticized',
  'criticised',
  'criticizing',
  'criticising',
  'derided',
  'deriding',
  'mocked',
  'mocking',
  'slammed',
  'slamming',
  'blasted',
  'blasting',
  'lauded',
  'lauding',
]);
/**
 * Verbs that put a label on something only with "as" (and those of blame and praise): "condemned
 * the test as “provocative”", "dismissed the report as “fake news”" (without it, "condemned the
 * “brazen breach”" quotes a phrase, not a label).
 */
export const AS_NAMING_VERBS = new Set([
  ...FOR_NAMING_VERBS,
  'described',
  'describing',
  'denounced',
  'denouncing',
  'dismissed',
  'dismissing',
  'characterized',
  'characterised',
  'characterizing',
  'characterising',
  'decried',
  'decrying',
  'touted',
  'touting',
  'attacked',
  'attacking',
  'pounded',
  'pounding',
  'portrayed',
  'portraying',
  'painted',
  'painting',
  'framed',
  'framing',
  'billed',
  'billing',
]);
/** Verbs that liken something to a speaker's words, given after "to": "Tribe likened the rules to “burning the Constitution”". */
export const TO_NAMING_VERBS = new Set(['likened', 'likening', 'compared', 'comparing']);
/** Words that open a coordinated clause with a speaker of its own: "…, but Jones said …". */
const COORDINATORS = new Set(['but', 'while', 'and', 'whereas', 'though', 'although', 'yet']);
/** How many words a coordinated clause's subject may have before its speech verb. */
const NEXT_SUBJECT_WORDS = 4;

/**
 * Where a clause reported after its cue ends because the sentence goes on with another
 * attribution: ", adding that …", "and noted that …", ", which he argued …", ", but Jones said
 * …", ", according to aides". The token the clause stops before (`to` when none).
 */
export function nextAttribution(a: Analysis, from: number, to: number): number {
  for (let k = from + 1; k < to; k++) {
    const comma = commaAt(a, k);
    if (a.inQuote[k] !== -1 && !comma) continue;
    const t = a.tokens[k]!;
    const next = a.tokens[k + 1];
    if (!next || a.inQuote[k + 1] !== -1) continue;
    const verb = speechVerb(next);
    // "and noted that …", "but argues that …": the same speaker goes on with another clause; not
    // a bare verb, which goes on with the clause itself ("he’d sit Putin down and tell him “…”").
    if ((t.norm === 'and' || t.norm === 'but') && verb && reportsClause(verb) && next.norm !== verb) return k;
    // "… and encouraged Americans to “check out” …": what the speaker then asks for is another attribution.
    if ((t.norm === 'and' || t.norm === 'but') && directiveParticle(next.norm) !== undefined && /(?:ed|s)$/.test(next.norm)) return k;
    if (!comma && t.text !== ';' && t.text !== '—') continue;
    // A comma inside the closing mark: the clause keeps its quoted words and their mark.
    const stop = a.inQuote[k] !== -1 ? k + 1 : k;
    if (verb && next.norm.endsWith('ing')) return stop;
    if (next.norm === 'according' && a.tokens[k + 2]?.norm === 'to') return stop;
    // "ruled that the statement is “true,” but in the course of their report they …": quoted
    // words closing with their comma, then "but", end what was reported.
    if (a.inQuote[k] !== -1 && next.norm === 'but') return stop;
    if (next.norm === 'which' || next.norm === 'who' || COORDINATORS.has(next.norm)) {
      for (let j = k + 2, words = 0; j < to && words <= NEXT_SUBJECT_WORDS && a.inQuote[j] === -1; j++) {
        const w = a.tokens[j]!;
        if (!w.word) break;
        const lemma = speechVerb(w);
        if (lemma && !w.norm.endsWith('ing') && (reportsClause(lemma) || NAMING_VERBS.has(w.norm))) return stop;
        words++;
      }
    }
  }
  return to;
}

/**
 * The clause over tokens [from, to): cut before a direct quote whose cue follows it (a new
 * attribution: "…: “We lost,” he added"), a sentence-final point left out. Null when fewer than
 * three words remain.
 */
export function clauseRange(a: Analysis, from: number, to: number, v: number, direct: readonly DirectQuote[]): Fragment | null {
  let end = to;
  for (let i = firstAtOrAfter(direct, from); i < direct.length && direct[i]!.firstToken < end; i++) {
    const d = direct[i]!;
    if (d.cue && d.cue.verb !== v && d.cue.side === 'after') {
      end = d.firstToken;
      break;
    }
    // "Asked about Trump's declaration that it was a bomb, Clinton said, “…”": a quote whose cue
    // before it opens after a comma with a subject of its own starts a new attribution there.
    // Not a pronoun's nested cue ("… was “right” when he said that “…”"): that is still the clause.
    if (d.cue && d.cue.verb !== v && d.cue.side === 'before' && !d.cue.weak && d.cue.subject.first < d.cue.verb) {
      const cueStart = d.cue.subject.first;
      if (cueStart > from + 1 && /^[,—–―]$/.test(a.tokens[cueStart - 1]!.text) && !PRONOUNS.has(a.tokens[cueStart]!.norm)) end = cueStart;
      break;
    }
  }
  // "Contrary to his claim that people would “learn nothing,” there would be …", "Ryan, despite
  // admitting that he had concerns …, said": a clause in an opening phrase ends with the phrase.
  if (v < from && inOpeningPhrase(a, v)) {
    for (let k = from + 1; k < end; k++)
      if (commaAt(a, k)) {
        end = a.inQuote[k] !== -1 ? k + 1 : k;
        break;
      }
  }
  while (end > from && /^[.,;:—–―-]$/.test(a.tokens[end - 1]!.text)) end--;
  let words = 0;
  for (let k = from; k < end; k++) if (a.tokens[k]!.word) words++;
  if (words < MIN_CLAUSE_WORDS) return null;
  return { start: a.tokens[from]!.start, end: a.tokens[end - 1]!.end };
}

/** Words that open a phrase before a sentence's main clause ("Despite admitting that …, the …"). */
const OPENING_PHRASE_WORDS = new Set(['despite', 'contrary', 'unlike', 'although', 'though', 'while', 'after', 'before', 'since', 'because', 'when']);
/** How far back from the cue the opening phrase may start ("Contrary to his claim"). */
const OPENING_PHRASE_REACH = 5;

/** Whether the cue at token `v` stands in a phrase opened by one of OPENING_PHRASE_WORDS at the sentence's start or after a comma. */
function inOpeningPhrase(a: Analysis, v: number): boolean {
  const first = a.sentences[a.sentenceOf[v]!]!.first;
  for (let k = v - 1; k >= first && v - k <= OPENING_PHRASE_REACH; k--) {
    if (a.inQuote[k] !== -1) return false;
    if (OPENING_PHRASE_WORDS.has(a.tokens[k]!.norm) && (k === first || a.tokens[k - 1]!.text === ',')) return true;
    if (a.tokens[k]!.text === ',') return false;
  }
  return false;
}

/** Index of the first direct quote (they are in text order) starting at or after token `t`. */
export function firstAtOrAfter(direct: readonly DirectQuote[], t: number): number {
  let lo = 0;
  let hi = direct.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (direct[mid]!.firstToken < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Quoted words inside a reported clause are stronger evidence that it is speech. */
export function withQuotes(a: Analysis, content: Fragment, score: number): number {
  return QUOTE_MARK.test(a.text.slice(content.start, content.end)) ? score + 0.1 : score;
}

/** The cue over tokens [from, to): the speech verb, or "according to". */
export function cueFragment(a: Analysis, from: number, to: number): Fragment {
  return { start: a.tokens[from]!.start, end: a.tokens[to - 1]!.end };
}

/** A reported clause said by `subject` with the cue over tokens [from, to): scored `score`, or more when it holds quoted words. */
export function reportedClause(
  a: Analysis,
  content: Fragment,
  score: number,
  subject: Phrase,
  from: number,
  to: number,
  facts: NameFacts,
  rule: SuggestionRule = 'reported-speech',
): ReportedQuote {
  return {
    fragments: [content],
    rule,
    score: withQuotes(a, content, score),
    speaker: reportedSpeaker(a, subject, cueFragment(a, from, to), facts),
  };
}

/** The speaker of a reported clause: its subject phrase, with the cue that reports it. */
export function reportedSpeaker(a: Analysis, subject: Phrase, cue: Fragment, facts: NameFacts): Speaker {
  return { ...speakerOfPhrase(a, subject, facts), cue };
}

/** At most this many tokens between the cue and the sentence's end for it to end the sentence. */
const TRAILING_REACH = 10;

/** Whether only a short phrase ("on Tuesday", "in a statement") stands between token `from` and the sentence's end. */
export function endsSentence(a: Analysis, from: number, s: Sentence): boolean {
  if (s.last - from > TRAILING_REACH) return false;
  for (let k = from; k < s.last; k++) {
    const t = a.tokens[k]!;
    if (a.inQuote[k] !== -1 || speechVerb(t) || t.norm === 'that' || t.text === ',' || t.text === ';' || t.text === ':') return false;
  }
  return true;
}
