import type { ComparisonItem, SpanItem } from '../agreement/compare';
import type { Annotation, AttributeValue } from '../model/annotation';
import type { ItemStatus } from './status';

/**
 * What each decision key means, the same on every kind of item:
 *  A  take A's version — A's annotation, A's note and attributes, A's link;
 *  B  take B's version;
 *  C  combine — both annotations of a boundary or label difference; one annotation with both
 *     notes and every attribute of a note/attribute difference;
 *  R  reject — neither version goes into the reviewed layer (a copy is kept in its companion);
 *  E  edit — write the reviewed annotation yourself (spans only);
 *  O  reopen — withdraw the decision.
 * A key that cannot apply to an item is refused with the reason below, so the keyboard never
 * does something other than what it says (B on a link only A has used to reject it silently).
 *
 * Taking one side of a boundary or label difference keeps what is not in dispute from both:
 * the notes of both sides and every attribute (the taken side's value wins a conflict), so
 * accepting a colleague's boundary never drops the analyst's note.
 */
export type DecisionKey = 'acceptA' | 'acceptB' | 'acceptBoth' | 'reject' | 'edit' | 'reopen';

/** Why `key` cannot apply to `item` whatever the review holds, or null when it can. */
export function decisionProblem(item: ComparisonItem, key: DecisionKey): string | null {
  if (key === 'reject' || key === 'reopen') return null;
  if (item.kind === 'relation') {
    const own = item.class === 'onlyA' ? 'A' : 'B';
    const keep = `${own} keeps it, R rejects it`;
    if (key === 'edit') return `A link has no text or label to edit: ${keep} (edit its ends instead).`;
    if (key === 'acceptBoth') return `Only ${own} has this link, so there is nothing to combine: ${keep}.`;
    if ((key === 'acceptA') !== (own === 'A')) return `Only ${own} has this link: ${keep}.`;
    return null;
  }
  const only = item.a === null ? 'B' : item.b === null ? 'A' : null;
  if (key === 'edit') return null;
  if (only) {
    const take = `${only} takes it, R rejects it`;
    if (key === 'acceptBoth') return `Only ${only} has this annotation, so there is nothing to combine: ${take}.`;
    if ((key === 'acceptA') !== (only === 'A')) return `Only ${only} has this annotation: ${take}.`;
    return null;
  }
  if (key === 'acceptBoth' && item.class === 'agreed' && !item.isDifference) return 'Both layers agree here, so there is nothing to combine: A or B takes it.';
  return null;
}

/** Why O cannot apply to an item in this status (core answers it with no edit at all; the keys say why). */
export function reopenProblem(status: ItemStatus): string | null {
  if (status === 'open') return 'Nothing to reopen: this item has no decision yet.';
  if (status === 'moot') return 'Nothing to reopen: this link has no decision of its own, an end of it was rejected (reopen that end).';
  return null;
}

/** The two notes as one: each once, the first side's first. */
export function unionNote(first: string, second: string): string {
  if (!second || second === first) return first;
  if (!first) return second;
  return `${first}\n\n${second}`;
}

export interface KeptFields {
  note: string;
  attributes: Record<string, AttributeValue>;
}

/**
 * The note and attributes the reviewed copy gets when `side` of a span item is taken: the union
 * for a boundary or label difference (the taken side first), the side's own otherwise (for a
 * note/attribute difference they are what is being decided).
 */
export function keptFields(item: SpanItem, side: 'a' | 'b'): KeptFields {
  const taken = item[side]!;
  const other = item[side === 'a' ? 'b' : 'a'];
  if (!other || (item.class !== 'boundary' && item.class !== 'label')) return { note: taken.note, attributes: { ...taken.attributes } };
  return { note: unionNote(taken.note, other.note), attributes: { ...other.attributes, ...taken.attributes } };
}

/** Both sides of a note/attribute difference as one: A's span and label, both notes, every attribute (A's value wins a conflict). */
export function combinedFields(item: SpanItem): KeptFields {
  return { note: unionNote(item.a!.note, item.b!.note), attributes: { ...item.b!.attributes, ...item.a!.attributes } };
}

/** True when taking `side` brings in something of the other side's (shown for confirmation first). */
export function keepsOtherSide(item: SpanItem, side: 'a' | 'b'): boolean {
  const taken: Annotation = item[side]!;
  const kept = keptFields(item, side);
  return kept.note !== taken.note || JSON.stringify(sorted(kept.attributes)) !== JSON.stringify(sorted(taken.attributes));
}

function sorted(x: Record<string, AttributeValue>): [string, AttributeValue][] {
  return Object.entries(x).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0));
}
