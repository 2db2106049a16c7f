import type { Annotation, Relation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import type { LayerComparison, SpanItem } from '../agreement/compare';
import { reviewedRelationId } from './ids';
import { ReviewState } from './status';

export function copyAnnotation(source: Annotation, id: string, author: string, now: string): Annotation {
  const copy: Annotation = { ...source, id, author, created: now, modified: now };
  copy.fragments = source.fragments.map((f) => ({ ...f }));
  copy.attributes = { ...source.attributes };
  if (source.normalizations) copy.normalizations = source.normalizations.map((n) => ({ ...n }));
  return copy;
}

export function copyRelation(source: Relation, ends: { id: string; from: string; to: string }, author: string, now: string): Relation {
  return { ...source, ...ends, author, created: now, modified: now };
}

/** Source annotation id -> the span item holding it. */
export function spanItemOfAnnotation(comparison: LayerComparison): Map<string, SpanItem> {
  const out = new Map<string, SpanItem>();
  for (const item of comparison.items) {
    if (item.kind !== 'span') continue;
    if (item.a) out.set(item.a.id, item);
    if (item.b) out.set(item.b.id, item);
  }
  return out;
}

/**
 * Links that follow their ends into the reviewed layer without a decision of their own: those
 * both layers agree on (carried once, from A), and those touching an annotation only one layer
 * has (they stand or fall with it). A link is carried as soon as both its ends have a reviewed
 * counterpart (ReviewState.counterpart) and is not there yet; link differences never are — the
 * reviewer decides them. Returns the relations to insert into `doc`.
 */
export function relationsToCarry(doc: ArticleDoc, comparison: LayerComparison, reviewed: string, now: string): Relation[] {
  const state = new ReviewState(doc, reviewed);
  const itemOf = spanItemOfAnnotation(comparison);
  const skip = new Set<string>();
  for (const item of comparison.items) if (item.kind === 'relation') skip.add(item.relation.id);
  for (const agreed of comparison.agreedRelations) skip.add(agreed.b.id);
  const existing = new Set(doc.relations.filter((r) => r.author === reviewed).map((r) => JSON.stringify([r.type, r.from, r.to])));
  const carried: Relation[] = [];
  for (const r of doc.relations) {
    if ((r.author !== comparison.layerA && r.author !== comparison.layerB) || skip.has(r.id)) continue;
    const id = reviewedRelationId(reviewed, r.id);
    if (state.relation(id)) continue;
    const fromItem = itemOf.get(r.from);
    const toItem = itemOf.get(r.to);
    if (!fromItem || !toItem) continue;
    const from = state.counterpart(fromItem, r.from);
    const to = state.counterpart(toItem, r.to);
    if (!from || !to || from.id === to.id) continue;
    const key = JSON.stringify([r.type, from.id, to.id]);
    if (existing.has(key)) continue;
    existing.add(key);
    carried.push(copyRelation(r, { id, from: from.id, to: to.id }, reviewed, now));
  }
  return carried;
}
