/**
 * Attribution cues next to a quoted span, within its sentence:
 *  - after the quote: “…,” he said / “…,” said Peskov / “…,” the economist Jared Bernstein, a
 *    former adviser, wrote on his blog;
 *  - before it: Trump said: “…” / he told reporters, “…” / Carson said that “…” /
 *    according to the Kremlin, “…”; a quote that opens its paragraph after "X said:" takes the
 *    cue that ends the paragraph before.
 * A cue is a speech verb (speech-verbs.ts), "according to" or "put it" ("as X put it, “…”"), and
 * the noun phrase that says who speaks (noun-phrases.ts).
 */
import { commaAt, type Analysis } from './analysis';
import { skipBeforeVerb } from './before-verb';
import { PRONOUNS, sentenceSubject, subjectAfter, subjectBefore, withNamedAppositive, type Phrase } from './noun-phrases';
import { speechVerb, takesListener } from './speech-verbs';

export interface Cue {
  /** Token index of the speech verb, or of "according" in "according to". */
  verb: number;
  /** Last token of the cue ("to" in "according to"): [verb, verbEnd). */
  verbEnd: number;
  subject: Phrase;
  /** Where the cue stands: after the quote, or before it. */
  side: 'after' | 'before';
  /** Token index just past the cue clause (verb and subject), for telling what follows it. */
  clauseEnd: number;
  /** The cue before the quote ends with a colon ("X said: “…”"), the strongest binding. */
  colon: boolean;
  /** Found only as a speech verb earlier in the quote's sentence ("Sanders promised … to end “…”"): enough for the speaker, weak evidence of a quote. */
  weak?: boolean;
}

const LEADING = new Set([',', '—', '–', '-', ';']);
/** Before an -ing form they make it a verb of its own ("he was saying"), not a participle. */
const AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", 'am', 'keeps', 'kept', 'started', 'began', 'stop', 'stopped']);
/** Words a subject does not start with: the phrase after the quote is something else ("…,” like the markets, said X). */
const NOT_SUBJECT_STARTS = new Set([
  'like',
  'unlike',
  'including',
  'especially',
  'even',
  'in',
  'on',
  'at',
  'for',
  'from',
  'with',
  'about',
  'after',
  'before',
  'during',
  'despite',
  'amid',
  'over',
  'under',
]);
const CLAUSE_OPENERS = new Set([
  'while',
  'and',
  'but',
  'as',
  'because',
  'although',
  'though',
  'whereas',
  'since',
  'so',
  'when',
  'if',
  'or',
  'which',
  'where',
  'after',
  'before',
  'until',
  'unless',
]);
/** How far after a quote its cue verb may stand when the subject comes first (appositives are long). */
const AFTER_REACH = 28;
/** How far before a quote its cue verb may stand ("Clinton said in the spring, when the story broke, “…”"). */
const BEFORE_REACH = 16;
/** How far before a participle ("…, adding") the cue whose subject it shares may stand: "told CBS' Face the Nation on Sunday, saying". */
const PARTICIPLE_REACH = 12;

/** The cue after a quote whose last token is `q`, looking no further than `ceiling` (exclusive). */
export function cueAfter(a: Analysis, q: number, ceiling: number): Cue | null {
  let w = q + 1;
  while (w < ceiling && LEADING.has(a.tokens[w]!.text)) w++;
  if (w >= ceiling) return null;
  const first = a.tokens[w]!;
  const lemma = speechVerb(first);
  if (lemma) {
    // "“…,” adding he would attend": a participle takes no subject after it; what follows is
    // the clause it reports, and the quote belongs to the cue before it.
    if (first.norm.endsWith('ing')) return null;
    // "said Peskov" / "said he" — the subject follows the verb.
    const subject = subjectAfter(a, w, ceiling);
    if (subject) return { verb: w, verbEnd: w + 1, subject, side: 'after', clauseEnd: subject.last, colon: false };
    return null;
  }
  if (first.norm === 'according' && a.tokens[w + 1]?.norm === 'to') {
    const subject = subjectAfter(a, w + 1, ceiling);
    if (subject) return { verb: w, verbEnd: w + 2, subject, side: 'after', clauseEnd: subject.last, colon: false };
    return null;
  }
  // "“…,” as one official put it.": the subject between "as" and "put it".
  if (first.norm === 'as') {
    for (let v = w + 2; v < ceiling && v < w + PUT_IT_REACH; v++) {
      if (a.inQuote[v] !== -1 || !a.tokens[v]!.word) break;
      if (!putsIt(a, v)) continue;
      const subject = subjectBefore(a, v, w + 1);
      return subject ? { verb: v, verbEnd: v + 2, subject, side: 'after', clauseEnd: v + 2, colon: false } : null;
    }
  }
  // "he said" / "the economist Jared Bernstein, a former adviser …, wrote" — the subject comes
  // first; a window that opens with a conjunction ("…,” while police said) is another clause.
  // "“doing everything” to process claims": an infinitive goes on with the sentence.
  if (CLAUSE_OPENERS.has(first.norm) || first.norm === 'to') return null;
  for (let v = w + 1; v < ceiling && v < w + AFTER_REACH; v++) {
    const t = a.tokens[v]!;
    if (a.inQuote[v] !== -1) return null;
    if (!speechVerb(t)) continue;
    // "“…reliably.” He stressed that “…”": a verb with a "that" clause of its own reports that
    // clause, not the quote before it.
    if (a.tokens[v + 1]?.norm === 'that') return null;
    const subject = subjectAtStart(a, w, v);
    if (subject && !NOT_SUBJECT_STARTS.has(a.tokens[subject.first]!.norm))
      return { verb: v, verbEnd: v + 1, subject, side: 'after', clauseEnd: v + 1, colon: false };
    if (a.tokens[v - 1]!.text === ',') {
      // "“…,” like the recent volatility of markets, said Richard Curtin": the subject follows.
      const inverted = subjectAfter(a, v, ceiling);
      if (inverted) return { verb: v, verbEnd: v + 1, subject: inverted, side: 'after', clauseEnd: inverted.last, colon: false };
    }
    return null;
  }
  return null;
}

