import {
  ARTICLES,
  CONJUNCTIONS,
  GENDERED_HONORIFICS,
  NOT_BEFORE_HEAD,
  NOT_NAMES,
  PARTICLES,
  POSSESSIVE_DETERMINERS,
  QUALIFIER_PREPOSITIONS,
  RELATIVE_WORDS,
  TITLE_WORDS,
} from './lexicon';
import { acronymLetters, cleanText, hasPossessive, isCapitalised, nameKey, nameWords } from './normalize';
import { LATER_SEGMENT_FACTOR } from './scores';

/**
 * How the text of an actor span can be read as a name. News spans carry more than the name:
 * "Kremlin spokesman Dmitry Peskov", "Wilcox, an Orlando Republican who ...", "CNBC's Becky
 * Quick", "Gov. Phil Bryant (R)". Each reading (form) is one way to cut the name out; the
 * matcher scores them all and keeps the best, so a cut that removes too much ("General Motors"
 * → "Motors") never beats the literal text.
 */

export interface MentionForm {
  words: string[];
  /** A title or descriptor was cut off (reported as reason "title"). */
  stripped: boolean;
  /** Below 1 for a later part of a comma list. */
  factor: number;
}

export interface MentionReading {
  /** nameKey of the whole span, for exact name and alias lookups, and the same unfolded. */
  key: string;
  spelled: string;
  forms: MentionForm[];
  /** From an honorific ("Mr.", "Mrs."): checked against an entity's `gender` property. */
  gender: 'male' | 'female' | null;
}

const SEGMENT_BREAK = /\s*[,;:]\s*|\s+[-–—]+\s+/;
/** A name is at the start of its span; a span longer than this (a mistagged paragraph) is read only that far. */
const MAX_MENTION_LENGTH = 500;

export function readMention(text: string): MentionReading {
  const clean = cleanText(text.slice(0, MAX_MENTION_LENGTH).replace(/\([^)]*\)/g, ' '));
  const segments = clean.split(SEGMENT_BREAK).filter(Boolean).slice(0, 4);
  let gender: MentionReading['gender'] = null;
  const forms: MentionForm[] = [];
  // The head of a comma list names the actor; later parts are appositives, read only when the
  // head describes rather than names ("His Democratic opponent, Rep. Alan Grayson") or names
  // nobody ("Front-runner Clinton's top challenger, Sen. Bernie Sanders of Vermont").
  for (const [i, segment] of segments.entries()) {
    if (i > 0 && RELATIVE_WORDS.has(segment.split(' ')[0]!.toLowerCase())) break;
    const read = segmentForms(segment);
    gender ??= read.gender;
    for (const f of read.forms) forms.push({ ...f, factor: i === 0 ? 1 : LATER_SEGMENT_FACTOR });
    if (read.forms.length > 0 && !describes(segment)) break;
  }
  return { key: nameKey(clean), spelled: nameKey(clean, false), forms, gender };
}

/** "The organizer of ...", "His Democratic opponent": a description, not a name. */
function describes(segment: string): boolean {
  const words = segment.split(' ');
  const first = ARTICLES.has(words[0]!.toLowerCase()) && words.length > 1 ? words[1]! : words[0]!;
  return POSSESSIVE_DETERMINERS.has(first.toLowerCase()) || !isCapitalised(first);
}

