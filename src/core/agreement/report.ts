import { indexOfLabels, selectForAgreement, spansByAnnotatorAndLabel, type AgreementDocument, type AgreementSelection } from './documents';
import { CountCube, f1Figures, type F1Figures } from './f1-figures';
import { countInstances } from './instance-f1';
import { attributeFigures, linkFigures, linkTypesOf, type AttributeAgreement } from './links';
import { cohenKappa, krippendorffAlphaBinary, strictMean, type BinaryTable } from './statistics';
import { compareTokenRows, countTokens } from './token-counts';

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
  const selection = selectForAgreement(documents, options);
  const { annotators, labels, pairs } = selection;
  const names = { pairs, labels, documents: selection.documents.map((d) => d.id) };

  const labelIndex = indexOfLabels(labels);
  // Each document's spans grouped once, for every figure that counts spans.
  const spans = selection.documents.map((doc) => spansByAnnotatorAndLabel(doc, annotators, labelIndex));
  const instances = new CountCube(pairs.length, selection.documents.length, labels.length);
  countInstances(selection, spans, instances);

  const tokenCube = new CountCube(pairs.length, selection.documents.length, labels.length);
  const tables: BinaryTable[][] = labels.map(() => pairs.map(() => ({ n11: 0, n10: 0, n01: 0, n00: 0 })));
  const alphaSums = labels.map(() => ({ yes: 0, disagreeingPairs: 0 }));
  let tokenCount = 0;
  const who = new Map(annotators.map((a, i) => [a, i]));

  selection.documents.forEach((doc, d) => {
    const { tokens, counts } = countTokens(doc, spans[d]!, labels.length);
    tokenCount += tokens.count;
    for (let l = 0; l < labels.length; l++) {
      pairs.forEach(([a, b], p) => {
        const c = compareTokenRows(counts[who.get(a)!]![l]!, counts[who.get(b)!]![l]!);
        if (c.tp + c.fp + c.fn > 0) tokenCube.add(p, d, l, c.tp, c.fp, c.fn);
        const table = tables[l]![p]!;
        table.n11 += c.n11;
        table.n10 += c.n10;
        table.n01 += c.n01;
        table.n00 += tokens.count - c.n11 - c.n10 - c.n01;
      });
      const sums = alphaSums[l]!;
      const rows = counts.map((byLabel) => byLabel[l]!);
      for (let t = 0; t < tokens.count; t++) {
        let yes = 0;
        for (const row of rows) if (row[t]! > 0) yes++;
        sums.yes += yes;
        sums.disagreeingPairs += yes * (annotators.length - yes);
      }
    }
  });

  const linkTypes = linkTypesOf(selection);
  const tokenBinary = labels.map((label, l): LabelTokenAgreement => {
    const kappaPairs = pairs.map(([a, b], p) => ({ a, b, kappa: cohenKappa(tables[l]![p]!), table: tables[l]![p]! }));
    return {
      label,
      kappaPairs,
      meanKappa: strictMean(kappaPairs.map((k) => k.kappa)),
      alpha: krippendorffAlphaBinary({ items: tokenCount, raters: annotators.length, ...alphaSums[l]! }),
    };
  });

  return {
    annotators,
    documents: selection.documents.map((d) => ({ id: d.id, title: d.title })),
    excluded: selection.excluded,
    labels,
    pairs,
    tokenCount,
    instance: f1Figures(instances, names),
    token: f1Figures(tokenCube, names),
    tokenBinary,
    linkTypes,
    links: linkFigures(selection, linkTypes),
    attributes: attributeFigures(selection, spans),
  };
}