/** How far after "as" the "put it" of "“…,” as one of the lawyers put it" may stand. */
const PUT_IT_REACH = 8;

/** "put it" / "puts it" at token `v`: how a speaker worded something ("as he put it", "she put it bluntly"). */
function putsIt(a: Analysis, v: number): boolean {
  const t = a.tokens[v]!;
  return (t.text === 'put' || t.text === 'puts') && a.tokens[v + 1]?.norm === 'it';
}

/** The phrase that opens tokens [w, verb): its head before the first comma (an appositive may follow). */
function subjectAtStart(a: Analysis, w: number, verb: number): Phrase | null {
  let comma = -1;
  for (let k = w; k < verb; k++) {
    if (a.tokens[k]!.text === ',') {
      comma = k;
      break;
    }
  }
  if (comma === -1) return subjectBefore(a, verb, w);
  // "Maria Torres, 34, a mother of three, said": appositives closing right before the verb.
  if (a.tokens[verb - 1]!.text === ',' && !hasSpeechVerb(a, comma, verb)) {
    const subject = subjectBefore(a, comma, w);
    let next = comma + 1;
    while (next < verb - 1 && a.tokens[next]!.text !== ',') next++;
    return subject && withNamedAppositive(a, subject, { first: comma + 1, last: next });
  }
  // The appositive must close right before the verb (", a former adviser, wrote"), else this is not a subject.
  const beforeVerb = subjectBefore(a, verb, w);
  if (beforeVerb && beforeVerb.first > comma) return null;
  return subjectBefore(a, comma, w) ?? null;
}

/**
 * The cue before a quote whose first token is `q`, looking no further back than `floor`.
 * Between the verb and the quote only a listener, a short time or place phrase, a colon, a
 * comma or "that" may stand.
 */
export function cueBefore(a: Analysis, q: number, floor: number): Cue | null {
  const end = q;
  const colon = end - 1 >= floor && a.tokens[end - 1]!.text === ':';
  const phrase = phraseCue(a, end, floor) ?? (colon ? possessiveCue(a, end - 1, floor) : null) ?? invertedOpening(a, end, floor);
  if (phrase) return phrase;
  for (let v = end - 1; v >= floor && v >= end - BEFORE_REACH; v--) {
    const t = a.tokens[v]!;
    if (a.inQuote[v] !== -1) return null;
    if (t.norm === 'according' && a.tokens[v + 1]?.norm === 'to') {
      // "According to X, “…”": X follows.
      const subject = subjectAfter(a, v + 1, end);
      if (subject) return { verb: v, verbEnd: v + 2, subject, side: 'before', clauseEnd: v + 1, colon };
      return null;
    }
    if (putsIt(a, v)) {
      // "As Sanders put it in a speech last week, “…”", "Smith put it bluntly: “…”".
      const subject = bridges(a, v + 2, end, 'say') ? subjectBefore(a, v, floor) : null;
      return subject ? { verb: v, verbEnd: v + 2, subject, side: 'before', clauseEnd: v, colon } : null;
    }
    const lemma = speechVerb(t);
    if (!lemma) continue;
    if (!bridges(a, v + 1, end, lemma)) return null;
    const subject = subjectOfVerb(a, v, floor);
    if (!subject) return null;
    return { verb: v, verbEnd: v + 1, subject, side: 'before', clauseEnd: v, colon };
  }
  return null;
}

