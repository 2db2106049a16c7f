/**
 * Rejected suggestions across a new version of an article's text ("Update text"). A rejection is
 * stored as the suggestion's id, which is its kind and offsets (ids.ts); offsets move when text
 * before them changes, so each rejection is re-anchored the way annotations are
 * (src/core/text/reanchor) and stored under the id the same suggestion has on the new text.
 *
 * Only a rejection whose text is still there, character for character (placed or moved), is kept:
 * a suggestion whose words changed is another suggestion and may be shown again, and one whose
 * text vanished is dropped.
 */
import type { Fragment } from '../model/fragments';
import { reanchorAll } from '../text/reanchor';
import { computeSuggestions } from './compute';
import { suggestionId } from './ids';
import type { SuggestionKind } from './types';

export interface ReanchoredRejections {
  /** The ids to store for the new text, in the order of the old ones. */
  ids: string[];
  /** How many stored ids were dropped (their text changed or vanished; duplicates count too). */
  dropped: number;
}

const ID = /^(quote|actor)@(\d+-\d+(?:\+\d+-\d+)*)$/;

/** The kind and fragments an id spells out, or null for a hashed id of a quote with many fragments. */
export function parseSuggestionId(id: string): { kind: SuggestionKind; fragments: Fragment[] } | null {
  const m = ID.exec(id);
  if (!m) return null;
  const fragments = m[2]!.split('+').map((pair) => {
    const [start, end] = pair.split('-').map(Number);
    return { start: start!, end: end! };
  });
  return { kind: m[1] as SuggestionKind, fragments };
}

export function reanchorRejections(oldText: string, newText: string, ids: readonly string[]): ReanchoredRejections {
  if (oldText === newText) return { ids: [...ids], dropped: 0 };
  // A hashed id does not spell its offsets: find them among the quotes of the old text (quote
  // fragments do not depend on names, so the rules alone, without the NLP pass, give them).
  let hashed: Map<string, Fragment[]> | null = null;
  const spans: { id: string; kind: SuggestionKind; fragments: Fragment[] }[] = [];
  for (const id of ids) {
    let parsed = parseSuggestionId(id);
    if (!parsed && id.startsWith('quote@')) {
      hashed ??= quoteFragmentsById(oldText);
      const fragments = hashed.get(id);
      if (fragments) parsed = { kind: 'quote', fragments };
    }
    if (parsed && parsed.fragments.every((f) => f.start < f.end && f.end <= oldText.length)) spans.push({ id, ...parsed });
  }
  const kept = new Set<string>();
  reanchorAll(oldText, newText, spans).forEach((r, i) => {
    if ((r.state === 'placed' || r.state === 'moved') && r.fragments) kept.add(suggestionId(spans[i]!.kind, r.fragments));
  });
  return { ids: [...kept], dropped: ids.length - kept.size };
}

function quoteFragmentsById(text: string): Map<string, Fragment[]> {
  const found = computeSuggestions({ text }, { kinds: ['quote'], minScore: 0 });
  return new Map(found.ok ? found.value.map((s) => [s.id, s.fragments]) : []);
}
