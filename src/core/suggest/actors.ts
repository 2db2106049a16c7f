/**
 * Actor suggestions: every mention of a known name (score 0.95, with its entity), every name
 * the NLP pass classed as a person or an organisation (0.7), and every named speaker of a
 * suggested quote that neither found (0.6), so accepting a quote always has an actor to link
 * its speaker to. One suggestion per span; a known mention wins over an NLP name it overlaps.
 */
import type { Fragment } from '../model/fragments';
import type { Analysis } from './analysis';
import { suggestionId } from './ids';
import type { KnownMention } from './known-names';
import type { Suggestion } from './types';

export function findActors(
  a: Analysis,
  known: readonly KnownMention[],
  types: ReadonlyMap<number, 'person' | 'organization'>,
  quotes: readonly Suggestion[],
): Suggestion[] {
  const out: Suggestion[] = [];
  // Characters already covered by an actor suggestion; one array keeps the overlap test linear.
  const covered = new Uint8Array(a.text.length);
  const take = (f: Fragment) => covered.fill(1, f.start, f.end);
  const free = (f: Fragment) => covered.subarray(f.start, f.end).indexOf(1) === -1;
  const typeAt = new Map<string, 'person' | 'organization'>();
  for (const [run, type] of types) typeAt.set(spanKey(a.names[run]!), type);

  for (const m of known) {
    const s = actor(a, m.fragment, 'known-name', 0.95, typeAt.get(spanKey(m.fragment)));
    if (m.entityId) s.entityId = m.entityId;
    out.push(s);
    take(m.fragment);
  }
  for (const [run, type] of [...types].sort((x, y) => x[0] - y[0])) {
    const r = a.names[run]!;
    const fragment = { start: r.start, end: r.end };
    if (!free(fragment)) continue;
    out.push(actor(a, fragment, type === 'person' ? 'nlp-person' : 'nlp-organization', 0.7, type));
    take(fragment);
  }
  for (const q of quotes) {
    const speaker = q.speaker?.actor;
    if (!speaker || !free(speaker.fragment)) continue;
    const s = actor(a, speaker.fragment, 'speaker-name', 0.6, typeAt.get(spanKey(speaker.fragment)));
    if (speaker.entityId) s.entityId = speaker.entityId;
    out.push(s);
    take(speaker.fragment);
  }
  return out;
}

function spanKey(f: { start: number; end: number }): string {
  return `${f.start}-${f.end}`;
}

function actor(a: Analysis, fragment: Fragment, rule: Suggestion['rule'], score: number, type: 'person' | 'organization' | undefined): Suggestion {
  const s: Suggestion = {
    id: suggestionId('actor', [fragment]),
    kind: 'actor',
    fragments: [fragment],
    text: a.text.slice(fragment.start, fragment.end),
    score,
    rule,
  };
  if (type) s.actorType = type;
  return s;
}
