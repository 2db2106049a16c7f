/**
 * What every rule reads of an article, computed once: tokens, quoted spans, sentences and
 * candidate names, with the indexes that connect them.
 */
import { findNameRuns, lowerCaseForms, type NameRun } from './names';
import { findQuotedSpans, type QuotedSpan } from './quote-marks';
import { quoteMembership, splitSentences, type Sentence } from './sentences';
import { nounUse } from './speech-verbs';
import { tokenize, type Token } from './tokens';

export interface Analysis {
  text: string;
  tokens: Token[];
  quotes: QuotedSpan[];
  /** Per token: the index of the quoted span it lies in, or -1. */
  inQuote: Int32Array;
  sentences: Sentence[];
  /** Per token: the index of its sentence. */
  sentenceOf: Int32Array;
  names: NameRun[];
  /** Per token: the index of the name run it belongs to, or -1. */
  nameOf: Int32Array;
}

export function analyse(text: string): Analysis {
  const tokens = tokenize(text);
  for (let t = 1; t < tokens.length; t++) if (nounUse(tokens[t]!, tokens[t - 1])) tokens[t]!.noun = true;
  const quotes = findQuotedSpans(text);
  const inQuote = quoteMembership(tokens, quotes);
  const sentences = splitSentences(text, tokens, inQuote);
  const sentenceOf = new Int32Array(tokens.length);
  const starts = new Set<number>();
  sentences.forEach((s, si) => {
    starts.add(s.first);
    for (let t = s.first; t < s.last; t++) sentenceOf[t] = si;
  });
  // The first word inside a quotation mark starts a sentence too, for telling names from sentence-initial words.
  for (let t = 0; t < tokens.length; t++) if (inQuote[t] !== -1 && (t === 0 || inQuote[t - 1] !== inQuote[t])) starts.add(t + 1);
  const names = findNameRuns(text, tokens, starts, lowerCaseForms(tokens));
  const nameOf = new Int32Array(tokens.length).fill(-1);
  names.forEach((n, ni) => {
    for (let t = n.first; t < n.last; t++) nameOf[t] = ni;
  });
  return { text, tokens, quotes, inQuote, sentences, sentenceOf, names, nameOf };
}

/** Index of the first token starting at or after `offset`. */
export function tokenAt(analysis: Analysis, offset: number): number {
  const { tokens } = analysis;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A closing quotation mark as its own token. */
const CLOSING_MARK = /^(?:[”"»’']|'')$/;

/**
 * Whether token `k` ends a phrase with a comma: a comma outside quotation marks, or a closing
 * mark with the comma inside it (American style: "… “would be better,” adding …").
 */
export function commaAt(a: Analysis, k: number): boolean {
  const t = a.tokens[k];
  if (!t) return false;
  if (a.inQuote[k] === -1) return t.text === ',';
  return CLOSING_MARK.test(t.text) && a.tokens[k - 1]?.text === ',' && a.inQuote[k + 1] !== a.inQuote[k];
}

/** Whether two tokens are separated by a line break (a phrase never crosses one). */
export function brokenBetween(a: Analysis, i: number, j: number): boolean {
  const from = a.tokens[i]!.end;
  const to = a.tokens[j]!.start;
  for (let k = from; k < to; k++) if (a.text[k] === '\n' || a.text[k] === '\r') return true;
  return false;
}
