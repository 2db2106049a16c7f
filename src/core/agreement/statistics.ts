/**
 * The statistics behind the agreement figures, written to reproduce the reference tools
 * (bratiaa, scikit-learn, NLTK) exactly. An undefined value is `null`, never NaN or 0: callers
 * format it as "n/a".
 */

/** tp/fp/fn of one annotator pair (A taken as reference, B as prediction). */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** F1 = 2tp / (2tp + fp + fn); null when nothing was annotated by either side (0/0). */
export function f1Score(c: Counts): number | null {
  const denominator = 2 * c.tp + c.fp + c.fn;
  return denominator === 0 ? null : (2 * c.tp) / denominator;
}

export interface MeanSd {
  mean: number | null;
  /** Population standard deviation (numpy's default ddof = 0), as bratiaa reports it. */
  sd: number | null;
  /** How many values were defined and went into the mean. */
  n: number;
}

/**
 * Mean and population standard deviation of the defined values; undefined ones (a pair where
 * neither annotator used the label) are left out, as numpy's nanmean/nanstd do — this is what the
 * reference figures show (e.g. a label two of six annotators never used still has a mean F1).
 * Null when no value is defined.
 */
export function meanSd(values: readonly (number | null)[]): MeanSd {
  const defined = values.filter((v): v is number => v !== null);
  if (defined.length === 0) return { mean: null, sd: null, n: 0 };
  const mean = defined.reduce((s, v) => s + v, 0) / defined.length;
  const variance = defined.reduce((s, v) => s + (v - mean) * (v - mean), 0) / defined.length;
  return { mean, sd: Math.sqrt(variance), n: defined.length };
}

/**
 * Plain mean, null as soon as one value is undefined: the reference reports the mean Cohen's kappa
 * of a label as undefined when any annotator pair's kappa is (numpy's mean over a NaN).
 */
export function strictMean(values: readonly (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return (values as number[]).reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Agreement table of two raters over binary items: n11 both yes, n10 only A, n01 only B,
 * n00 neither.
 */
export interface BinaryTable {
  n11: number;
  n10: number;
  n01: number;
  n00: number;
}

/**
 * Cohen's kappa as scikit-learn's `cohen_kappa_score` computes it: kappa = 1 − Σw·observed /
 * Σw·expected over the categories present in either rater. When only one category occurs at all
 * (nobody used the label, or everyone used it everywhere) that is 0/0 and sklearn returns NaN:
 * here null. When one rater never says yes and the other sometimes does, kappa is 0 (sklearn's
 * value, kept because the reference shows it).
 */
export function cohenKappa(t: BinaryTable): number | null {
  const n = t.n11 + t.n10 + t.n01 + t.n00;
  if (n === 0) return null;
  const yesA = t.n11 + t.n10;
  const yesB = t.n11 + t.n01;
  const noA = n - yesA;
  const noB = n - yesB;
  // Expected disagreement (off-diagonal mass of the outer product of the marginals, over n).
  const expectedDisagreement = (yesA * noB + noA * yesB) / n;
  const observedDisagreement = t.n10 + t.n01;
  if (expectedDisagreement === 0) return null;
  return 1 - observedDisagreement / expectedDisagreement;
}

/**
 * Krippendorff's alpha, nominal, as NLTK's `AnnotationTask.alpha` computes it, for binary values
 * where every item was rated by the same `raters` raters: `yesCounts[i]` raters said yes on item
 * i. Given the sum over items of k(r − k) (`disagreeingPairs`) and the total of yes ratings:
 * Do = Σ 2k(r−k)/(r−1) / N, De = 2·yes·no / (N(N−1)) with N = items·raters, alpha = 1 − Do/De.
 * NLTK answers 1.0 when only one value occurs anywhere (and fails with one rater); both are
 * undefined (0/0) and null here.
 */
export function krippendorffAlphaBinary(input: { items: number; raters: number; yes: number; disagreeingPairs: number }): number | null {
  const { items, raters, yes, disagreeingPairs } = input;
  if (raters < 2 || items === 0) return null;
  const total = items * raters;
  const no = total - yes;
  const expected = (2 * yes * no) / (total * (total - 1));
  if (expected === 0) return null;
  const observed = (2 * disagreeingPairs) / (raters - 1) / total;
  return 1 - observed / expected;
}
