/**
 * What a speaker calls something, in their words: "Carson called that report a “boldfaced lie.”",
 * "condemned the test as “provocative”", "blasted the media for being “dishonest”", "accused Kim
 * Jong Un of “fanatic recklessness.”" — the thing named and the quoted label, which end the
 * clause or run on with it ("… a “grave threat” to regional stability"). Used by the
 * reported-speech rules (reported-speech.ts).
 */
import { commaAt, type Analysis } from './analysis';
import { isDateWord } from './before-verb';
import { isProgressive, subjectOfVerb } from './cues';
import { isPronounPhrase, nameEnding, PREPOSITIONS, type Phrase } from './noun-phrases';
import { PERSON_NOUNS } from './person-nouns';
import {
  AS_NAMING_VERBS,
  cueFragment,
  endsSentence,
  FOR_NAMING_VERBS,
  nextAttribution,
  reportedSpeaker,
  TO_NAMING_VERBS,
  type ReportedQuote,
} from './reported-clause';
import type { Sentence } from './sentences';
import type { NameFacts } from './speakers';
import { speechVerb } from './speech-verbs';

/** What "called" means when one of these follows: "called for", "called on them to" (the direct rule's, with its quote). */
const NOT_NAMING = new Set(['for', 'on', 'off', 'out', 'up', 'in', 'back', 'into', 'to', 'by']);
/** "accused X of “…”": the verbs, how far "of" may stand after them (the accused, an appositive), and how many words may open the charge before its quoted words ("of being “duped”"). */
export const ACCUSING = new Set(['accused', 'accusing']);
const ACCUSED_REACH = 10;
const CHARGE_WORDS = 3;
/** Prepositions that open a phrase of time or place after a label rather than go on with it. */
const CIRCUMSTANCES = new Set(['during', 'at', 'in', 'after', 'before', 'since', 'amid', 'while', 'throughout']);
/** At most this many words between the verb and the quoted words: the thing named. */
const NAMED_OBJECT_WORDS = 12;

/**
 * "Carson called that report a “boldfaced lie.”", "…, calling it “absurd.”", "which he described
 * as “a cartel”": the verb, a short object and quoted words that end the clause. The speaker is a
 * name or a pronoun (or a participle's subject), so that "a play called “Sons of Trump”", which
 * names a title, is left alone.
 */
