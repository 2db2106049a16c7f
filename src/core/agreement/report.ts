import { compareStrings, indexOfLabels, type AgreementDocument, type AgreementSelection } from './documents';
import { labelsOfTallies, linkTypesOfTallies, pairIndexes, SPAN_FIELDS, tallyDocument, type DocumentTally } from './document-tally';
import { CountCube, f1Figures, type F1Figures } from './f1-figures';
import type { AttributeAgreement } from './links';
import { cohenKappa, krippendorffAlphaBinary, meanSd, strictMean, type BinaryTable } from './statistics';

/**
 * Every agreement figure of the review issue for a set of annotators over the documents they all
 * have (definitions in statistics.ts, instance-f1.ts, tokens.ts and token-counts.ts):
 * - instance F1 and token F1 per annotator pair, summed over documents; mean and population SD
 *   over pairs, overall, per label and per document;
 * - Cohen's kappa per label and pair, their mean, and Krippendorff's alpha per label over all
 *   annotators, on the per-token indicator "a span with this label overlaps this token", over the
 *   tokens of all compared documents taken together;
 * - link F1 per link type, and agreement on attribute values per attribute name (links.ts).
 * What is counted: every span of the selected layers whose label is reported, each once — an
 * annotator's annotations with the same label and fragments are one span, so two brat events on
 * one trigger count as the one trigger span they share.
 */
export interface AgreementReport {
  annotators: string[];
  documents: { id: string; title: string }[];
  excluded: AgreementSelection['excluded'];
  labels: string[];
  pairs: [string, string][];
  /** Tokens over all compared documents: the items of kappa and alpha. */
  tokenCount: number;
  instance: F1Figures;
  token: F1Figures;
  /** Aligned with `labels`. */
  tokenBinary: LabelTokenAgreement[];
  /** Link types a selected annotator used (speaker, source, participant, imported types), sorted. */
  linkTypes: string[];
  /** Link F1 (links.ts): `perLabel` is aligned with `linkTypes`. */
  links: F1Figures;
  /** Agreement on attribute values over the spans each pair shares, per attribute name (links.ts). */
  attributes: AttributeAgreement[];
}

export interface LabelTokenAgreement {
  label: string;
  /** Aligned with the report's `pairs`. */
  kappaPairs: { a: string; b: string; kappa: number | null; table: BinaryTable }[];
  /** Null when any pair's kappa is undefined (as the reference reports it). */
  meanKappa: number | null;
  alpha: number | null;
}

export function computeAgreement(
  documents: readonly AgreementDocument[],
  options: { annotators: readonly string[]; labels?: readonly string[] },
): AgreementReport {
  const annotators = sortedAnnotators(options.annotators);
  const labels = options.labels ? new Set(options.labels) : undefined;
  return agreementOfTallies(
    documents.map((doc) => tallyDocument(doc, annotators, labels)),
    options,
  );
}

/** The annotators a report compares: sorted, each once, so figures do not depend on the order asked. */
export function sortedAnnotators(annotators: readonly string[]): string[] {
  return [...new Set(annotators)].sort(compareStrings);
}

/**
 * The report from every document's tally (document-tally.ts), in document order, each counted
 * for `sortedAnnotators(options.annotators)` and the labels asked for: the same report as
 * computeAgreement on the documents themselves, wherever the tallies were counted.
 */
