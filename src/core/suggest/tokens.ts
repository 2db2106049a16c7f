/**
 * Tokens for the suggestion rules: words (with the abbreviations and initials news text is full
 * of: "Mr.", "Sen.", "U.S.", "Donald J. Trump") and single punctuation marks, each with its
 * UTF-16 offsets. A possessive "’s" is a token of its own, so "Trump’s" yields the name "Trump".
 */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, typographic apostrophes made straight: what word lists are matched against. */
  norm: string;
  word: boolean;
  /** A speech verb's spelling used as a noun here ("the states", "offered states billions"): analysis.ts marks it. */
  noun?: boolean;
}

/** Abbreviations that end in a point which does not end a sentence (lower case, without the point). */
export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'maj',
  'pres',
  'supt',
  'insp',
  'det',
  'atty',
  'rev',
  'fr',
  'msgr',
  'hon',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'vs',
  'etc',
  'inc',
  'corp',
  'co',
  'ltd',
  'llc',
  'bros',
  'dept',
  'univ',
  'assn',
  'approx',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'ala',
  'ariz',
  'ark',
  'calif',
  'colo',
  'conn',
  'del',
  'fla',
  'ga',
  'ill',
  'ind',
  'kan',
  'kans',
  'ky',
  'la',
  'md',
  'mass',
  'mich',
  'minn',
  'miss',
  'mo',
  'mont',
  'neb',
  'nev',
  'okla',
  'ore',
  'pa',
  'tenn',
  'tex',
  'va',
  'vt',
  'wash',
  'wis',
  'wyo',
]);
/** Abbreviations written in lower case; the list above counts only when the word is capitalised ("Ill." but "he was ill."). */
const LOWER_CASE_ABBREVIATIONS = new Set(['vs', 'etc', 'approx', 'est', 'cf']);

// Order matters: dotted acronyms ("U.S.", "a.m.") before plain words; a word keeps inner
// hyphens and apostrophes ("Holtz-Eakin", "O’Malley", "don’t"); numbers keep inner , and . and
// a hyphenated tail ("60-page", "28-year-old")
const TOKEN =
  /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’‐][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,:]\p{N}+)*(?:[-‐][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|[^\s\p{L}\p{N}]/gu;
const POSSESSIVE = /['’]s$/i;

export function normalizeWord(text: string): string {
  return text.toLowerCase().replace(/’/g, "'");
}

/** Tokens of text[from, to). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m !== null && m.index < to; m = TOKEN.exec(text)) {
    let start = m.index;
    let end = Math.min(to, start + m[0].length);
    const word = /[\p{L}\p{N}]/u.test(m[0][0]!);
    let body = text.slice(start, end);
    if (word && POSSESSIVE.test(body) && body.length > 2) {
      push(tokens, start, end - 2, text);
      start = end - 2;
      body = text.slice(start, end);
    } else if (word && text[end] === '.' && end < to && takesPoint(body)) {
      end++;
      body = text.slice(start, end);
    }
    if (!word && body === "'" && text[end] === "'") {
      // Two apostrophes are one double quotation mark in some archives ('' as in the NYT's).
      end++;
      body = "''";
    }
    if (!word && body === '`' && text[end] === '`') {
      end++;
      body = '``';
    }
    TOKEN.lastIndex = end;
    tokens.push({ start, end, text: body, norm: normalizeWord(body), word });
  }
  return tokens;
}

function push(tokens: Token[], start: number, end: number, text: string): void {
  const body = text.slice(start, end);
  tokens.push({ start, end, text: body, norm: normalizeWord(body), word: true });
}

/** A single capital (an initial) or a known abbreviation keeps the point that follows it. */
function takesPoint(word: string): boolean {
  if (/^\p{Lu}$/u.test(word)) return true;
  const lower = word.toLowerCase();
  return /^\p{Lu}/u.test(word) ? ABBREVIATIONS.has(lower) : LOWER_CASE_ABBREVIATIONS.has(lower);
}

export function isCapitalized(token: Token): boolean {
  return token.word && /^\p{Lu}/u.test(token.text);
}
