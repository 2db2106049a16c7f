import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, f1Score, krippendorffAlphaBinary, meanSd, strictMean } from '../../../../src/core/agreement/statistics';

describe('f1Score', () => {
  it('is 2tp / (2tp + fp + fn), and null when nothing was annotated', () => {
    expect(f1Score({ tp: 3, fp: 1, fn: 2 })).toBeCloseTo(6 / 9, 15);
    expect(f1Score({ tp: 0, fp: 2, fn: 0 })).toBe(0);
    expect(f1Score({ tp: 0, fp: 0, fn: 0 })).toBeNull();
  });
});

describe('meanSd', () => {
  it('is the mean and population standard deviation of the defined values', () => {
    const r = meanSd([1, null, 0.5, 0]);
    expect(r.mean).toBeCloseTo(0.5, 15);
    expect(r.sd).toBeCloseTo(Math.sqrt((0.25 + 0 + 0.25) / 3), 15);
    expect(r.n).toBe(3);
  });

  it('is null with no defined value, and SD 0 with one', () => {
    expect(meanSd([null, null])).toEqual({ mean: null, sd: null, n: 0 });
    expect(meanSd([])).toEqual({ mean: null, sd: null, n: 0 });
    expect(meanSd([0.25])).toEqual({ mean: 0.25, sd: 0, n: 1 });
  });

  it('strictMean is null as soon as one value is undefined', () => {
    expect(strictMean([0.5, null])).toBeNull();
    expect(strictMean([])).toBeNull();
    expect(strictMean([0.5, 1])).toBe(0.75);
  });
});

/** Kappa straight from the textbook definition (po − pe) / (1 − pe), for comparison. */
function textbookKappa(x: number[], y: number[]): number {
  const n = x.length;
  const po = x.filter((v, i) => v === y[i]).length / n;
  const pa = x.filter((v) => v === 1).length / n;
  const pb = y.filter((v) => v === 1).length / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return (po - pe) / (1 - pe);
}

function table(x: number[], y: number[]) {
  const t = { n11: 0, n10: 0, n01: 0, n00: 0 };
  x.forEach((v, i) => {
    if (v && y[i]) t.n11++;
    else if (v) t.n10++;
    else if (y[i]) t.n01++;
    else t.n00++;
  });
  return t;
}

describe('cohenKappa', () => {
  it('gives the value scikit-learn gives on a worked example', () => {
    // sklearn.metrics.cohen_kappa_score([1,1,0,0,1,0,1,0], [1,0,0,0,1,1,1,0]) == 0.5
    expect(cohenKappa(table([1, 1, 0, 0, 1, 0, 1, 0], [1, 0, 0, 0, 1, 1, 1, 0]))).toBeCloseTo(0.5, 15);
  });

  it('is 1 for identical ratings using both values, and null when only one value occurs', () => {
    expect(cohenKappa(table([1, 0, 1], [1, 0, 1]))).toBe(1);
    expect(cohenKappa(table([0, 0, 0], [0, 0, 0]))).toBeNull();
    expect(cohenKappa(table([1, 1], [1, 1]))).toBeNull();
    expect(cohenKappa({ n11: 0, n10: 0, n01: 0, n00: 0 })).toBeNull();
  });

  it('is 0 when one rater never says yes and the other sometimes does (sklearn)', () => {
    expect(cohenKappa(table([0, 0, 0, 0], [1, 0, 0, 0]))).toBe(0);
  });

  it('equals the textbook formula and is symmetric', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 40 }), (rows) => {
        const x = rows.map((r) => (r[0] ? 1 : 0));
        const y = rows.map((r) => (r[1] ? 1 : 0));
        const k = cohenKappa(table(x, y));
        const k2 = cohenKappa(table(y, x));
        const oneValue = new Set([...x, ...y]).size < 2;
        if (oneValue) expect(k).toBeNull();
        else {
          expect(k).toBeCloseTo(textbookKappa(x, y), 12);
          expect(k2).toBeCloseTo(k!, 12);
        }
      }),
    );
  });
});

/** NLTK's AnnotationTask.alpha transcribed literally (items × raters, nominal distance). */
function nltkAlpha(ratings: number[][]): number {
  const disagreement = (freq: Map<number, number>) => {
    const total = [...freq.values()].reduce((s, v) => s + v, 0);
    let pairs = 0;
    for (const [j, nj] of freq) for (const [l, nl] of freq) pairs += nj * nl * (j === l ? 0 : 1);
    return pairs / (total * (total - 1));
  };
  const all = new Map<number, number>();
  let totalDo = 0;
  for (const item of ratings) {
    const freq = new Map<number, number>();
    for (const v of item) freq.set(v, (freq.get(v) ?? 0) + 1);
    for (const [v, n] of freq) all.set(v, (all.get(v) ?? 0) + n);
    totalDo += disagreement(freq) * item.length;
  }
  const total = [...all.values()].reduce((s, v) => s + v, 0);
  return 1 - totalDo / total / disagreement(all);
}

function alphaOf(ratings: number[][]) {
  const raters = ratings[0]?.length ?? 0;
  let yes = 0;
  let disagreeingPairs = 0;
  for (const item of ratings) {
    const k = item.filter((v) => v === 1).length;
    yes += k;
    disagreeingPairs += k * (raters - k);
  }
  return krippendorffAlphaBinary({ items: ratings.length, raters, yes, disagreeingPairs });
}

describe('krippendorffAlphaBinary', () => {
  it("equals NLTK's computation on random ratings", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 6 })
          .chain((r) => fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: r, maxLength: r }), { minLength: 1, maxLength: 30 })),
        (ratings) => {
          const values = new Set(ratings.flat());
          const alpha = alphaOf(ratings);
          if (values.size < 2) expect(alpha).toBeNull();
          else expect(alpha).toBeCloseTo(nltkAlpha(ratings), 12);
        },
      ),
    );
  });

  it('is 1 for perfect agreement, null for one rater or one value (NLTK says 1.0 or fails there)', () => {
    expect(
      alphaOf([
        [1, 1],
        [0, 0],
        [1, 1],
      ]),
    ).toBe(1);
    expect(
      alphaOf([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(alphaOf([[1], [0]])).toBeNull();
    expect(krippendorffAlphaBinary({ items: 0, raters: 3, yes: 0, disagreeingPairs: 0 })).toBeNull();
  });
});