export function agreementOfTallies(tallies: readonly DocumentTally[], options: { annotators: readonly string[]; labels?: readonly string[] }): AgreementReport {
  const annotators = sortedAnnotators(options.annotators);
  const pairs = pairIndexes(annotators.length).map(([a, b]): [string, string] => [annotators[a]!, annotators[b]!]);
  const kept = tallies.filter((t) => t.missing.length === 0);
  const excluded = tallies.filter((t) => t.missing.length > 0).map(({ id, title, missing }) => ({ id, title, missing }));
  const labels = options.labels ? [...new Set(options.labels)] : labelsOfTallies(kept);
  const linkTypes = linkTypesOfTallies(kept);
  const labelIndex = indexOfLabels(labels);
  const typeIndex = indexOfLabels(linkTypes);

  const instances = new CountCube(pairs.length, kept.length, labels.length);
  const tokenCube = new CountCube(pairs.length, kept.length, labels.length);
  const linkCube = new CountCube(pairs.length, kept.length, linkTypes.length);
  const tables: BinaryTable[][] = labels.map(() => pairs.map(() => ({ n11: 0, n10: 0, n01: 0, n00: 0 })));
  const alphaSums = labels.map(() => ({ yes: 0, disagreeingPairs: 0 }));
  const attributeTallies = new Map<string, { compared: number; agreed: number }[]>();
  let tokenCount = 0;

  kept.forEach((tally, d) => {
    tokenCount += tally.tokenCount;
    tally.labels.forEach((label, k) => {
      const l = labelIndex.get(label)!;
      for (let p = 0; p < pairs.length; p++) {
        const c = tally.spanCounts.subarray((k * pairs.length + p) * SPAN_FIELDS, (k * pairs.length + p + 1) * SPAN_FIELDS);
        instances.add(p, d, l, c[0]!, c[1]!, c[2]!);
        tokenCube.add(p, d, l, c[3]!, c[4]!, c[5]!);
        const table = tables[l]![p]!;
        table.n11 += c[6]!;
        table.n10 += c[7]!;
        table.n01 += c[8]!;
      }
      alphaSums[l]!.yes += tally.alpha[k * 2]!;
      alphaSums[l]!.disagreeingPairs += tally.alpha[k * 2 + 1]!;
    });
    tally.linkTypes.forEach((type, k) => {
      const t = typeIndex.get(type)!;
      for (let p = 0; p < pairs.length; p++) {
        const at = (k * pairs.length + p) * 3;
        linkCube.add(p, d, t, tally.linkCounts[at]!, tally.linkCounts[at + 1]!, tally.linkCounts[at + 2]!);
      }
    });
    for (const [name, perPair] of tally.attributes) {
      let sums = attributeTallies.get(name);
      if (!sums) attributeTallies.set(name, (sums = pairs.map(() => ({ compared: 0, agreed: 0 }))));
      sums.forEach((s, p) => {
        s.compared += perPair[p * 2]!;
        s.agreed += perPair[p * 2 + 1]!;
      });
    }
  });
  // Every token of every compared document is an item of every label's table: the ones no side marked are n00.
  for (const row of tables) for (const table of row) table.n00 = tokenCount - table.n11 - table.n10 - table.n01;

  const tokenBinary = labels.map((label, l): LabelTokenAgreement => {
    const kappaPairs = pairs.map(([a, b], p) => ({ a, b, kappa: cohenKappa(tables[l]![p]!), table: tables[l]![p]! }));
    return {
      label,
      kappaPairs,
      meanKappa: strictMean(kappaPairs.map((k) => k.kappa)),
      alpha: krippendorffAlphaBinary({ items: tokenCount, raters: annotators.length, ...alphaSums[l]! }),
    };
  });
  const documentIds = kept.map((t) => t.id);
  return {
    annotators,
    documents: kept.map(({ id, title }) => ({ id, title })),
    excluded,
    labels,
    pairs,
    tokenCount,
    instance: f1Figures(instances, { pairs, labels, documents: documentIds }),
    token: f1Figures(tokenCube, { pairs, labels, documents: documentIds }),
    tokenBinary,
    linkTypes,
    links: f1Figures(linkCube, { pairs, labels: linkTypes, documents: documentIds }),
    attributes: attributeFigures(attributeTallies, pairs),
  };
}

/** Agreement on attribute values per name (sorted), from the compared and agreed spans of each pair. */
function attributeFigures(tallies: ReadonlyMap<string, { compared: number; agreed: number }[]>, pairs: readonly [string, string][]): AttributeAgreement[] {
  return [...tallies.keys()].sort(compareStrings).map((name) => {
    const perPair = pairs.map(([a, b], p) => {
      const t = tallies.get(name)![p]!;
      return { a, b, ...t, share: t.compared === 0 ? null : t.agreed / t.compared };
    });
    return { name, ...meanSd(perPair.map((x) => x.share)), pairs: perPair };
  });
}
