/**
 * The speaker noun phrase next to a speech verb, found by spelling and word lists (no parser):
 * before the verb ("Trump said", "the economist Jared Bernstein, a former adviser, wrote",
 * "he later told") or after it ("said Peskov", "wrote a Trump supporter who …"). Within the
 * phrase the speaker is its head: the part before a preposition ("a spokesman for the company"
 * → "a spokesman"); a name that ends the head is the speaker's name ("the economist Jared
 * Bernstein" → "Jared Bernstein"; "a Trump supporter" has none).
 */
import { brokenBetween, type Analysis } from './analysis';
import { afterNamedParenthesis, skipBeforeVerb } from './before-verb';
import { isRoleWord } from './person-nouns';
import { DETERMINERS } from './speech-verbs';
import type { Token } from './tokens';

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** Words that end a noun phrase: clause words, auxiliaries, conjunctions, negations. */
const BOUNDARY = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'while',
  'because',
  'but',
  'and',
  'or',
  'if',
  'as',
  'than',
  'so',
  'after',
  'before',
  'since',
  'although',
  'though',
  'where',
  'what',
  'how',
  'why',
  'to',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'can',
  'did',
  'does',
  'do',
  'not',
  'never',
  'also',
  'then',
  'said',
  'says',
  'told',
  'according',
  'just',
  'even',
  'only',
  'there',
  'here',
  "it's",
  'yet',
  'nor',
  'until',
  'unless',
  'whether',
  'once',
  'now',
]);
const GO = new Set(['went', 'goes', 'go', 'going', 'gone']);
const CONTINUE = new Set(['continued', 'continues', 'continue', 'continuing', 'proceeded', 'went']);
export const PREPOSITIONS = new Set([
  'of',
  'for',
  'in',
  'at',
  'with',
  'from',
  'on',
  'during',
  'about',
  'over',
  'under',
  'by',
  'into',
  'via',
  'near',
  'inside',
  'outside',
  'through',
  'throughout',
  'across',
  'against',
  'among',
  'amid',
  'toward',
  'towards',
  'within',
  'without',
  'per',
]);
const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tonight',
  'tomorrow',
  'last',
  'this',
  'earlier',
  'later',
  'recently',
  'afterward',
  'afterwards',
  'then',
  'again',
  'once',
]);
const MAX_PHRASE = 9;
/** How many tokens an appositive may span ("Maria Torres, 34, a mother of three,"), and a relative clause ("…, who met …,"). */
const APPOSITIVE_REACH = 16;
const RELATIVE_REACH = 30;
const RELATIVES = new Set(['who', 'whose', 'which']);
const QUANTIFIERS = new Set(['all', 'some', 'many', 'most', 'none', 'one', 'two', 'three', 'several', 'both', 'each', 'few']);

/** A noun phrase as token indexes [first, last). */
export interface Phrase {
  first: number;
  last: number;
}

function isWordLike(t: Token): boolean {
  return t.word || t.text === "'s" || t.text === '’s' || t.text === '&';
}

/** "the plaintiffs’ lawyer": an apostrophe glued to a plural before a space is a possessive, part of the phrase. */
function pluralPossessive(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  const before = a.tokens[i - 1];
  return (
    (t.text === '’' || t.text === "'") &&
    before !== undefined &&
    before.word &&
    before.end === t.start &&
    /s$/i.test(before.text) &&
    /\s/.test(a.text[t.end] ?? '')
  );
}

/** Stops a phrase: punctuation, a quotation mark, a boundary word, or a token inside a quote. */
function stops(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  return (!isWordLike(t) && !pluralPossessive(a, i)) || BOUNDARY.has(t.norm) || a.inQuote[i] !== -1;
}

/**
 * The subject before the verb at token `verb`, not reaching before token `floor`. Skips the
 * adverbs and auxiliaries before the verb and an appositive between commas
 * ("Mr. Garin, a Democratic pollster, said").
 */