/**
 * "Said Ellis: “…”", "Added the senator, “…”": a sentence opened by a speech verb, its subject
 * after it, then the quote after a colon or comma.
 */
function invertedOpening(a: Analysis, end: number, floor: number): Cue | null {
  const mark = a.tokens[end - 1]?.text;
  if (mark !== ':' && mark !== ',') return null;
  const v = a.sentences[a.sentenceOf[end - 1]!]!.first;
  const t = a.tokens[v]!;
  if (v < floor || v >= end - 2 || a.inQuote[v] !== -1 || !speechVerb({ text: t.norm, norm: t.norm })) return null;
  const subject = subjectAfter(a, v, end - 1);
  if (!subject || subject.last !== end - 1) return null;
  return { verb: v, verbEnd: v + 1, subject, side: 'before', clauseEnd: subject.last, colon: mark === ':' };
}

/** Phrases that attribute the quote after them to the phrase that follows them up to a comma. */
const PHRASE_CUES = [
  ['in', 'the', 'words', 'of'],
  ['to', 'quote'],
];

/**
 * "In the words of one senior diplomat I spoke to, “…”", "To quote Justice Brandeis, “…”": the
 * phrase opens the cue, whose subject follows it up to the comma before the quote (a speech verb
 * inside it is the subject's own: "I spoke to").
 */
function phraseCue(a: Analysis, end: number, floor: number): Cue | null {
  if (a.tokens[end - 1]?.text !== ',') return null;
  for (let v = end - 3; v >= floor && v >= end - BEFORE_REACH; v--) {
    if (a.inQuote[v] !== -1 || a.tokens[v]!.text === '.') return null;
    const words = PHRASE_CUES.find((p) => p.every((w, k) => a.tokens[v + k]?.norm === w));
    if (!words) continue;
    const subject = subjectAfter(a, v + words.length - 1, end - 1);
    return subject ? { verb: v, verbEnd: v + words.length, subject, side: 'before', clauseEnd: v + words.length, colon: false } : null;
  }
  return null;
}

/** Nouns for what someone said, owned by the speaker: "Smith's verdict was blunt: “…”". */
const UTTERANCE_NOUNS = new Set(['verdict', 'response', 'reply', 'answer', 'message', 'reaction', 'advice', 'assessment', 'explanation', 'retort', 'words']);
/** At most this many tokens from the noun to the colon ("on his bowlers was blunt"). */
const POSSESSIVE_REACH = 8;
/** At most this many words own the answer ("The governor", "England coach Brendon McCullum"). */
const MAX_OWNER = 5;

/**
 * "Smith's verdict on his bowlers was blunt: “…”", "The governor's response to critics was
 * characteristic: “…”": a sentence that opens with someone's answer and a colon before the
 * quote. The owner speaks; the noun is the cue.
 */
function possessiveCue(a: Analysis, colon: number, floor: number): Cue | null {
  const sentence = a.sentences[a.sentenceOf[colon]!]!;
  const first = Math.max(floor, sentence.first);
  for (let n = first + 2; n < colon && n <= first + MAX_OWNER + 1; n++) {
    const owner = a.tokens[n - 1]!;
    if (!UTTERANCE_NOUNS.has(a.tokens[n]!.norm) || (owner.text !== "'s" && owner.text !== '’s')) continue;
    if (colon - n > POSSESSIVE_REACH) return null;
    for (let k = first; k < colon; k++) if (a.inQuote[k] !== -1) return null;
    const subject = subjectBefore(a, n - 1, first);
    return subject && subject.first === first ? { verb: n, verbEnd: n + 1, subject, side: 'before', clauseEnd: n + 1, colon: true } : null;
  }
  return null;
}
/** Whether tokens [from, to) may stand between a cue verb and its quote. */
function bridges(a: Analysis, from: number, to: number, lemma: string): boolean {
  if (from === to) return true;
  const last = a.tokens[to - 1]!.text;
  const closes = last === ':' || last === ',' || last === '—' || a.tokens[to - 1]!.norm === 'that';
  // "told German magazine Der Spiegel “…”": a listener alone may stand there unpunctuated.
  if (!closes) return takesListener(lemma) && to - from <= 5 && allWords(a, from, to);
  // A listener or a short phrase ("told reporters on Tuesday:", "said in a statement,").
  const words = to - from - 1;
  if (words <= 0) return true;
  for (let k = from; k < to - 1; k++) {
    const t = a.tokens[k]!;
    if (a.inQuote[k] !== -1 || (PRONOUNS.has(t.norm) && !takesListener(lemma) && k === from)) return false;
    if (t.text === '.' || t.text === ';') return false;
  }
  return words <= BEFORE_REACH - 2;
}

