import { compareStrings, spansByAnnotatorAndLabel, type AgreementDocument } from './documents';
import { forEachAttribute, linksByAnnotatorAndType } from './links';
import { compareTokenRows, countTokens } from './token-counts';

/**
 * One document's share of every agreement figure, counted on its own: the figures over many
 * documents are sums of these (report.ts merges them), so documents can be counted anywhere — one
 * after another, or on worker threads that read the files and send back only these few numbers —
 * and the report is the same. Every count is a small integer, so sums are exact in any order.
 *
 * A tally knows the annotators it was counted for (sorted, each once; pairs in their order, as
 * selectForAgreement makes them) and, when the caller restricts them, the labels; otherwise it
 * counts every label the selected annotators used here, and the merge takes the union.
 * Everything is plain data (strings, arrays, typed arrays): it crosses a thread as it is.
 */
export interface DocumentTally {
  id: string;
  title: string;
  /** Selected annotators who do not have the document: when any, it is left out and nothing else is counted. */
  missing: string[];
  /** Tokens of the text: the items of kappa and alpha. */
  tokenCount: number;
  /** Labels counted here, in the order of the rows of `spanCounts` and `alpha`. */
  labels: string[];
  /** Per label, per pair, SPAN_FIELDS numbers: instance tp/fp/fn, token tp/fp/fn, then kappa's n11/n10/n01 (n00 follows from the tokens). */
  spanCounts: Float64Array;
  /** Per label: alpha's sums over tokens of the raters saying yes, and of yes × no. */
  alpha: Float64Array;
  /** Link types the selected annotators used here, in the order of the rows of `linkCounts`. */
  linkTypes: string[];
  /** Per link type, per pair: link tp/fp/fn. */
  linkCounts: Float64Array;
  /** Per attribute name set on a shared span: per pair, spans compared and agreed on (pairs × 2). */
  attributes: [string, Float64Array][];
}

/** Numbers per (label, pair) in DocumentTally.spanCounts. */
export const SPAN_FIELDS = 9;

/**
 * The tally of one document for `annotators` (sorted, each once). `labels`: only these labels
 * are counted (as the report's `labels` option); by default every label used.
 */
export function tallyDocument(doc: AgreementDocument, annotators: readonly string[], labels?: ReadonlySet<string>): DocumentTally {
  const has = new Set(doc.layers);
  const missing = annotators.filter((a) => !has.has(a));
  const tally: DocumentTally = {
    id: doc.id,
    title: doc.title,
    missing,
    tokenCount: 0,
    labels: [],
    spanCounts: new Float64Array(0),
    alpha: new Float64Array(0),
    linkTypes: [],
    linkCounts: new Float64Array(0),
    attributes: [],
  };
  if (missing.length > 0) return tally;

  const selected = new Map(annotators.map((a, i) => [a, i]));
  const labelIndex = new Map<string, number>();
  for (const a of doc.annotations) {
    if (selected.has(a.author) && !labelIndex.has(a.label) && (!labels || labels.has(a.label))) labelIndex.set(a.label, labelIndex.size);
  }
  const pairs = pairIndexes(annotators.length);
  const spans = spansByAnnotatorAndLabel(doc, annotators, labelIndex);
  const { tokens, counts } = countTokens(doc, spans, labelIndex.size);
  tally.labels = [...labelIndex.keys()];
  tally.tokenCount = tokens.count;
  tally.spanCounts = new Float64Array(labelIndex.size * pairs.length * SPAN_FIELDS);
  tally.alpha = new Float64Array(labelIndex.size * 2);
  const counted = tally.spanCounts;
  for (let l = 0; l < labelIndex.size; l++) {
    let disagreeingPairs = 0;
    pairs.forEach(([a, b], p) => {
      const at = (l * pairs.length + p) * SPAN_FIELDS;
      const inA = spans[a]![l]!;
      const inB = spans[b]![l]!;
      const tp = sharedKeys(inA, inB);
      const c = compareTokenRows(counts[a]![l]!, counts[b]![l]!);
      counted[at] = tp;
      counted[at + 1] = inB.size - tp;
      counted[at + 2] = inA.size - tp;
      counted[at + 3] = c.tp;
      counted[at + 4] = c.fp;
      counted[at + 5] = c.fn;
      counted[at + 6] = c.n11;
      counted[at + 7] = c.n10;
      counted[at + 8] = c.n01;
      disagreeingPairs += c.n10 + c.n01;
    });
    // Alpha's sums over tokens, from what is already counted: a token y of the A annotators mark
    // is in y · (A − y) disagreeing pairs, so the sum over tokens is the pairs' n10 + n01; and the
    // yes votes summed over tokens are each annotator's marked tokens summed over annotators.
    let yes = 0;
    for (const byLabel of counts) yes += markedTokens(byLabel[l]!);
    tally.alpha[l * 2] = yes;
    tally.alpha[l * 2 + 1] = disagreeingPairs;
  }

  const typeIndex = new Map<string, number>();
  for (const r of doc.relations ?? []) if (selected.has(r.author) && !typeIndex.has(r.type)) typeIndex.set(r.type, typeIndex.size);
  tally.linkTypes = [...typeIndex.keys()];
  tally.linkCounts = new Float64Array(typeIndex.size * pairs.length * 3);
  if (typeIndex.size > 0) {
    const links = linksByAnnotatorAndType(doc, annotators, typeIndex);
    for (let t = 0; t < typeIndex.size; t++) {
      pairs.forEach(([a, b], p) => {
        const at = (t * pairs.length + p) * 3;
        const tp = sharedKeys(links[a]![t]!, links[b]![t]!);
        tally.linkCounts[at] = tp;
        tally.linkCounts[at + 1] = links[b]![t]!.size - tp;
        tally.linkCounts[at + 2] = links[a]![t]!.size - tp;
      });
    }
  }

  const attributes = new Map<string, Float64Array>();
  pairs.forEach(([a, b], p) => {
    forEachAttribute(spans, a, b, (name, _x, _y, values) => {
      let perPair = attributes.get(name);
      if (!perPair) attributes.set(name, (perPair = new Float64Array(pairs.length * 2)));
      perPair[p * 2]!++;
      if (values[0] === values[1]) perPair[p * 2 + 1]!++;
    });
  });
  tally.attributes = [...attributes];
  return tally;
}

/** Every unordered pair of annotator indexes, in selectForAgreement's order. */
export function pairIndexes(count: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) pairs.push([i, j]);
  return pairs;
}

/** Tokens a count row marks (count above zero). */
function markedTokens(row: Int32Array): number {
  let marked = 0;
  for (let t = 0; t < row.length; t++) if (row[t]! > 0) marked++;
  return marked;
}

/** Keys two groups both hold (each holds a key once). */
function sharedKeys<K>(a: ReadonlyMap<K, unknown>, b: ReadonlyMap<K, unknown>): number {
  let shared = 0;
  for (const key of a.keys()) if (b.has(key)) shared++;
  return shared;
}

/** The labels of the kept tallies (those every annotator has), sorted, each once: the report's labels when none are asked for. */
export function labelsOfTallies(tallies: readonly DocumentTally[]): string[] {
  return unionSorted(tallies.map((t) => t.labels));
}

/** The link types of the kept tallies, sorted, each once. */
export function linkTypesOfTallies(tallies: readonly DocumentTally[]): string[] {
  return unionSorted(tallies.map((t) => t.linkTypes));
}

function unionSorted(lists: readonly (readonly string[])[]): string[] {
  const all = new Set<string>();
  for (const list of lists) for (const x of list) all.add(x);
  return [...all].sort(compareStrings);
}