export function namedInQuotes(a: Analysis, s: Sentence, v: number, facts: NameFacts): ReportedQuote | null {
  if (!speechVerb(a.tokens[v]!) && a.tokens[v]!.text !== a.tokens[v]!.norm) return null;
  if (NOT_NAMING.has(a.tokens[v + 1]?.norm ?? '')) return null;
  // "…, calling it “absurd”" (the participle of the sentence's subject), and "is calling the
  // candidate “fit”" (a verb of its own), but not "a play called “Sons of Trump”".
  const participle = a.tokens[v]!.norm.endsWith('ing') && a.tokens[v - 1]?.text === ',';
  if (a.tokens[v]!.norm.endsWith('ing') && !participle && !isProgressive(a, v, s.first)) return null;
  const subject = subjectOfVerb(a, v, s.first);
  if (!subject) return null;
  if (!participle && !namesSpeaker(a, subject)) return null;
  // "unveiled what he called “a once-in-a-generation opportunity” to fix …": the label alone.
  if (a.tokens[subject.first - 1]?.norm === 'what' && a.inQuote[v + 1] !== -1) {
    const label = { start: a.tokens[v + 1]!.start, end: a.tokens[quoteEnd(a, v + 1, s)]!.end };
    return { fragments: [label], rule: 'reported-speech', score: 0.7, speaker: reportedSpeaker(a, subject, cueFragment(a, v, v + 1), facts) };
  }
  let q = v + 1;
  let words = 0;
  while (q < s.last && a.inQuote[q] === -1) {
    const t = a.tokens[q]!;
    if (!t.word && t.text !== "'s" && t.text !== '’s') return null;
    if (++words > NAMED_OBJECT_WORDS) return null;
    q++;
  }
  if (q >= s.last || a.tokens[q - 1]?.norm === 'that') return null;
  // The quoted words end the clause: the sentence, a comma, a bracket or a dash follows.
  const end = labelListEnd(a, quoteEnd(a, q, s), s);
  const next = a.tokens[end + 1];
  // "… as a “good meeting” and noted that …", "… but insisted …": another attribution of the same speaker may follow.
  // "called the behavior “outrageous” and called for …": any speech verb opens a second attribution.
  const goesOn = (next?.norm === 'and' || next?.norm === 'but') && speechVerb(a.tokens[end + 2] ?? next) !== undefined;
  // "… “vintage Obama” in an interview with CNN.": a short phrase may end the sentence.
  const phraseEnds = next && PREPOSITIONS.has(next.norm) && endsSentence(a, end + 2, s);
  // "condemned the test as “provocative and destabilizing” and a “grave threat” to stability",
  // "calling the test “a clear violation” of five resolutions": the clause goes on past the
  // quoted words, joined by "and" or a preposition, and its end is the content's end.
  // "criticized the law as a “crazy system” during a campaign stop in Flint": a phrase of time or
  // place is the reporter's, and the label ends with its quoted words.
  // "likened the refugees to a “vicious snake” in a song about …": what a likening goes on with is the likening's.
  const likening = TO_NAMING_VERBS.has(a.tokens[v]!.norm);
  const circumstance =
    !likening && next !== undefined && (CIRCUMSTANCES.has(next.norm) || isDateWord(next) || next.norm === 'yesterday' || next.norm === 'today');
  const tail =
    next && end + 1 < s.last && !goesOn && !phraseEnds && !circumstance && (next.norm === 'and' || PREPOSITIONS.has(next.norm) || next.norm === 'to');
  // A comma inside the closing mark ends the clause too ("as “fantastic,” telling reporters …").
  const ended = commaAt(a, end) || /^[.,;:)—–―-]$/.test(next?.text ?? '') || /^[(“"]/.test(next?.text ?? '');
  if (next && end + 1 < s.last && !goesOn && !phraseEnds && !tail && !circumstance && !ended) return null;
  // "described the plan as a “sham”": what these verbs name comes with "as" (or "for": "blasted the media for being “dishonest”").
  const verb = a.tokens[v]!.norm;
  if (AS_NAMING_VERBS.has(verb) && !hasWord(a, v + 1, q, 'as') && !(FOR_NAMING_VERBS.has(verb) && hasWord(a, v + 1, q, 'for'))) return null;
  if (likening && !hasWord(a, v + 1, q, 'to')) return null;
  const last = tail ? clauseEnd(a, end + 1, s) : end;
  const content = { start: a.tokens[v + 1]!.start, end: a.tokens[last]!.end };
  return { fragments: [content], rule: 'reported-speech', score: 0.7, speaker: reportedSpeaker(a, subject, cueFragment(a, v, v + 1), facts) };
}

/**
 * "South Korea accused Kim Jong Un of “fanatic recklessness.”", "to accuse the campaign of being
 * “duped” by “a con”": what the speaker charges someone with, in their words, after "of".
 */
export function accusedOf(a: Analysis, s: Sentence, v: number, facts: NameFacts): ReportedQuote | null {
  let of = v + 1;
  while (of < s.last && of - v <= ACCUSED_REACH && a.tokens[of]!.norm !== 'of' && a.inQuote[of] === -1 && a.tokens[of]!.text !== ';') of++;
  if (a.tokens[of]?.norm !== 'of' || a.inQuote[of] !== -1) return null;
  let q = of + 1;
  while (q < s.last && q - of <= CHARGE_WORDS && a.inQuote[q] === -1 && a.tokens[q]!.word) q++;
  if (q >= s.last || a.inQuote[q] === -1) return null;
  const subject = subjectOfVerb(a, v, s.first);
  if (!subject || !namesSpeaker(a, subject)) return null;
  const end = quoteEnd(a, q, s);
  const next = a.tokens[end + 1];
  const goesOn = next && end + 1 < s.last && (next.norm === 'and' || PREPOSITIONS.has(next.norm)) && speechVerb(a.tokens[end + 2] ?? next) === undefined;
  const last = goesOn ? clauseEnd(a, end + 1, s) : end;
  const content = { start: a.tokens[of + 1]!.start, end: a.tokens[last]!.end };
  return { fragments: [content], rule: 'reported-speech', score: 0.7, speaker: reportedSpeaker(a, subject, cueFragment(a, v, v + 1), facts) };
}

/** At most this many words between two labels of a list ("a “nasty guy,” an “anchor baby,” …"). */
const LIST_GAP_WORDS = 3;

/**
 * The last token of a list of quoted labels whose first ends at token `end`: "called the senator
 * a “nasty guy,” an “anchor baby,” “unstable” and “sick.”", "a “pathological liar” who is
 * “utterly amoral,” a “serial philanderer”" — each next label after a comma, "and" or "or" and a
 * few words, none of them a speech verb (that is another attribution).
 */
function labelListEnd(a: Analysis, end: number, s: Sentence): number {
  for (;;) {
    let k = end + 1;
    let words = 0;
    let joined = commaAt(a, end);
    while (k < s.last && a.inQuote[k] === -1 && words <= LIST_GAP_WORDS) {
      const t = a.tokens[k]!;
      if (t.text === ',' || t.norm === 'and' || t.norm === 'or' || t.norm === 'who') joined = true;
      else if (!t.word || speechVerb(t)) return end;
      if (t.word) words++;
      k++;
    }
    if (k >= s.last || a.inQuote[k] === -1 || !joined || words > LIST_GAP_WORDS) return end;
    end = quoteEnd(a, k, s);
  }
}

/** The last token of a clause going on at token `from`: before the next attribution, a comma outside quotes, or the sentence's final point. */
export function clauseEnd(a: Analysis, from: number, s: Sentence): number {
  let stop = nextAttribution(a, from, s.last);
  for (let k = from; k < stop; k++)
    if (a.inQuote[k] === -1 && /^[,;:—–―]$/.test(a.tokens[k]!.text)) {
      stop = k;
      break;
    }
  while (stop - 1 > from && /^[.!?]$/.test(a.tokens[stop - 1]!.text)) stop--;
  return stop - 1;
}

/** The last token of the quoted words that open at token `q`, within the sentence. */
function quoteEnd(a: Analysis, q: number, s: Sentence): number {
  const span = a.inQuote[q]!;
  let end = q;
  while (end + 1 < s.last && a.inQuote[end + 1] === span) end++;
  return end;
}

function hasWord(a: Analysis, from: number, to: number, word: string): boolean {
  for (let k = from; k < to; k++) if (a.tokens[k]!.norm === word) return true;
  return false;
}

/** A subject that can speak for a label: a pronoun, a name, or a person noun ("the spokesman"). */
export function namesSpeaker(a: Analysis, subject: Phrase): boolean {
  const head = a.tokens[subject.last - 1]!.norm;
  return isPronounPhrase(a, subject) || nameEnding(a, subject) !== null || PERSON_NOUNS.has(head) || SPEAKING_DOCUMENTS.has(head);
}

/** Writings that speak for their authors: "a Times article hailed Trump as “The Comeback Kid”". */
const SPEAKING_DOCUMENTS = new Set(['article', 'editorial', 'report', 'statement', 'letter', 'ad', 'column', 'op-ed', 'memo', 'study']);
