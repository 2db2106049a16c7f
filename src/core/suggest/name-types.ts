/**
 * Person or organisation for each candidate name. Spelling settles what it can — a title makes
 * a person ("Sen. Marco Rubio", "Mr. Garin"), an acronym or an organisation word an organisation
 * ("FBI", "Fox News", "Congressional Budget Office"), and a lone surname takes the type of the
 * full name it ends ("Carson" after "Ben Carson") — and only the rest goes to the NLP name
 * finder, which keeps the finder's share of the time budget small.
 */
import type { Analysis } from './analysis';
import { looksLikeOrganization } from './speakers';
import type { NameFinder } from './types';

export type NameType = 'person' | 'organization';

export interface NameKinds {
  types: Map<number, NameType>;
  /** For people whose first name (or title) tells. */
  genders: Map<number, 'male' | 'female'>;
}

export function nameKinds(a: Analysis, finder: NameFinder | undefined): NameKinds {
  const types = new Map<number, NameType>();
  const genders = new Map<number, 'male' | 'female'>();
  const lastWords = new Map<string, number[]>();
  a.names.forEach((r, i) => {
    if (r.last - r.first < 2) return;
    const last = a.tokens[r.last - 1]!.text;
    lastWords.set(last, [...(lastWords.get(last) ?? []), i]);
  });
  const ask: number[] = [];
  const inherit: number[] = [];
  a.names.forEach((r, i) => {
    if (r.titled) {
      // A person by the title; the finder may still tell the gender from the first name.
      types.set(i, 'person');
      ask.push(i);
    } else if (looksLikeOrganization(r.text)) types.set(i, 'organization');
    else if (r.last - r.first === 1 && lastWords.has(r.text)) inherit.push(i);
    else ask.push(i);
  });
  if (finder && ask.length > 0) {
    const runAt = new Map(ask.map((i) => [a.names[i]!.start, i]));
    for (const found of finder(
      a.text,
      ask.map((i) => ({ start: a.names[i]!.start, end: a.names[i]!.end })),
    )) {
      const run = runAt.get(found.fragment.start);
      if (run === undefined) continue;
      if (!a.names[run]!.titled) types.set(run, found.type);
      if (found.gender) genders.set(run, found.gender);
    }
  }
  for (const i of inherit) {
    const r = a.names[i]!;
    const fulls = lastWords.get(r.text)!;
    // The nearest full name before the surname, else the first one after it.
    const full = [...fulls].reverse().find((f) => f < i) ?? fulls[0]!;
    const type = types.get(full);
    if (type) types.set(i, type);
    const gender = genders.get(full);
    if (gender) genders.set(i, gender);
  }
  a.names.forEach((r, i) => {
    if (r.gender) genders.set(i, r.gender);
  });
  return { types, genders };
}
