import type { AgreementDocument, SpanGroup } from './documents';
import { overlappingTokens, tokenize, type TokenIndex } from './tokens';

/**
 * Per document: for every annotator and label, how many (label, token) units each token carries.
 * Every fragment of every counted span (an annotator's identical spans count once, see
 * spansByAnnotatorAndLabel) contributes one unit for each token it overlaps, so a token under two
 * different overlapping spans of the same label carries two (token F1 counts a multiset, as bratiaa does);
 * the binary figures (kappa, alpha) only ask whether the count is above zero.
 */
export interface DocumentTokenCounts {
  tokens: TokenIndex;
  /** counts[annotator][label][token] */
  counts: Int32Array[][];
}

export function countTokens(doc: AgreementDocument, spans: readonly SpanGroup[][], labels: number): DocumentTokenCounts {
  const tokens = tokenize(doc.text);
  const counts = spans.map((byLabel) => {
    const perLabel: Int32Array[] = [];
    for (let l = 0; l < labels; l++) {
      const row = new Int32Array(tokens.count);
      for (const span of byLabel[l]!.values()) {
        for (const fragment of span.fragments) {
          const { first, last } = overlappingTokens(tokens, fragment);
          for (let t = first; t < last; t++) row[t]!++;
        }
      }
      perLabel.push(row);
    }
    return perLabel;
  });
  return { tokens, counts };
}

/**
 * One pass over two count rows (A the reference): token tp/fp/fn as multiset intersection and
 * differences, and the binary agreement table of "this label is on this token".
 */
export function compareTokenRows(a: Int32Array, b: Int32Array): { tp: number; fp: number; fn: number; n11: number; n10: number; n01: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let n11 = 0;
  let n10 = 0;
  let n01 = 0;
  for (let t = 0; t < a.length; t++) {
    const x = a[t]!;
    const y = b[t]!;
    if (x === 0 && y === 0) continue;
    if (x > 0 && y > 0) n11++;
    else if (x > 0) n10++;
    else n01++;
    if (x <= y) {
      tp += x;
      fp += y - x;
    } else {
      tp += y;
      fn += x - y;
    }
  }
  return { tp, fp, fn, n11, n10, n01 };
}
