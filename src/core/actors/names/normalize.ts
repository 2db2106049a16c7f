import transliterate from '@sindresorhus/transliterate';
import { ARTICLES } from './lexicon';

/**
 * Text folding for names. Two ASCII folds, because transliteration conventions disagree:
 * `fold` drops combining marks first (Müller → muller, Erdoğan → erdogan) and transliterates
 * what is left (Зеленский → zelenskii); `foldAlt` lets the transliterator decide everything
 * (Müller → mueller, Зеленский → zelenskiy). Names equal under either are the same spelling.
 */

const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}/gu;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return transliterate(lower.normalize('NFD').replace(MARKS, '')).toLowerCase();
}

export function foldAlt(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return transliterate(lower.normalize('NFC')).toLowerCase();
}

/** Typographic quotes, apostrophes and dashes as their ASCII forms, spaces collapsed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[’‘`´ʼ′]/g, "'")
    .replace(/[“”„«»"]/g, ' ')
    .replace(/[‐‑]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Drops a final possessive: "NATO's" → "NATO", "Reuters'" → "Reuters". */
export function dropPossessive(word: string): string {
  if (/'s$/i.test(word) && word.length > 2) return word.slice(0, -2);
  if (/s'$/i.test(word)) return word.slice(0, -1);
  return word;
}

export function hasPossessive(word: string): boolean {
  return (/'s$/i.test(word) && word.length > 2) || /s'$/i.test(word);
}

/** Leading and trailing punctuation off a word; dots of abbreviations and inner apostrophes stay. */
export function trimWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}.']+$/u, '');
}

/**
 * The key two names share when they are the same up to case, diacritics, punctuation, a
 * leading "the" and a final possessive: how duplicates are found and how exact names are indexed.
 * With `foldLetters` false, diacritics and scripts are kept (to tell "exact" from "diacritics").
 */
export function nameKey(name: string, foldLetters = true): string {
  return nameWords(cleanText(name))
    .map((w) => (foldLetters ? fold(w) : w.toLowerCase()).replace(/[.']/g, '').replace(/-/g, ' '))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a (cleaned) name: punctuation trimmed, without a leading "the" or a final possessive. */
export function nameWords(text: string): string[] {
  const words = text.split(' ').map(trimWord).filter(Boolean);
  if (words.length > 1 && ARTICLES.has(words[0]!.toLowerCase())) words.shift();
  if (words.length > 0) words[words.length - 1] = dropPossessive(words[words.length - 1]!);
  return words;
}

/** Starts with a capital letter, or is in a script without case (Arabic, Chinese, ...). */
export function isCapitalised(word: string): boolean {
  const first = [...word][0];
  if (!first) return false;
  if (first.toLowerCase() === first.toUpperCase()) return /\p{L}/u.test(first);
  return first !== first.toLowerCase();
}

/** "NATO", "U.N.", "EU": two to eight capitals, with or without dots. */
export function acronymLetters(word: string): string | null {
  const letters = word.replace(/\./g, '');
  if (!/^\p{Lu}{2,8}$/u.test(letters)) return null;
  if (word.includes('.') && !/^(\p{Lu}\.)+\p{Lu}?\.?$/u.test(word)) return null;
  return fold(letters);
}
