/**
 * Sentence ranges for the cue and reported-speech rules. A sentence ends at a line break, or at
 * ".", "!", "?" or "…" followed by a capitalised word, a number or an opening mark. Quoted
 * spans are opaque: the sentences inside a quote belong to the sentence that holds the quote,
 * which ends with the quote only when the quote ends a sentence (“… that.” He said …).
 * Abbreviations keep their point inside the word token (tokens.ts), so "Mr. Garin" never
 * splits; a dotted acronym or "Inc." ends a sentence only before a word that usually starts one.
 */
import type { QuotedSpan } from './quote-marks';
import { speechVerb } from './speech-verbs';
import { isCapitalized, type Token } from './tokens';

const TERMINAL = new Set(['.', '!', '?', '…']);
const CLOSING = /^[”“"»«›’‘)\]]$|^''$/;
/** Words that start sentences far more often than they follow "U.S." or "Inc." inside one. */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'but',
  'and',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'this',
  'that',
  'these',
  'those',
  'there',
  'his',
  'her',
  'their',
  'its',
  'our',
  'if',
  'when',
  'while',
  'as',
  'after',
  'before',
  'so',
  'yet',
  'still',
  'however',
  'meanwhile',
  'for',
  'with',
  'by',
  'one',
  'some',
  'many',
  'most',
  'what',
  'who',
  'why',
  'how',
]);

export interface Sentence {
  start: number;
  end: number;
  /** Indexes into the token list: [first, last). */
  first: number;
  last: number;
}

/** Sentences of the text; `inside` is quoteMembership's answer for the tokens. */
export function splitSentences(text: string, tokens: readonly Token[], inside: Int32Array): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last > first) sentences.push({ start: tokens[first]!.start, end: tokens[last - 1]!.end, first, last });
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (!next) break;
    // A line break ends the sentence, except between two paragraphs of one quote.
    if (hasLineBreak(text, tokens[i]!.end, next.start)) {
      if (inside[i] === -1 || inside[i] !== inside[i + 1]) close(i + 1);
      continue;
    }
    // Inside a quote nothing ends the sentence; at its last token it may.
    if (inside[i] !== -1 && inside[i + 1] === inside[i]) continue;
    if (endsSentence(tokens, i, inside) && startsSentence(next) && !(inside[i] !== -1 && goesOnWithCue(tokens, i, inside, first))) close(i + 1);
    else if (inside[i] === -1 && abbreviationEndsSentence(tokens, i)) close(i + 1);
  }
  close(tokens.length);
  return sentences;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] === '\n' || text[i] === '\r') return true;
  return false;
}

/** For each token, the index of the quoted span it lies in, or -1. */
export function quoteMembership(tokens: readonly Token[], quoted: readonly QuotedSpan[]): Int32Array {
  const inside = new Int32Array(tokens.length).fill(-1);
  let t = 0;
  quoted.forEach((q, qi) => {
    const start = q.fragments[0]!.start;
    const end = q.fragments[q.fragments.length - 1]!.end;
    while (t < tokens.length && tokens[t]!.start < start) t++;
    for (let k = t; k < tokens.length && tokens[k]!.end <= end; k++) inside[k] = qi;
  });
  return inside;
}

/** The token at i closes a sentence: a terminal mark, possibly followed by closing marks up to i. */
function endsSentence(tokens: readonly Token[], i: number, inside: Int32Array): boolean {
  let k = i;
  while (k >= 0 && CLOSING.test(tokens[k]!.text) && k > i - 3) k--;
  const t = tokens[k];
  if (!t) return false;
  if (TERMINAL.has(t.text)) return inside[i] === -1 || inside[k] === inside[i];
  return false;
}

/**
 * Whether the sentence goes on after the quote ending at token i, with the quote's cue: “Is this
 * right?” Trump asked. A quote ending in a full stop does so only when it opens the sentence
 * (“We will win.” Trump said.); inside a sentence (Russia insisted that Pyongyang “stop its
 * escapades.”) the stop ends the sentence, and the cue after it is the next sentence's.
 */
function goesOnWithCue(tokens: readonly Token[], i: number, inside: Int32Array, sentenceFirst: number): boolean {
  if (!cueFollows(tokens, i + 1)) return false;
  let mark = i;
  while (mark > 0 && CLOSING.test(tokens[mark]!.text)) mark--;
  if (tokens[mark]!.text !== '.') return true;
  let open = i;
  while (open > sentenceFirst && inside[open - 1] === inside[i]) open--;
  return open === sentenceFirst;
}

/** A speech verb within a few words (“…?” Trump asked). */
function cueFollows(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 6; k++) {
    const t = tokens[k]!;
    if (!t.word && t.text !== "'s" && t.text !== '’s') return false;
    if (speechVerb(t)) return true;
  }
  return false;
}

function startsSentence(token: Token): boolean {
  if (/^\p{N}/u.test(token.text) || /^[“"„«‘([]|^''$|^``$/.test(token.text)) return true;
  return isCapitalized(token);
}

/** A word token that swallowed its point (an acronym or abbreviation) may still end a sentence. */
export function abbreviationEndsSentence(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  return t.word && t.text.endsWith('.') && next !== undefined && SENTENCE_STARTERS.has(next.norm) && isCapitalized(next);
}

/** The sentence that holds offset `at` (binary search over sentences in order), or null. */
export function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}
