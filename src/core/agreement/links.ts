import type { AttributeValue } from '../model/annotation';
import {
  compareStrings,
  fragmentKey,
  indexOfLabels,
  spansByAnnotatorAndLabel,
  type AgreementDocument,
  type AgreementLink,
  type AgreementSelection,
  type AgreementSpan,
  type SpanGroup,
} from './documents';
import type { MeanSd } from './statistics';

/**
 * Agreement beyond spans: on links and on attribute values.
 *
 * Link F1: two annotators' links match when they have the same type (speaker, source,
 * participant, or an imported relation type) and the same two ends, each end taken as a span
 * (label and fragments, as instance F1 compares them). Each annotator's links are a set, like
 * their spans: two brat events on one trigger that both name the same participant make one link.
 * Figures per type, pair and document exactly as instance F1's per label.
 *
 * Attribute agreement: over the spans two annotators share (same label, same fragments), for each
 * attribute name either of them set on such a span, the share of those spans where both give the
 * same value (unset on one side is a disagreement). Mean and population SD over the pairs that
 * compared any.
 */

function endKey(span: AgreementSpan): string {
  return `${span.label}\u0000${fragmentKey(span.fragments)}`;
}

/** Each annotator's links in one document, per type, each distinct link once, with their ends. */
export interface KeyedLink {
  link: AgreementLink;
  from: AgreementSpan;
  to: AgreementSpan;
}

export function linksByAnnotatorAndType(
  doc: AgreementDocument,
  annotators: readonly string[],
  typeIndex: ReadonlyMap<string, number>,
): Map<string, KeyedLink>[][] {
  const who = new Map(annotators.map((a, i) => [a, i]));
  const spans = new Map<string, AgreementSpan>();
  for (const a of doc.annotations) spans.set(a.id, a);
  const groups = annotators.map(() => Array.from({ length: typeIndex.size }, () => new Map<string, KeyedLink>()));
  for (const link of doc.relations ?? []) {
    const w = who.get(link.author);
    const t = typeIndex.get(link.type);
    const from = spans.get(link.from);
    const to = spans.get(link.to);
    if (w === undefined || t === undefined || !from || !to) continue;
    const key = `${endKey(from)}\u0001${endKey(to)}`;
    const group = groups[w]![t]!;
    if (!group.has(key)) group.set(key, { link, from, to });
  }
  return groups;
}

/** Link types a selected annotator used in a compared document, sorted. */
export function linkTypesOf(selection: AgreementSelection): string[] {
  const selected = new Set(selection.annotators);
  const types = new Set<string>();
  for (const doc of selection.documents) for (const r of doc.relations ?? []) if (selected.has(r.author)) types.add(r.type);
  return [...types].sort(compareStrings);
}

/** A link one annotator of the pair has and the other lacks: `side` A is a false negative, B a false positive. */
export interface LinkDisagreement extends KeyedLink {
  document: string;
  type: string;
  side: 'A' | 'B';
}

export function linkDisagreements(selection: AgreementSelection, query: { a: string; b: string; type?: string; document?: string }): LinkDisagreement[] {
  const types = linkTypesOf(selection).filter((t) => query.type === undefined || t === query.type);
  const typeIndex = indexOfLabels(types);
  const out: LinkDisagreement[] = [];
  for (const doc of selection.documents) {
    if (query.document !== undefined && doc.id !== query.document) continue;
    const [inA, inB] = linksByAnnotatorAndType(doc, [query.a, query.b], typeIndex);
    types.forEach((type, t) => {
      for (const [key, x] of inA![t]!) if (!inB![t]!.has(key)) out.push({ document: doc.id, type, side: 'A', ...x });
      for (const [key, x] of inB![t]!) if (!inA![t]!.has(key)) out.push({ document: doc.id, type, side: 'B', ...x });
    });
  }
  return out;
}

export interface AttributeAgreement extends MeanSd {
  name: string;
  /** Aligned with the report's pairs: spans compared (either side set the attribute) and agreed on. */
  pairs: { a: string; b: string; compared: number; agreed: number; share: number | null }[];
}

/** A span both annotators of a pair have, on which they give one attribute different values. */
export interface AttributeDisagreement {
  document: string;
  name: string;
  a: AgreementSpan;
  b: AgreementSpan;
  values: [AttributeValue | undefined, AttributeValue | undefined];
}

/** The spans a pair shares (same label and fragments), A's and B's side by side, from their [label] span groups. */
function sharedSpans(spansA: readonly SpanGroup[], spansB: readonly SpanGroup[]): [AgreementSpan, AgreementSpan][] {
  const out: [AgreementSpan, AgreementSpan][] = [];
  spansA.forEach((inA, l) => {
    const inB = spansB[l]!;
    if (inA.size === 0 || inB.size === 0) return;
    for (const [key, x] of inA) {
      const y = inB.get(key);
      if (y) out.push([x, y]);
    }
  });
  return out;
}

type Values = [AttributeValue | undefined, AttributeValue | undefined];

/** Every (shared span, attribute name) of pair p in one document, from the document's grouped spans. */
export function forEachAttribute(
  grouped: readonly SpanGroup[][],
  a: number,
  b: number,
  visit: (name: string, x: AgreementSpan, y: AgreementSpan, values: Values) => void,
): void {
  for (const [x, y] of sharedSpans(grouped[a]!, grouped[b]!)) {
    // The names either side set, once each: x's in order, then those only y has.
    const ofX = x.attributes;
    const ofY = y.attributes;
    if (ofX) for (const name of Object.keys(ofX)) visit(name, x, y, [ofX[name], ofY?.[name]]);
    if (ofY) for (const name of Object.keys(ofY)) if (!ofX || !Object.hasOwn(ofX, name)) visit(name, x, y, [ofX?.[name], ofY[name]]);
  }
}

export function attributeDisagreements(
  selection: AgreementSelection,
  query: { a: string; b: string; name?: string; document?: string },
): AttributeDisagreement[] {
  const out: AttributeDisagreement[] = [];
  const labelIndex = indexOfLabels(selection.labels);
  for (const doc of selection.documents) {
    if (query.document !== undefined && doc.id !== query.document) continue;
    const grouped = spansByAnnotatorAndLabel(doc, [query.a, query.b], labelIndex);
    forEachAttribute(grouped, 0, 1, (name, a, b, values) => {
      if ((query.name === undefined || name === query.name) && values[0] !== values[1]) out.push({ document: doc.id, name, a, b, values });
    });
  }
  return out;
}
