/**
 * Person and organisation names by compromise (an offline NLP library: its lexicon and rules
 * ship in the package, nothing is downloaded at run time; about 350 kB minified, so it belongs
 * in the suggestion worker, loaded on demand).
 *
 * compromise takes roughly 0.1 ms a word, too slow for a whole 10,000-word article inside the
 * 300 ms budget, so it is given only the candidate names the spelling rules found (names.ts),
 * each distinct spelling once, one per line. A candidate is a person or an organisation when
 * compromise finds one that ends where the candidate ends (its head: "President Obama" is a
 * person, "Obama administration" is not). Results are cached per spelling, so computing the
 * suggestions again after an edit costs little.
 */
import nlp from 'compromise';
import type { Fragment } from '../model/annotation';
import type { FoundName, NameFinder } from './types';

type NameType = FoundName['type'];

interface CompromiseMatch {
  offset?: { start?: unknown; length?: unknown };
  text?: unknown;
}

/** Cached spellings beyond this are forgotten, oldest first, so a long session's cache stays small. */
const CACHE_LIMIT = 20_000;

export function compromiseNameFinder(): NameFinder {
  const cache = new Map<string, NameType | null>();
  return (text: string, candidates: readonly Fragment[]): FoundName[] => {
    const spellings = candidates.map((f) => text.slice(f.start, f.end).replace(/\s+/g, ' '));
    const unknown = [...new Set(spellings.filter((s) => !cache.has(s)))];
    if (unknown.length > 0) classify(unknown, cache);
    const found: FoundName[] = [];
    candidates.forEach((fragment, i) => {
      const type = cache.get(spellings[i]!);
      if (type) found.push({ fragment, type });
    });
    return found;
  };
}

function classify(spellings: readonly string[], cache: Map<string, NameType | null>): void {
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
  spellings.forEach((s, i) => cache.set(s, types[i]!));
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
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
