import { spanEnd, spanStart, type Annotation, type Relation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import { matchLayers } from './matching';

/**
 * Two layers of one article side by side, as the Review view steps through them.
 *
 * Every annotation of both layers lands in exactly one span item (see matching.ts for the pairing
 * rule): agreed (same label, same fragments), boundary (same label, overlapping), label (same
 * fragments, other label), onlyA, onlyB. Paired items also say whether notes or attributes differ.
 * Relations between two paired items are compared by type and ends; a link present in one layer
 * only is a relation item. Relations touching an unpaired annotation are not items: they stand or
 * fall with that annotation's decision.
 *
 * Item ids are built from the annotation and relation ids they hold, so they stay the same across
 * restarts and recomputations as long as the two layers do not change: the UI can keep its place
 * and the review layer can refer to them.
 */
export type SpanClass = 'agreed' | 'boundary' | 'label' | 'onlyA' | 'onlyB';

export interface SpanItem {
  kind: 'span';
  id: string;
  class: SpanClass;
  a: Annotation | null;
  b: Annotation | null;
  /** The extent of both sides together (UTF-16 offsets), for scrolling to the item. */
  start: number;
  end: number;
  /** For pairs: attribute names whose values differ (sorted), and whether the notes differ. */
  attributesDiffer: string[];
  noteDiffers: boolean;
  /** Everything but an agreed pair with equal notes and attributes needs a decision. */
  isDifference: boolean;
}

export interface RelationItem {
  kind: 'relation';
  id: string;
  class: 'onlyA' | 'onlyB';
  relation: Relation;
  /** Span items at the link's two ends (both paired). */
  fromItem: string;
  toItem: string;
  start: number;
  end: number;
  isDifference: true;
}

export type ComparisonItem = SpanItem | RelationItem;

export interface LayerComparison {
  articleId: string;
  layerA: string;
  layerB: string;
  /** All items in walk order: spans in document order (start, longer first), each link right after the later of its ends. */
  items: ComparisonItem[];
  /** Links present in both layers between the same paired items. */
  agreedRelations: { a: Relation; b: Relation; fromItem: string; toItem: string }[];
}

export function spanItemId(a: Annotation | null, b: Annotation | null): string {
  return `span:${encodeURIComponent(a?.id ?? '')}/${encodeURIComponent(b?.id ?? '')}`;
}

export function relationItemId(r: Relation): string {
  return `rel:${encodeURIComponent(r.id)}`;
}

function differingAttributes(a: Annotation, b: Annotation): string[] {
  const names = new Set([...Object.keys(a.attributes), ...Object.keys(b.attributes)]);
  return [...names].filter((n) => a.attributes[n] !== b.attributes[n]).sort();
}

function spanItem(a: Annotation | null, b: Annotation | null, cls: SpanClass): SpanItem {
  const sides = [a, b].filter((x): x is Annotation => x !== null);
  const attributesDiffer = a && b ? differingAttributes(a, b) : [];
  const noteDiffers = a !== null && b !== null && a.note !== b.note;
  return {
    kind: 'span',
    id: spanItemId(a, b),
    class: cls,
    a,
    b,
    start: Math.min(...sides.map(spanStart)),
    end: Math.max(...sides.map(spanEnd)),
    attributesDiffer,
    noteDiffers,
    isDifference: cls !== 'agreed' || attributesDiffer.length > 0 || noteDiffers,
  };
}

export function compareLayers(doc: ArticleDoc, layerA: string, layerB: string): LayerComparison {
  const inA = doc.annotations.filter((x) => x.author === layerA);
  const inB = doc.annotations.filter((x) => x.author === layerB);
  const match = matchLayers(inA, inB);
  const spans: SpanItem[] = [
    ...match.pairs.map((p) => spanItem(p.a, p.b, p.kind)),
    ...match.onlyA.map((x) => spanItem(x, null, 'onlyA')),
    ...match.onlyB.map((x) => spanItem(null, x, 'onlyB')),
  ];
  const itemOf = new Map<string, SpanItem>();
  for (const item of spans) {
    if (item.a) itemOf.set(item.a.id, item);
    if (item.b) itemOf.set(item.b.id, item);
  }
  const paired = (id: string) => {
    const item = itemOf.get(id);
    return item && item.a && item.b ? item : undefined;
  };

  // Links of B between paired items, keyed by type and end items; each matches at most once.
  const relationsB = doc.relations.filter((r) => r.author === layerB);
  const pool = new Map<string, Relation[]>();
  const keyOf = (r: Relation, from: SpanItem, to: SpanItem) => JSON.stringify([r.type, from.id, to.id]);
  for (const r of relationsB) {
    const from = paired(r.from);
    const to = paired(r.to);
    if (!from || !to) continue;
    const key = keyOf(r, from, to);
    const same = pool.get(key);
    if (same) same.push(r);
    else pool.set(key, [r]);
  }
  const relationItems: RelationItem[] = [];
  const agreedRelations: LayerComparison['agreedRelations'] = [];
  const relationItem = (relation: Relation, cls: 'onlyA' | 'onlyB', from: SpanItem, to: SpanItem): RelationItem => ({
    kind: 'relation',
    id: relationItemId(relation),
    class: cls,
    relation,
    fromItem: from.id,
    toItem: to.id,
    start: from.start,
    end: from.end,
    isDifference: true,
  });
  for (const r of doc.relations.filter((x) => x.author === layerA)) {
    const from = paired(r.from);
    const to = paired(r.to);
    if (!from || !to) continue;
    const match = pool.get(keyOf(r, from, to))?.shift();
    if (match) agreedRelations.push({ a: r, b: match, fromItem: from.id, toItem: to.id });
    else relationItems.push(relationItem(r, 'onlyA', from, to));
  }
  for (const left of pool.values()) {
    for (const r of left) relationItems.push(relationItem(r, 'onlyB', itemOf.get(r.from)!, itemOf.get(r.to)!));
  }

  return { articleId: doc.article.id, layerA, layerB, items: walkOrder(spans, relationItems), agreedRelations };
}

function byPlace(x: ComparisonItem, y: ComparisonItem): number {
  return x.start - y.start || y.end - x.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/**
 * The order the review walks: spans in document order, each link right after the later of its
 * two ends, so a reviewer stepping through has decided both ends before meeting the link (a
 * quote's speaker often stands after the quote, so the link's own place would come too early).
 */
function walkOrder(spans: SpanItem[], links: RelationItem[]): ComparisonItem[] {
  spans.sort(byPlace);
  const position = new Map(spans.map((s, i) => [s.id, i]));
  const after = new Map<number, RelationItem[]>();
  for (const link of links) {
    const at = Math.max(position.get(link.fromItem)!, position.get(link.toItem)!);
    const list = after.get(at);
    if (list) list.push(link);
    else after.set(at, [link]);
  }
  const items: ComparisonItem[] = [];
  spans.forEach((span, i) => {
    items.push(span);
    const following = after.get(i);
    if (following) items.push(...following.sort(byPlace));
  });
  return items;
}

export function differencesOf(comparison: LayerComparison): ComparisonItem[] {
  return comparison.items.filter((i) => i.isDifference);
}