function segmentForms(segment: string): { forms: Omit<MentionForm, 'factor'>[]; gender: MentionReading['gender'] } {
  let words = nameWords(segment);
  if (words.length === 0) return { forms: [], gender: null };
  // "CNBC's Becky Quick", "Mrs. Clinton's presidential campaign": what follows a possessive is
  // what the span names; the possessor only qualifies it.
  const possessive = words.slice(0, -1).findLastIndex(hasPossessive);
  if (possessive >= 0) words = words.slice(possessive + 1);
  if (!words.some((w) => isCapitalised(w) && !isNotName(w))) return { forms: [], gender: null };

  const forms: Omit<MentionForm, 'factor'>[] = [{ words, stripped: false }];
  let gender: MentionReading['gender'] = null;
  if (!words.some((w) => CONJUNCTIONS.has(w.toLowerCase()))) {
    const cut = titleCut(words);
    if (cut >= 0 && headable(words, cut + 1)) {
      for (const w of words.slice(0, cut + 1)) {
        const key = w.toLowerCase().replace(/\.$/, '');
        gender ??= Object.hasOwn(GENDERED_HONORIFICS, key) ? GENDERED_HONORIFICS[key]! : null;
      }
      forms.push({ words: words.slice(cut + 1), stripped: true });
    }
    // "Real estate developer Carlos Beruff": lowercase words before the name describe it.
    const lower = words.findLastIndex((w, i) => i < words.length - 1 && !isCapitalised(w) && !PARTICLES.has(w));
    if (lower >= 0 && headable(words, lower + 1)) forms.push({ words: words.slice(lower + 1), stripped: true });
    // "Sanders of Vermont", "Clinton in December 1992": the name, then a qualifier.
    const qualifier = words.findIndex((w, i) => i > 0 && QUALIFIER_PREPOSITIONS.has(w));
    if (qualifier > 0 && words.slice(0, qualifier).every(isCapitalised)) forms.push({ words: words.slice(0, qualifier), stripped: true });
  }
  const seen = new Set<string>();
  const kept = forms.filter((f) => {
    const key = f.words.join(' ');
    if (seen.has(key) || f.words.length === 0 || !f.words.some(isCapitalised)) return false;
    if (f.words.length === 1 && isNotName(f.words[0]!)) return false;
    seen.add(key);
    return true;
  });
  return { forms: kept, gender };
}

/** "WHO" and "US" are acronyms; "who" and "us" name no one. */
function isNotName(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase()) && acronymLetters(word) === null;
}

/**
 * Whether the words from `start` on can be the span's head: not when a preposition or a
 * quantifier comes before them ("endorsement of Cruz", "Friends of Mr. Clinton", "some
 * Democrats"), except the "of" of a title ("Secretary of State").
 */
function headable(words: readonly string[], start: number): boolean {
  return !words.slice(0, start).some((w, i) => NOT_BEFORE_HEAD.has(w) && !((w === 'of' || w === 'for') && i > 0 && isTitle(words[i - 1]!)));
}

/**
 * The readings of a registered name (canonical or alias): as written and, when it starts with a
 * title, without it ("Pope Francis" → "Francis"). No other cuts: a registered name is all name.
 */
export function registeredNameForms(text: string): MentionForm[] {
  const words = nameWords(cleanText(text));
  if (words.length === 0) return [];
  const forms: MentionForm[] = [{ words, stripped: false, factor: 1 }];
  const cut = words.some((w) => CONJUNCTIONS.has(w.toLowerCase())) ? -1 : titleCut(words);
  if (cut >= 0) forms.push({ words: words.slice(cut + 1), stripped: true, factor: 1 });
  return forms;
}

/**
 * Index of the last word of the leading titles ("Russian President", "Secretary of State",
 * "Lt. Gov."), or -1. A title only counts when a capitalised word follows it, so "Stephen King"
 * and "John Major" keep their surnames.
 */
function titleCut(words: readonly string[]): number {
  let cut = -1;
  for (let j = 0; j < words.length - 1; j++) {
    if (!isTitle(words[j]!)) continue;
    let end = j;
    // "Secretary of State Hillary Clinton", "Minister for Foreign Affairs ..."
    if ((words[j + 1] === 'of' || words[j + 1] === 'for') && j + 3 < words.length) {
      end = j + 2;
      if (words[end]!.toLowerCase() === 'the' && end + 2 < words.length) end++;
    }
    if (isCapitalised(words[end + 1]!)) cut = end;
  }
  return cut;
}

export function isTitle(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (TITLE_WORDS.has(w)) return true;
  if (!w.includes('-')) return false;
  return w.split('-').every((part) => TITLE_WORDS.has(part) || part === 'ex' || part === 'vice' || part === 'co');
}
