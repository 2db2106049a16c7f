import type { Fragment } from '../model/fragments';
import type { SuggestionKind } from './types';

/** Ids longer than this (a quote of many fragments) end in a hash of the offsets instead. */
const MAX_ID_LENGTH = 100;

/**
 * A suggestion's id: its kind and offsets, e.g. `quote@120-180+200-260` or `actor@15-27`. The
 * same suggestion computed again (after a reload, on another machine) gets the same id, so a
 * rejection stored by id keeps it away; a suggestion whose offsets differ is another suggestion.
 */
export function suggestionId(kind: SuggestionKind, fragments: readonly Fragment[]): string {
  const offsets = fragments.map((f) => `${f.start}-${f.end}`).join('+');
  const id = `${kind}@${offsets}`;
  if (id.length <= MAX_ID_LENGTH) return id;
  const first = fragments[0]!;
  const last = fragments[fragments.length - 1]!;
  return `${kind}@${first.start}-${last.end}~${fragments.length}~${fnv1a(offsets)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, dependency-free, stable digest. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
