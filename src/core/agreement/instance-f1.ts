import type { AgreementSelection, AgreementSpan, FragmentKey } from './documents';
import { fragmentKey, indexOfLabels, spansByAnnotatorAndLabel } from './documents';

/**
 * Instance agreement: two annotations match when their labels are equal and every fragment is
 * equal (same number of fragments, same offsets). Each annotator's instances are a set, as in
 * bratiaa: the same span tagged twice with the same label (two brat events on one trigger) is one
 * instance (spansByAnnotatorAndLabel keeps it once).
 *
 * Fragments are compared as stored: a span split into touching fragments ([0,5) + [5,9)) does not
 * equal the same text as one fragment ([0,9)), as in bratiaa.
 */

/** An annotation with no match in the other layer: `side` A is a false negative, B a false positive. */
export interface InstanceDisagreement {
  document: string;
  label: string;
  side: 'A' | 'B';
  annotation: AgreementSpan;
}

/**
 * The annotations behind a pair's instance F1: those left unmatched, optionally for one label or
 * one document, in document order. Of several identical instances the first ones are matched.
 */
export function instanceDisagreements(
  selection: AgreementSelection,
  query: { a: string; b: string; label?: string; document?: string },
): InstanceDisagreement[] {
  const labels = query.label === undefined ? selection.labels : selection.labels.filter((l) => l === query.label);
  const labelIndex = indexOfLabels(labels);
  const out: InstanceDisagreement[] = [];
  for (const doc of selection.documents) {
    if (query.document !== undefined && doc.id !== query.document) continue;
    const [spansA, spansB] = spansByAnnotatorAndLabel(doc, [query.a, query.b], labelIndex);
    const found: InstanceDisagreement[] = [];
    labels.forEach((label, l) => {
      const left = unmatched([...spansA![l]!.values()], [...spansB![l]!.values()]);
      for (const annotation of left.a) found.push({ document: doc.id, label, side: 'A', annotation });
      for (const annotation of left.b) found.push({ document: doc.id, label, side: 'B', annotation });
    });
    found.sort((x, y) => firstOffset(x) - firstOffset(y) || (x.side < y.side ? -1 : x.side > y.side ? 1 : 0));
    out.push(...found);
  }
  return out;
}

function firstOffset(d: InstanceDisagreement): number {
  return d.annotation.fragments[0]?.start ?? 0;
}

function unmatched(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): { a: AgreementSpan[]; b: AgreementSpan[] } {
  const pool = new Map<FragmentKey, AgreementSpan[]>();
  for (const s of b) {
    const key = fragmentKey(s.fragments);
    const list = pool.get(key);
    if (list) list.push(s);
    else pool.set(key, [s]);
  }
  const leftA: AgreementSpan[] = [];
  for (const s of a) {
    const list = pool.get(fragmentKey(s.fragments));
    if (list && list.length > 0) list.shift();
    else leftA.push(s);
  }
  return { a: leftA, b: [...pool.values()].flat() };
}
