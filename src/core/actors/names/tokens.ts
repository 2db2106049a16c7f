import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import doubleMetaphone from 'talisman/phonetics/double-metaphone.js';
import { fold, foldAlt, isCapitalised } from './normalize';
import { WORD, type MatchReason } from './scores';

/**
 * One word of a name with every key the matcher compares: its ASCII folds, a romanisation
 * skeleton and its Double Metaphone codes (talisman). Built once per registry name, and once per
 * word of the name being matched.
 */
export interface NameToken {
  /** As written, without dots: "W", "Erdoğan", "O'Connor". */
  raw: string;
  lower: string;
  /** Lowercase without apostrophes, dots and hyphens: O'Connor and OConnor are the same word. */
  plain: string;
  fold: string;
  foldAlt: string;
  skeleton: string;
  codes: string[];
  initial: boolean;
  capitalised: boolean;
}

/**
 * Tokens by word. Registries repeat words endlessly (given names, "Ministry", "National"), and a
 * token is pure data of its word, so each is made once; the cache is dropped when it grows large.
 */
const tokenCache = new Map<string, NameToken>();
const TOKEN_CACHE_LIMIT = 200_000;

export function makeToken(word: string): NameToken {
  let token = tokenCache.get(word);
  if (!token) {
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    token = buildToken(word);
    tokenCache.set(word, token);
  }
  return token;
}

function buildToken(word: string): NameToken {
  const raw = word.replace(/\./g, '');
  const lower = raw.toLowerCase();
  const f = fold(raw).replace(/['-]/g, '');
  const letters = withoutArticle(fold(raw)).replace(/[^a-z]/g, '');
  const skeleton = skeletonOf(fold(raw));
  // Codes of the spelling and of the skeleton: German "tsch" and English "ch" sound alike.
  const codes = letters ? [...doubleMetaphone(letters), ...doubleMetaphone(skeleton)] : [];
  return {
    raw,
    lower,
    plain: lower.replace(/['-]/g, ''),
    fold: f,
    foldAlt: foldAlt(raw).replace(/['-]/g, ''),
    skeleton,
    codes: [...new Set(codes.filter(Boolean))],
    initial: [...raw].length === 1 && /\p{L}/u.test(raw),
    capitalised: isCapitalised(raw.replace(/^(al|el|ad|ar|as|ash|at|az|ul)-/, '')),
  };
}

/**
 * A romanisation skeleton: the letters that differ between the usual transliterations of one
 * name are mapped together (y/j/i, w/v, kh/h, ph/f, q/k, x/ks, ou/u, doubled letters), and an
 * Arabic article prefix is dropped (al-Assad / Assad). Zelenskyy, Zelenskiy and Zelensky share
 * "zelenski"; Selenskyj differs only in its first letter, which the phonetic codes then bridge.
 */
export function skeletonOf(folded: string): string {
  let s = withoutArticle(folded).replace(/[^a-z]/g, '');
  s = s
    .replace(/tsch|tch/g, 'ch')
    .replace(/x/g, 'ks')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/dh/g, 'd')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?![eihy])/g, 'k')
    .replace(/w/g, 'v')
    .replace(/ou|oo/g, 'u');
  s = (s[0] ?? '') + s.slice(1).replace(/[yj]/g, 'i');
  return s.replace(/(.)\1+/g, '$1');
}

/** "al-Assad" → "assad": the Arabic article is written, dropped or joined differently by each outlet. */
function withoutArticle(folded: string): string {
  return folded.replace(/^(al|el|ad|ar|as|ash|at|az|ul)-(?=[a-z]{3})/, '');
}

export interface WordMatch {
  score: number;
  reason: MatchReason;
}

const EXACT: WordMatch = { score: WORD.exact, reason: 'exact' };

/**
 * How well two words of names agree, or null when they are different words. `allowInitial`
 * lets an initial stand for a word with that first letter (given and middle names, not surnames).
 */
export function compareWords(a: NameToken, b: NameToken, allowInitial: boolean): WordMatch | null {
  if (a.initial || b.initial) {
    if (a.initial && b.initial) return a.fold === b.fold ? EXACT : null;
    return allowInitial && a.fold[0] === b.fold[0] ? { score: WORD.initial, reason: 'initials' } : null;
  }
  if (a.lower === b.lower || a.plain === b.plain) return EXACT;
  if (a.fold === b.fold || a.foldAlt === b.foldAlt || a.fold === b.foldAlt || a.foldAlt === b.fold) return { score: WORD.diacritics, reason: 'diacritics' };
  if (isPlural(a.fold, b.fold) || isPlural(a.skeleton, b.skeleton) || isGenderedPair(a.skeleton, b.skeleton)) return null;
  if (a.skeleton === b.skeleton) return { score: WORD.transliteration, reason: 'transliteration' };
  const similarity = jaroWinkler(a.skeleton, b.skeleton);
  // Short words sound alike too easily ("Tsai" and "TASS"): the phonetic bridge needs four letters.
  const long = Math.min(a.skeleton.length, b.skeleton.length) >= 4;
  if (long && similarity >= 0.8 && a.codes.some((c) => b.codes.includes(c))) return { score: WORD.phonetic * Math.sqrt(similarity), reason: 'transliteration' };
  const spelling = jaroWinkler(a.fold, b.fold);
  if (spelling >= 0.9 && Math.min(a.fold.length, b.fold.length) >= 5) return { score: WORD.spelling * spelling, reason: 'spelling' };
  return null;
}

/** "Clintons" is a family, not a spelling of "Clinton". */
function isPlural(a: string, b: string): boolean {
  return a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`;
}

/**
 * Slavic and other surnames and given names take a feminine ending: Zelenska is not Zelenskyy,
 * Putina is not Putin, Alexandra is not Alexander. Two skeletons form such a pair when exactly
 * one ends in "a" and they agree, after the first letter, up to their last two letters.
 */
export function isGenderedPair(a: string, b: string): boolean {
  if (a.endsWith('a') === b.endsWith('a')) return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3) return false;
  // From the second letter: romanisations disagree on the first (Zelenska / Selenskyj).
  let common = 1;
  while (common < shorter && a[common] === b[common]) common++;
  return common >= shorter - 2;
}
