/**
 * Suggestions as one layer of ordinary annotations, for pipelines (`lede suggest`): quotes
 * labelled `quote`, actors `actor`, and each quote's named speaker as an `actor` span with a
 * `speaker` link from the quote — the labels and link type of the default schema, which every
 * export format carries. A pronoun speaker with no named actor gets no link (the suggestion could
 * not say who it is). Pure; the caller mints ids and times.
 */
import { makeAnnotation, makeRelation, type Minter } from '../formats/build';
import { compareSpans, type Annotation, type Relation } from '../model/annotation';
import type { Fragment } from '../model/fragments';
import type { Suggestion } from './types';

export const SUGGESTION_KINDS = ['quote', 'speaker', 'actor'] as const;
export type SuggestionLayerKind = (typeof SUGGESTION_KINDS)[number];

export const QUOTE_LABEL = 'quote';
export const ACTOR_LABEL = 'actor';
export const SPEAKER_LINK = 'speaker';

const key = (fragments: readonly Fragment[]) => fragments.map((f) => `${f.start}-${f.end}`).join(',');

export function suggestionLayer(
  text: string,
  suggestions: readonly Suggestion[],
  kinds: ReadonlySet<SuggestionLayerKind>,
  m: Minter,
): { annotations: Annotation[]; relations: Relation[] } {
  const annotations: Annotation[] = [];
  const relations: Relation[] = [];
  const actorAt = new Map<string, Annotation>();
  const actor = (fragments: Fragment[]): Annotation => {
    const k = key(fragments);
    let found = actorAt.get(k);
    if (!found) {
      found = makeAnnotation(text, { label: ACTOR_LABEL, fragments }, m);
      actorAt.set(k, found);
      annotations.push(found);
    }
    return found;
  };
  // Actors first, so a speaker that is also a suggested actor is one span, not two.
  if (kinds.has('actor')) for (const s of suggestions) if (s.kind === 'actor') actor(s.fragments);
  for (const s of suggestions) {
    if (s.kind !== 'quote' || !kinds.has('quote')) continue;
    const quote = makeAnnotation(text, { label: QUOTE_LABEL, fragments: s.fragments }, m);
    annotations.push(quote);
    const named = s.speaker?.actor?.fragment ?? (s.speaker && !s.speaker.pronoun ? s.speaker.fragment : undefined);
    if (kinds.has('speaker') && named) relations.push(makeRelation({ type: SPEAKER_LINK, from: quote.id, to: actor([named]).id }, m));
  }
  annotations.sort(compareSpans);
  return { annotations, relations };
}