/** Whether the -ing verb at `v` has a "be" of its own ("is calling", "has been steadily pounding"), rather than being a participle. */
export function isProgressive(a: Analysis, v: number, floor: number): boolean {
  const end = skipBeforeVerb(a, v, floor);
  return a.tokens[v]!.norm.endsWith('ing') && end - 1 >= floor && AUXILIARIES.has(a.tokens[end - 1]!.norm) && a.inQuote[end - 1] === -1;
}

/**
 * The subject of the verb at `v`: the phrase before it, or for a participle after a comma
 * ("A source told Breitbart they were against it, saying “…”") the subject the sentence opens with.
 */
export function subjectOfVerb(a: Analysis, v: number, floor: number): Phrase | null {
  const sentence = a.sentences[a.sentenceOf[v]!]!;
  const end = skipBeforeVerb(a, v, floor);
  if (a.tokens[v]!.norm.endsWith('ing')) {
    // "Donald Trump is telling a veterans group that …", "has been steadily pounding": the
    // subject of the auxiliary, past the adverbs.
    if (isProgressive(a, v, floor)) return subjectBefore(a, end - 1, floor);
    // "The ad uses footage of Hillary Clinton asking, “…”": a name right before the participle is its subject.
    const run = end - 1 >= floor && a.inQuote[end - 1] === -1 ? a.nameOf[end - 1]! : -1;
    if (run !== -1 && a.names[run]!.last === end) return { first: Math.max(floor, a.names[run]!.first), last: end };
    // "…,” he said, adding that …": a participle after a cue speaks with that cue's subject.
    return subjectOfCueBefore(a, v, Math.max(floor, sentence.first)) ?? sentenceSubject(a, sentence.first, v);
  }
  // "A group of artists published a letter and called on people to …", "He floated a summit,
  // but now says …": the verb shares the sentence's subject.
  const joint = a.tokens[end - 1];
  // "Obama paused, then added: …" too ("then" is skipped as an adverb).
  const then = joint?.text === ',' && a.tokens[end]?.norm === 'then';
  if (end - 1 >= floor && (joint?.norm === 'and' || joint?.norm === 'but' || then) && a.inQuote[end - 1] === -1)
    return sentenceSubject(a, sentence.first, end - 1);
  return subjectBefore(a, v, floor);
}

/** The subject of the nearest speech verb before token `v` in the clause chain "X said, adding …", not before `floor`. */
function subjectOfCueBefore(a: Analysis, v: number, floor: number): Phrase | null {
  if (!commaAt(a, v - 1)) return null;
  let reach = v - PARTICIPLE_REACH;
  let k = v - 2;
  // "Trump said, “I think it’s time,” emphasizing that …": the quote the cue introduced is passed over.
  if (a.inQuote[v - 1] !== -1) {
    const span = a.inQuote[v - 1];
    while (k >= floor && a.inQuote[k] === span) k--;
    reach -= v - 1 - k;
  }
  for (; k >= floor && k >= reach; k--) {
    if (a.inQuote[k] !== -1 || a.tokens[k]!.text === '.' || a.tokens[k]!.text === ';') return null;
    const lemma = speechVerb(a.tokens[k]!);
    // "had agreed to appoint": a verb with an infinitive reports no speech the participle goes on with.
    if (!lemma || a.tokens[k]!.norm.endsWith('ing') || a.tokens[k + 1]?.norm === 'to') continue;
    // "he said, adding" (the subject before) or "said Carson, adding" (after; not "told reporters, adding").
    const after = takesListener(lemma) ? null : subjectAfter(a, k, v - 1);
    return (after && after.last === v - 1 ? after : null) ?? subjectBefore(a, k, floor);
  }
  return null;
}

function hasSpeechVerb(a: Analysis, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (speechVerb(a.tokens[k]!)) return true;
  return false;
}

function allWords(a: Analysis, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!a.tokens[k]!.word || a.inQuote[k] !== -1) return false;
  return true;
}

/**
 * The last speech verb before the quote in its sentence, outside quotes, with a subject: the
 * speaker of a quote worked into a sentence ("Sanders promised Sunday to end “…”").
 */
export function cueInSentence(a: Analysis, q: number, floor: number): Cue | null {
  for (let v = q - 1; v >= floor; v--) {
    if (a.inQuote[v] !== -1 || !speechVerb(a.tokens[v]!)) continue;
    const subject = subjectOfVerb(a, v, floor);
    return subject ? { verb: v, verbEnd: v + 1, subject, side: 'before', clauseEnd: v + 1, colon: false, weak: true } : null;
  }
  return null;
}
