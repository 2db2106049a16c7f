/**
 * Finding a phrase in article text the way an analyst expects: case-insensitive (Unicode case
 * folding, so offsets stay those of the original text), straight and curly quotes alike, and any
 * run of whitespace in the query matching any run in the text, across line breaks.
 */

export interface TextMatch {
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/** Characters news text writes several ways; a query with one finds all of them. */
const EQUIVALENTS: Record<string, string> = {
  "'": "['‘’ʼ]",
  '‘': "['‘’ʼ]",
  '’': "['‘’ʼ]",
  ʼ: "['‘’ʼ]",
  '"': '["“”„]',
  '“': '["“”„]',
  '”': '["“”„]',
  '„': '["“”„]',
  '-': '[-‐‑–—]',
  '–': '[-‐‑–—]',
  '—': '[-‐‑–—]',
};

/** The pattern for a query, or null when the query has nothing to look for. */
export function queryPattern(query: string): RegExp | null {
  const trimmed = query.trim();
  if (trimmed === '') return null;
  let source = '';
  for (const part of trimmed.split(/(\s+)/u)) {
    if (/^\s+$/u.test(part)) {
      source += '\\s+';
      continue;
    }
    for (const ch of part) source += EQUIVALENTS[ch] ?? escapeRegExp(ch);
  }
  return new RegExp(source, 'giu');
}

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** The longest query searched for: a phrase, not a paragraph (the api refuses longer ones). */
export const MAX_QUERY_LENGTH = 500;

/**
 * Matches of `query` in `text`, in order, at most `limit`, each with some context either side.
 * Linear in the text whatever the query (a regular expression costs text × query on repetitive
 * text: 8 MB and a 999-character query took 23 s): text and query become the same stream of
 * folded characters — case folded, quotes and dashes each one character, a whitespace run one
 * space — and the query is found in the text's stream with Knuth–Morris–Pratt.
 */
export function findInText(text: string, query: string, limit: number, context = 40, stop?: StopCheck): TextMatch[] {
  const needle = foldedKeys(query.trim());
  if (needle.length === 0 || limit <= 0) return [];
  const fallback = kmpFallback(needle);
  const m = needle.length;
  /** Start offsets of the last m text keys, by key number modulo m. */
  const starts = new Int32Array(m);
  const hits: TextMatch[] = [];
  let matched = 0;
  let keyNumber = 0;
  for (let i = 0; i < text.length && hits.length < limit; keyNumber++) {
    if ((keyNumber & CHUNK_MASK) === 0 && stop?.()) throw new SearchStopped();
    const start = i;
    let key = text.codePointAt(i)!;
    if (isSpace(key)) {
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      key = SPACE;
    } else {
      i += key > 0xffff ? 2 : 1;
      key = fold(key);
    }
    starts[keyNumber % m] = start;
    while (matched > 0 && needle[matched] !== key) matched = fallback[matched - 1]!;
    if (needle[matched] === key) matched++;
    if (matched === m) {
      const from = starts[(keyNumber - m + 1) % m]!;
      hits.push({
        start: from,
        end: i,
        before: oneLine(text.slice(Math.max(0, from - context), from)).trimStart(),
        match: text.slice(from, i),
        after: oneLine(text.slice(i, i + context)).trimEnd(),
      });
      matched = 0; // matches do not overlap
    }
  }
  return hits;
}

const SPACE = 0x20;

/** How often a search looks at its deadline: every 64 Ki characters, so one huge text cannot overrun it. */
const CHUNK_MASK = 0xffff;

/** Asked once per chunk of text: true when the search must stop (its deadline passed, or a newer query came). */
export type StopCheck = () => boolean;

/** Thrown out of a search that its StopCheck stopped. */
export class SearchStopped extends Error {
  constructor() {
    super('The search was stopped');
  }
}

function foldedKeys(query: string): number[] {
  const keys: number[] = [];
  for (let i = 0; i < query.length;) {
    const c = query.codePointAt(i)!;
    if (isSpace(c)) {
      while (i < query.length && isSpace(query.charCodeAt(i))) i++;
      keys.push(SPACE);
    } else {
      i += c > 0xffff ? 2 : 1;
      keys.push(fold(c));
    }
  }
  return keys;
}

function kmpFallback(needle: readonly number[]): Int32Array {
  const table = new Int32Array(needle.length);
  for (let i = 1, k = 0; i < needle.length; i++) {
    while (k > 0 && needle[i] !== needle[k]) k = table[k - 1]!;
    if (needle[i] === needle[k]) k++;
    table[i] = k;
  }
  return table;
}

/** JavaScript's `\s`: Unicode White_Space (Zs), tab, VT, FF, BOM and the line terminators. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Characters news text writes several ways, each to one key (as EQUIVALENTS above). */
const SAME_AS = new Map<number, number>(
  (
    [
      ["'‘’ʼ", 0x27],
      ['"“”„', 0x22],
      ['-‐‑–—', 0x2d],
    ] as const
  ).flatMap(([chars, key]) => [...chars].map((ch): [number, number] => [ch.codePointAt(0)!, key])),
);
const folded = new Map<number, number>();

/** Simple case folding of one code point (as the regular expression flags `iu` do), then equivalents. */
function fold(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : (SAME_AS.get(c) ?? c);
  let key = folded.get(c);
  if (key === undefined) {
    const upper = String.fromCodePoint(c).toUpperCase();
    const lower = upper.toLowerCase();
    const single = (s: string) => s.length === (s.codePointAt(0)! > 0xffff ? 2 : 1);
    key = single(upper)
      ? single(lower)
        ? lower.codePointAt(0)!
        : upper.codePointAt(0)!
      : single(String.fromCodePoint(c).toLowerCase())
        ? String.fromCodePoint(c).toLowerCase().codePointAt(0)!
        : c;
    key = SAME_AS.get(key) ?? key;
    folded.set(c, key);
  }
  return key;
}

/** Context is shown on one line in a result list. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
