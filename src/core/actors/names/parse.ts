import { NAME_SUFFIXES, PARTICLES, STOPWORDS } from './lexicon';
import { acronymLetters, fold } from './normalize';
import { makeToken, type NameToken } from './tokens';

/**
 * A name split the way news writes it. For people: given name, middle names, surname and a
 * generational suffix; particles ("de", "van", "bin") are left out of the comparison. For
 * organisations and the rest: the content words (no "of", "the") and the acronyms they spell.
 */
export interface ParsedName {
  /** Every word (particles included), for acronyms and exact keys. */
  words: NameToken[];
  given: NameToken | null;
  middles: NameToken[];
  surname: NameToken | null;
  /** "jr", "iii", ... or null. */
  suffix: string | null;
  /** Content words of an organisation-style reading. */
  content: NameToken[];
  /** Acronyms the name spells ("nato", "un"), and the one it is, when it is an acronym ("eu"). */
  acronyms: string[];
  isAcronym: string | null;
}

/** Splits dotted initials ("H.W.", "J.K.") into one word each, for the person reading. */
export function splitInitials(words: readonly string[]): string[] {
  return words.flatMap((w) =>
    /^(\p{L}\.){2,}$/u.test(w)
      ? w
          .split('.')
          .filter(Boolean)
          .map((l) => `${l}.`)
      : [w],
  );
}

export function parseName(words: readonly string[]): ParsedName {
  const tokens = splitInitials(words).map(makeToken);
  let end = tokens.length;
  let suffix: string | null = null;
  const last = tokens[end - 1];
  if (end >= 2 && last && NAME_SUFFIXES.has(last.plain) && (last.plain !== 'v' || end >= 3)) {
    suffix = normaliseSuffix(last.plain);
    end--;
  }
  const core = tokens.slice(0, end).filter((t, i) => i === end - 1 || !(PARTICLES.has(t.lower) && !t.capitalised));
  const surname = core[core.length - 1] ?? null;
  const given = core.length >= 2 ? core[0]! : null;
  const middles = core.length >= 3 ? core.slice(1, -1) : [];
  // The organisation reading keeps "U.S." one word, and leaves out "of", "the".
  const orgWords = words.length === tokens.length ? tokens : words.map(makeToken);
  const content = orgWords.filter((t) => !STOPWORDS.has(t.lower));
  const single = words.length === 1 ? acronymLetters(words[0]!) : null;
  return { words: orgWords, given, middles, surname, suffix, content, acronyms: acronymsOf(orgWords, content), isAcronym: single };
}

function normaliseSuffix(s: string): string {
  return s === 'junior' ? 'jr' : s === 'senior' ? 'sr' : s;
}

/** Initials of the content words ("North Atlantic Treaty Organization" → "nato") and of every word ("Mohammed bin Salman" → "mbs"). */
function acronymsOf(all: readonly NameToken[], content: readonly NameToken[]): string[] {
  if (all.length < 2) return [];
  const initials = (ts: readonly NameToken[]) => ts.map((t) => t.fold[0] ?? '').join('');
  return [...new Set([initials(content), initials(all)].filter((a) => a.length >= 2))];
}

/** "Putin, Vladimir" (as registries and catalogues write names) → ["Vladimir", "Putin"]. */
export function reorderInverted(name: string): string {
  const parts = name.split(',').map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) return name;
  if (NAME_SUFFIXES.has(fold(parts[1]).replace(/\./g, ''))) return name;
  return `${parts[1]} ${parts[0]}`;
}