export function subjectBefore(a: Analysis, verb: number, floor: number): Phrase | null {
  let end = afterNamedParenthesis(a, skipBeforeVerb(a, verb, floor), floor);
  // "He went on to say …", "she continued to insist …".
  const norm = (i: number) => (i >= floor ? a.tokens[i]!.norm : '');
  if (norm(end - 1) === 'to' && norm(end - 2) === 'on' && GO.has(norm(end - 3))) end = skipBeforeVerb(a, end - 3, floor);
  else if (norm(end - 1) === 'to' && CONTINUE.has(norm(end - 2))) end = skipBeforeVerb(a, end - 2, floor);
  let appositive: Phrase | null = null;
  if (end - 1 >= floor && a.tokens[end - 1]!.text === ',') {
    // An appositive: skip back to the comma that opens it.
    let k = end - 2;
    while (k >= floor && k > end - RELATIVE_REACH && a.tokens[k]!.text !== ',' && a.inQuote[k] === -1 && !brokenBetween(a, k, k + 1)) k--;
    if (k < floor || a.tokens[k]!.text !== ',') return null;
    // "Trump, who met Putin in Alaska last week and hosted … on Monday, admitted": a relative
    // clause may run long, and so may a description of a name ("David Kamin, an outside adviser
    // to the campaign … and an associate professor at New York University School of Law, said");
    // any other appositive is short.
    const describesName = DETERMINERS.has(a.tokens[k + 1]!.norm) && k - 1 >= floor && a.nameOf[k - 1] !== -1;
    if (end - k > APPOSITIVE_REACH && !RELATIVES.has(a.tokens[k + 1]!.norm) && !describesName) return null;
    appositive = { first: k + 1, last: end - 1 };
    // "After winning Ohio, Gov. John Kasich (R-OH), said": a name and its party-and-state parenthesis
    // between the commas is the subject itself, not an aside about what stands before.
    const named = afterNamedParenthesis(a, end - 1, k + 1);
    if (named < end - 1 && a.nameOf[named - 1] !== -1) return { first: Math.max(k + 1, a.names[a.nameOf[named - 1]!]!.first), last: named };
    // "Harry Reid (D-Nev.), in particular, has said": the name's parenthesis before the appositive.
    end = afterNamedParenthesis(a, k, floor);
  }
  // A pronoun right before the verb is the subject, whatever stands before it ("In a press release they stated"),
  // and so is "who" after a comma ("McConnell, who said"): speakers.ts resolves it to its antecedent.
  if (end - 1 >= floor && PRONOUNS.has(a.tokens[end - 1]!.norm) && a.inQuote[end - 1] === -1) return { first: end - 1, last: end };
  if (end - 2 >= floor && isRelativeSubject(a, end - 1)) return { first: end - 1, last: end };
  let first = end;
  while (first - 1 >= floor && end - first < MAX_PHRASE && !stops(a, first - 1) && !brokenBetween(a, first - 1, first)) first--;
  if (first === end) return null;
  const phrase = head(a, { first, last: end });
  return phrase && appositive ? withNamedAppositive(a, phrase, appositive) : phrase;
}

/**
 * "the plaintiffs’ lawyer, Roberta Kaplan, said": a description right before an appositive that
 * is a name speaks by that name — the phrase then runs over both, the name ending it.
 */
export function withNamedAppositive(a: Analysis, phrase: Phrase, appositive: Phrase): Phrase {
  if (phrase.last + 1 !== appositive.first || a.tokens[phrase.last]!.text !== ',' || nameEnding(a, phrase) !== null || !isName(a, appositive)) return phrase;
  return { first: phrase.first, last: appositive.last };
}

/** Whether tokens [first, last) are exactly one candidate name. */
function isName(a: Analysis, p: Phrase): boolean {
  const run = a.nameOf[p.first]!;
  return run !== -1 && a.names[run]!.first === p.first && a.names[run]!.last === p.last;
}

/** The subject after the verb at token `verb` ("said Peskov"), not reaching token `ceiling`. */
export function subjectAfter(a: Analysis, verb: number, ceiling: number): Phrase | null {
  const first = verb + 1;
  // "said simply:", "said quietly": an adverb after the verb is no subject.
  if (/^\p{Ll}+ly$/u.test(a.tokens[first]?.text ?? '')) return null;
  let last = first;
  while (last < ceiling && last - first < MAX_PHRASE && !stops(a, last) && !brokenBetween(a, last - 1, last)) {
    const t = a.tokens[last]!;
    if (PREPOSITIONS.has(t.norm) || TIME_WORDS.has(t.norm)) break;
    // "told reporters he would …": a pronoun after the phrase starts the next clause.
    if (last > first && PRONOUNS.has(t.norm)) break;
    last++;
  }
  if (last === first) return null;
  return head(a, { first, last });
}

