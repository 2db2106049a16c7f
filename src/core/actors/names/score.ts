import type { ParsedName } from './parse';
import { STRUCTURE, SUFFIX_MISMATCH_CAP, type MatchReason } from './scores';
import { compareWords, type NameToken, type WordMatch } from './tokens';

/**
 * Scores one reading of a mention against one name of an entity. People are compared part by
 * part — the surname must agree, every other word of the mention must find its place among the
 * entity's given and middle names, and a generational suffix must agree — so "Eric Trump" never
 * scores against Donald Trump. Organisations are compared word by word and by acronym.
 */

export interface Scored {
  score: number;
  /** The structural reason first (surname, acronym, ...), then the weakest word's. */
  reasons: MatchReason[];
}

function combine(structure: number, structureReason: MatchReason | null, words: readonly WordMatch[], cap = 1): Scored {
  let score = structure;
  const reasons: MatchReason[] = structureReason ? [structureReason] : [];
  const sorted = [...words].sort((a, b) => a.score - b.score);
  if (sorted[0]) score *= sorted[0].score;
  for (const w of sorted) if (w.reason !== 'exact' && !reasons.includes(w.reason)) reasons.push(w.reason);
  return { score: Math.min(score, cap), reasons };
}

function best(options: (Scored | null)[]): Scored | null {
  let top: Scored | null = null;
  for (const o of options) if (o && (!top || o.score > top.score)) top = o;
  return top;
}

export function scorePerson(m: ParsedName, e: ParsedName): Scored | null {
  if (!m.surname || !e.surname) return null;
  if (m.suffix && m.suffix !== e.suffix) return null;
  const cap = !m.suffix && e.suffix ? SUFFIX_MISMATCH_CAP : 1;
  const suffixReason: MatchReason[] = cap < 1 ? ['suffix'] : [];
  const scored = m.given ? fullName(m, e, cap) : singleWord(m, e, cap);
  return scored && { score: scored.score, reasons: [...scored.reasons, ...suffixReason] };
}

/** A mention of one word (plus perhaps a suffix): surname, first name, initials, or a one-word name. */
function singleWord(m: ParsedName, e: ParsedName, cap: number): Scored | null {
  const word = m.surname!;
  const initials = m.isAcronym !== null && e.acronyms.includes(m.isAcronym) ? combine(STRUCTURE.initials, 'initials', [], cap) : null;
  // "UN", "JFK": capitals are initials, never a surname or first name ("UN" is not Kim Jong Un).
  if (m.isAcronym !== null) return initials;
  const surname = compareWords(word, e.surname!, false);
  if (!e.given) return best([initials, surname && combine(STRUCTURE.exact, null, [surname], cap)]);
  const given = compareWords(word, e.given, false);
  const middle = e.middles.map((t) => compareWords(word, t, false)).find(Boolean) ?? null;
  return best([
    initials,
    surname && combine(STRUCTURE.surname, 'surname', [surname], cap),
    given && combine(STRUCTURE.firstName, 'first name', [given], cap),
    middle && combine(STRUCTURE.middleOnly, 'middle name', [middle], cap),
  ]);
}

/** Given (and middle) names plus surname: each of the mention's words must have its counterpart. */
function fullName(m: ParsedName, e: ParsedName, cap: number): Scored | null {
  const surname = compareWords(m.surname!, e.surname!, false);
  if (!surname) return null;
  const theirs = [e.given, ...e.middles].filter((t): t is NameToken => t !== null);
  if (theirs.length === 0) return null;
  const ours = [m.given!, ...m.middles];
  const words: WordMatch[] = [surname];
  let structure: number = STRUCTURE.exact;
  let reason: MatchReason | null = null;
  let next = 0;
  for (const [i, word] of ours.entries()) {
    let found = -1;
    let match: WordMatch | null = null;
    for (let k = next; k < theirs.length && !match; k++) {
      match = compareWords(word, theirs[k]!, true);
      if (match) found = k;
    }
    if (!match) {
      // "Donald John Trump" against a registered "Donald Trump": a middle name the registry lacks.
      if (i > 0 && e.middles.length === 0) {
        structure = Math.min(structure, STRUCTURE.middleOmitted);
        reason ??= 'middle name';
        continue;
      }
      return null;
    }
    if (i === 0 && found > 0) {
      structure = Math.min(structure, STRUCTURE.middleAsGiven);
      reason = 'middle name';
    } else if (found > next) {
      structure = Math.min(structure, STRUCTURE.middleOmitted);
      reason ??= 'middle name';
    }
    words.push(match);
    next = found + 1;
  }
  if (next < theirs.length) {
    structure = Math.min(structure, STRUCTURE.middleOmitted);
    reason ??= 'middle name';
  }
  return combine(structure, reason, words, cap);
}

export function scoreOrganisation(m: ParsedName, e: ParsedName): Scored | null {
  const acronym =
    (m.isAcronym !== null && e.acronyms.includes(m.isAcronym)) ||
    (e.isAcronym !== null && m.acronyms.includes(e.isAcronym)) ||
    (m.words.length === 1 && m.words[0]!.fold.length >= 4 && e.acronyms.includes(m.words[0]!.fold));
  const byAcronym = acronym ? combine(STRUCTURE.acronym, 'acronym', []) : null;
  return best([byAcronym, byWords(m.content, e.content)]);
}

/** Every content word of the mention found among the entity's: all of them (any order) or some. */
function byWords(ours: readonly NameToken[], theirs: readonly NameToken[]): Scored | null {
  if (ours.length === 0 || theirs.length === 0 || ours.length > theirs.length) return null;
  const used = new Set<number>();
  const words: WordMatch[] = [];
  let inOrder = true;
  let last = -1;
  for (const word of ours) {
    let found = -1;
    let match: WordMatch | null = null;
    for (let k = 0; k < theirs.length && !match; k++) {
      if (used.has(k)) continue;
      match = compareWords(word, theirs[k]!, false);
      if (match) found = k;
    }
    if (!match) return null;
    used.add(found);
    if (found < last) inOrder = false;
    last = found;
    words.push(match);
  }
  if (ours.length < theirs.length) return combine(STRUCTURE.partial * Math.sqrt(ours.length / theirs.length), 'partial', words);
  return inOrder ? combine(STRUCTURE.exact, null, words) : combine(STRUCTURE.wordOrder, 'word order', words);
}
