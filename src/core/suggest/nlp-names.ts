/**
 * Person and organisation names by compromise (an offline NLP library: its lexicon and rules
 * ship in the package, nothing is downloaded at run time; about 350 kB minified, so it belongs
 * in the suggestion worker, loaded on demand).
 *
 * compromise's tagger takes roughly 0.1 ms a word, too slow for a whole 10,000-word article
 * inside the 300 ms budget, so it sees only the candidate names the spelling rules found
 * (names.ts), each distinct spelling once, in two tiers:
 *  1. its lexicon, looked up word by word: a known first name opening a name of two or more
 *     words makes a person ("Jared Bernstein", with the gender the lexicon gives), a known
 *     surname or person alone a person ("Obama"), an organisation word ending it an organisation
 *     ("… Agency"), a place a place (no actor);
 *  2. the tagger, for the rest, one candidate per line: a candidate is a person or an
 *     organisation when compromise finds one that ends where the candidate ends (its head:
 *     "President Obama" is a person, "Obama administration" is not).
 * Results are cached per spelling, so computing the suggestions again after an edit costs little.
 */
import nlp from 'compromise';
import type { Fragment } from '../model/fragments';
import { isTitleWord } from './names';
import type { FoundName, NameFinder } from './types';

type NameType = FoundName['type'];
type Classified = { type: NameType; gender?: 'male' | 'female' } | null;

interface CompromiseMatch {
  offset?: { start?: unknown; length?: unknown };
  text?: unknown;
}

/** Cached spellings beyond this are forgotten, oldest first, so a long session's cache stays small. */
const CACHE_LIMIT = 20_000;

export function compromiseNameFinder(): NameFinder {
  const cache = new Map<string, Classified>();
  return (text: string, candidates: readonly Fragment[]): FoundName[] => {
    const spellings = candidates.map((f) => text.slice(f.start, f.end).replace(/\s+/g, ' '));
    const unknown: string[] = [];
    for (const s of new Set(spellings)) {
      if (cache.has(s)) continue;
      const looked = fromLexicon(s);
      if (looked === undefined) unknown.push(s);
      else cache.set(s, looked);
    }
    if (unknown.length > 0) tag(unknown, cache);
    while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    const found: FoundName[] = [];
    candidates.forEach((fragment, i) => {
      const c = cache.get(spellings[i]!);
      if (c) found.push({ fragment, ...c });
    });
    return found;
  };
}

const FIRST_NAMES = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PERSONS = new Set(['Person', 'LastName', 'FirstName', 'MaleName', 'FemaleName', 'Honorific']);
const ORGANIZATIONS = new Set(['Organization', 'SportsTeam']);
const PLACES = new Set(['Place', 'City', 'Region', 'Country']);

let lexicon: Record<string, string | string[]> | null = null;
let orgWords: Record<string, unknown> | null = null;

function tagsOf(word: string): string[] {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  // The text's words are looked up: "constructor" must not find Object's.
  const tags = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

function isOrgWord(word: string): boolean {
  orgWords ??= (nlp.model() as { two: { orgWords?: Record<string, unknown> } }).two.orgWords ?? {};
  return Object.hasOwn(orgWords, word);
}

/** Tier 1: what compromise's lexicon says of the spelling; undefined when it cannot tell. */
function fromLexicon(spelling: string): Classified | undefined {
  const all = spelling
    .toLowerCase()
    .replace(/['’]s$/, '')
    .split(/\s+/);
  // Titles before the name ("Sen.", "Senator", "Mr.") say nothing the first name does not.
  let from = 0;
  while (from < all.length - 1 && (all[from]!.endsWith('.') || tagsOf(all[from]!).includes('Honorific') || isTitleWord(all[from]!))) from++;
  const words = all.slice(from).map((w) => w.replace(/\.$/, ''));
  const whole = tagsOf(words.join(' '));
  if (whole.some((t) => ORGANIZATIONS.has(t))) return { type: 'organization' };
  if (whole.some((t) => PLACES.has(t))) return null;
  if (words.length > 1 && isOrgWord(words[words.length - 1]!)) return { type: 'organization' };
  const first = tagsOf(words[0]!);
  if (words.length > 1 && first.some((t) => FIRST_NAMES.has(t)) && !first.some((t) => PLACES.has(t))) {
    const c: Classified = { type: 'person' };
    if (first.includes('MaleName') && !first.includes('FemaleName')) c.gender = 'male';
    if (first.includes('FemaleName') && !first.includes('MaleName')) c.gender = 'female';
    return c;
  }
  if (words.length === 1 && whole.some((t) => PERSONS.has(t))) return { type: 'person' };
  return undefined;
}

/** Tier 2: compromise's tagger over the spellings the lexicon left open. */
function tag(spellings: readonly string[], cache: Map<string, Classified>): void {
  // One candidate per line, each ended like a sentence so compromise never joins two.
  const starts: number[] = [];
  let joined = '';
  for (const s of spellings) {
    starts.push(joined.length);
    joined += `${s}.\n`;
  }
  const types = new Array<NameType | null>(spellings.length).fill(null);
  const doc = nlp(joined);
  const mark = (matches: unknown, type: NameType) => {
    if (!Array.isArray(matches)) return;
    for (const m of matches as CompromiseMatch[]) {
      const start = Number(m.offset?.start);
      const length = Number(m.offset?.length);
      if (!Number.isFinite(start) || !Number.isFinite(length)) continue;
      const i = candidateAt(starts, start);
      const spelling = spellings[i]!;
      // The match must reach the candidate's end (its head), trailing point aside.
      const matchEnd = start + length - starts[i]!;
      if (matchEnd >= spelling.length && types[i] === null) types[i] = type;
    }
  };
  mark(doc.people().json({ offset: true }), 'person');
  mark(doc.organizations().json({ offset: true }), 'organization');
  spellings.forEach((s, i) => cache.set(s, types[i] ? { type: types[i] } : null));
}

/** Index of the candidate whose line holds offset `at` in the joined text. */
function candidateAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