/**
 * The subject a sentence opens with, for a participle's cue: a pronoun, a name, or a short
 * phrase up to its first preposition or clause word ("A source from …" → "A source").
 */
export function sentenceSubject(a: Analysis, first: number, ceiling: number): Phrase | null {
  let i = first;
  while (i < ceiling && (TIME_WORDS.has(a.tokens[i]!.norm) || !isWordLike(a.tokens[i]!))) i++;
  if (i >= ceiling || a.inQuote[i] !== -1) return null;
  // "WASHINGTON — Hillary Clinton’s right-hand woman rallied supporters": a dateline is no subject.
  const dateline = datelineEnd(a, i, ceiling);
  if (dateline !== -1) return sentenceSubject(a, dateline, ceiling);
  // "Later in the summer, she revised …", "In a statement, the group said …": an opening time or
  // place phrase up to its comma is no subject; the subject follows the comma.
  if (PREPOSITIONS.has(a.tokens[i]!.norm)) {
    const comma = openingPhraseEnd(a, i, ceiling);
    if (comma !== -1) return sentenceSubject(a, comma + 1, ceiling);
  }
  if (PRONOUNS.has(a.tokens[i]!.norm)) return { first: i, last: i + 1 };
  const run = a.nameOf[i]!;
  if (run !== -1 && a.names[run]!.first === i) return { first: i, last: roledNameEnd(a, a.names[run]!.last, ceiling) };
  // "Still, Rutte praised …", "Nonetheless, …": one opening word and its comma are no subject.
  if (a.tokens[i + 1]?.text === ',' && i + 2 < ceiling) return sentenceSubject(a, i + 2, ceiling);
  // "Speaking to reporters …, Trump said": an opening participle is no subject either.
  if (/^\p{Lu}\p{Ll}+ing$/u.test(a.tokens[i]!.text) && i === first) return null;
  let last = i;
  // An adverb in lower case ("The president initially floated …") ends the phrase.
  while (last < ceiling && last - i < 4 && !stops(a, last) && !PREPOSITIONS.has(a.tokens[last]!.norm) && !/^\p{Ll}+ly$/u.test(a.tokens[last]!.text)) last++;
  // "All of the GOP candidates": a quantifier's head is its "of" phrase.
  if (last === i + 1 && QUANTIFIERS.has(a.tokens[i]!.norm) && a.tokens[last]?.norm === 'of') {
    const whole = sentenceSubject(a, last + 1, ceiling);
    // Three words at most after "of": the phrase has no verb detection to stop it ("… candidates oppose").
    if (whole && whole.first === last + 1) return { first: i, last: Math.min(whole.last, whole.first + 3) };
  }
  return last > i ? { first: i, last } : null;
}

const MONTH_ABBREVIATIONS =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)$/;

/**
 * The token after a dateline opening at `i` ("WASHINGTON —", "NEW YORK (AP) —", "WASHINGTON,
 * Dec. 8 (UPI) —", "Washington (AFP) –"), or -1.
 */
function datelineEnd(a: Analysis, i: number, ceiling: number): number {
  let k = i;
  while (k < ceiling && /^\p{Lu}{2,}$/u.test(a.tokens[k]!.text)) k++;
  const capitals = k > i;
  // A place in capitals may give its date: ", Dec. 8".
  if (capitals && a.tokens[k]?.text === ',' && MONTH_ABBREVIATIONS.test((a.tokens[k + 1]?.norm ?? '').replace(/\.$/, ''))) {
    k += 2;
    if (a.tokens[k]?.text === '.') k++;
    if (/^\d{1,2}$/.test(a.tokens[k]?.text ?? '')) k++;
  }
  // The agency's mark: "(AP)", "(UPI)"; it makes a place written as a name a dateline too ("Washington (AFP) –").
  const agency = a.tokens[k]?.text === '(' && /^\p{Lu}{2,}$/u.test(a.tokens[k + 1]?.text ?? '') && a.tokens[k + 2]?.text === ')';
  if (!capitals) {
    while (k < ceiling && k - i < 3 && /^\p{Lu}\p{Ll}+$/u.test(a.tokens[k]!.text)) k++;
    if (k === i || a.tokens[k]?.text !== '(' || !/^\p{Lu}{2,}$/u.test(a.tokens[k + 1]?.text ?? '') || a.tokens[k + 2]?.text !== ')') return -1;
    k += 3;
  } else if (agency) k += 3;
  return k < ceiling && /^[—–―-]$/.test(a.tokens[k]!.text) ? k + 1 : -1;
}

