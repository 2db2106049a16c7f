import { indexOfLabels, spansByAnnotatorAndLabel, type AgreementSelection } from './documents';
import { countTokens } from './token-counts';

/** A token the annotators saw differently under one label. */
export interface TokenDisagreement {
  document: string;
  label: string;
  /** UTF-16 offsets of the token in the article text, and its text. */
  start: number;
  end: number;
  text: string;
  /** Per annotator asked about (same order): how many fragments of this label overlap the token. */
  counts: number[];
}

interface Query {
  label?: string;
  document?: string;
}

function* tokenRows(selection: AgreementSelection, annotators: readonly string[], query: Query) {
  const labels = query.label === undefined ? selection.labels : selection.labels.filter((l) => l === query.label);
  const labelIndex = indexOfLabels(labels);
  for (const doc of selection.documents) {
    if (query.document !== undefined && doc.id !== query.document) continue;
    const { tokens, counts } = countTokens(doc, spansByAnnotatorAndLabel(doc, annotators, labelIndex), labels.length);
    for (let t = 0; t < tokens.count; t++) {
      for (let l = 0; l < labels.length; l++) {
        const start = tokens.starts[t]!;
        const end = tokens.ends[t]!;
        yield { doc, label: labels[l]!, start, end, counts: counts.map((perLabel) => perLabel[l]![t]!) };
      }
    }
  }
}

/**
 * The (label, token) units behind a pair's token F1: tokens where the two annotators' unit counts
 * differ (the excess is a false positive when B has more, a false negative when A has more).
 */
export function tokenF1Disagreements(selection: AgreementSelection, query: Query & { a: string; b: string }): TokenDisagreement[] {
  const out: TokenDisagreement[] = [];
  for (const row of tokenRows(selection, [query.a, query.b], query)) {
    if (row.counts[0] === row.counts[1]) continue;
    out.push({ document: row.doc.id, label: row.label, start: row.start, end: row.end, text: row.doc.text.slice(row.start, row.end), counts: row.counts });
  }
  return out;
}

/**
 * The tokens behind a kappa (ask with the pair) or an alpha (ask with every annotator): tokens
 * where the annotators asked about do not all agree on whether the label is there.
 */
export function indicatorDisagreements(selection: AgreementSelection, query: Query & { annotators: readonly string[] }): TokenDisagreement[] {
  const out: TokenDisagreement[] = [];
  for (const row of tokenRows(selection, query.annotators, query)) {
    const yes = row.counts.filter((c) => c > 0).length;
    if (yes === 0 || yes === row.counts.length) continue;
    out.push({ document: row.doc.id, label: row.label, start: row.start, end: row.end, text: row.doc.text.slice(row.start, row.end), counts: row.counts });
  }
  return out;
}
