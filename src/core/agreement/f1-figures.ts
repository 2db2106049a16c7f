import { f1Score, meanSd, type Counts, type MeanSd } from './statistics';

/**
 * tp/fp/fn for every (annotator pair, document, label), in one flat array: the 1,000-article,
 * six-annotator case holds 15 × 1,000 × labels × 3 numbers, which objects would make slow.
 */
export class CountCube {
  readonly data: Float64Array;

  constructor(
    readonly pairs: number,
    readonly documents: number,
    readonly labels: number,
  ) {
    this.data = new Float64Array(pairs * documents * labels * 3);
  }

  add(pair: number, doc: number, label: number, tp: number, fp: number, fn: number): void {
    const at = ((pair * this.documents + doc) * this.labels + label) * 3;
    this.data[at] = this.data[at]! + tp;
    this.data[at + 1] = this.data[at + 1]! + fp;
    this.data[at + 2] = this.data[at + 2]! + fn;
  }

  /** Sum over the documents and labels selected (all when not given) for one pair. */
  sum(pair: number, doc?: number, label?: number): Counts {
    const out = { tp: 0, fp: 0, fn: 0 };
    const d0 = doc ?? 0;
    const d1 = doc === undefined ? this.documents : doc + 1;
    const l0 = label ?? 0;
    const l1 = label === undefined ? this.labels : label + 1;
    for (let d = d0; d < d1; d++) {
      for (let l = l0; l < l1; l++) {
        const at = ((pair * this.documents + d) * this.labels + l) * 3;
        out.tp += this.data[at]!;
        out.fp += this.data[at + 1]!;
        out.fn += this.data[at + 2]!;
      }
    }
    return out;
  }
}

export interface PairF1 extends Counts {
  f1: number | null;
}

/** One figure family (instance or token F1), bratiaa's report plus the pairwise detail for heatmaps. */
export interface F1Figures {
  /** Mean/SD over annotator pairs of the pair's F1 summed over documents and labels. */
  overall: MeanSd;
  /** Aligned with the report's `labels`: counts summed over documents. */
  perLabel: (MeanSd & { label: string })[];
  /** Aligned with the report's `documents`: counts summed over labels. */
  perDocument: (MeanSd & { document: string })[];
  /** Aligned with the report's `pairs`. */
  pairs: {
    a: string;
    b: string;
    total: PairF1;
    perLabel: PairF1[];
    perDocument: PairF1[];
  }[];
}

function withF1(c: Counts): PairF1 {
  return { ...c, f1: f1Score(c) };
}

export function f1Figures(cube: CountCube, names: { pairs: readonly [string, string][]; labels: readonly string[]; documents: readonly string[] }): F1Figures {
  const pairs = names.pairs.map(([a, b], p) => ({
    a,
    b,
    total: withF1(cube.sum(p)),
    perLabel: names.labels.map((_, l) => withF1(cube.sum(p, undefined, l))),
    perDocument: names.documents.map((_, d) => withF1(cube.sum(p, d))),
  }));
  return {
    overall: meanSd(pairs.map((p) => p.total.f1)),
    perLabel: names.labels.map((label, l) => ({ label, ...meanSd(pairs.map((p) => p.perLabel[l]!.f1)) })),
    perDocument: names.documents.map((document, d) => ({ document, ...meanSd(pairs.map((p) => p.perDocument[d]!.f1)) })),
    pairs,
  };
}