/**
 * Where a name that a role and another name follow ends: "England coach Brendon McCullum",
 * "White House press secretary Sarah Sanders" are one phrase. `end` when no such role follows.
 */
function roledNameEnd(a: Analysis, end: number, ceiling: number): number {
  let k = end;
  while (k < ceiling && k - end < 2 && isRoleWord(a.tokens[k]!.norm) && a.tokens[k]!.text === a.tokens[k]!.norm) k++;
  const next = k > end && k < ceiling ? a.nameOf[k]! : -1;
  return next !== -1 && a.names[next]!.first === k ? a.names[next]!.last : end;
}

/** At most this many tokens in an opening phrase before its comma: "In response to Trump’s proposal to bar Muslims from entering the United States,". */
const OPENING_PHRASE_REACH = 18;

/** The comma that closes the phrase opening at token `i`, or -1 (none near, or a quote or clause in between). */
function openingPhraseEnd(a: Analysis, i: number, ceiling: number): number {
  for (let k = i + 1; k < ceiling && k <= i + OPENING_PHRASE_REACH; k++) {
    const t = a.tokens[k]!;
    if (a.inQuote[k] !== -1 || t.text === ';' || t.text === ':') return -1;
    if (t.text === ',') return k;
  }
  return -1;
}

/** The phrase up to its first preposition: "a spokesman for the company" → "a spokesman". */
function head(a: Analysis, phrase: Phrase): Phrase | null {
  for (let i = phrase.first + 1; i < phrase.last; i++) {
    // "the Association of Flight Attendants": a preposition inside a name is part of it.
    const inName = a.nameOf[i] !== -1 && a.nameOf[i] === a.nameOf[i - 1];
    if (PREPOSITIONS.has(a.tokens[i]!.norm) && a.tokens[i]!.text === a.tokens[i]!.norm && !inName) return { first: phrase.first, last: i };
  }
  // A time word cannot be a subject ("On Tuesday, Trump said" leaves "Trump").
  let first = phrase.first;
  while (first < phrase.last && TIME_WORDS.has(a.tokens[first]!.norm)) first++;
  return first < phrase.last ? { first, last: phrase.last } : null;
}

export function isPronounPhrase(a: Analysis, phrase: Phrase): boolean {
  return phrase.last - phrase.first === 1 && PRONOUNS.has(a.tokens[phrase.first]!.norm);
}

/** "who" after a comma, outside quotes: the subject of a relative clause ("McConnell, who said …"). */
export function isRelativeSubject(a: Analysis, i: number): boolean {
  return a.tokens[i]?.norm === 'who' && a.tokens[i - 1]?.text === ',' && a.inQuote[i] === -1;
}

/**
 * The name a relative "who" at token i stands for: the one right before its comma ("McConnell,
 * who"), or before an appositive ("McConnell, now the majority leader, who"). Null when neither is a name.
 */
export function relativeAntecedent(a: Analysis, i: number): number | null {
  let comma = i - 1;
  for (let hop = 0; hop < 2 && comma - 1 >= 0; hop++) {
    const run = a.nameOf[comma - 1]!;
    if (run !== -1 && a.inQuote[comma - 1] === -1) return run;
    let k = comma - 1;
    while (k >= 0 && comma - k <= APPOSITIVE_REACH && a.tokens[k]!.text !== ',' && a.inQuote[k] === -1 && !brokenBetween(a, k, k + 1)) k--;
    if (k < 0 || a.tokens[k]!.text !== ',') return null;
    comma = k;
  }
  return null;
}

/** The name run that ends the phrase, if the phrase's head is a name. */
export function nameEnding(a: Analysis, phrase: Phrase): number | null {
  const ni = a.nameOf[phrase.last - 1]!;
  if (ni === -1) return null;
  const run = a.names[ni]!;
  if (run.last !== phrase.last) return null;
  return ni;
}
