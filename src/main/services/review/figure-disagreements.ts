import type { AgreementDisagreement, AgreementDisagreements, AgreementFigure } from '../../../core/api/review';
import { selectForAgreement, type AgreementDocument } from '../../../core/agreement/documents';
import { instanceDisagreements } from '../../../core/agreement/instance-f1';
import { attributeDisagreements, linkDisagreements } from '../../../core/agreement/links';
import { indicatorDisagreements, tokenF1Disagreements, type TokenDisagreement } from '../../../core/agreement/token-disagreements';

/** How many rows a click on a figure lists unless asked for more. */
export const DEFAULT_DISAGREEMENT_LIMIT = 500;

/**
 * The disagreements behind one figure of the agreement panel, located in their articles so the
 * panel can open each in place. F1 figures without a pair (the mean over pairs) list every
 * pair's in turn. The `total` is counted in full; `items` stops at `limit`.
 */
export function figureDisagreements(
  documents: readonly AgreementDocument[],
  layers: readonly string[],
  figure: AgreementFigure,
  limit = DEFAULT_DISAGREEMENT_LIMIT,
): AgreementDisagreements {
  const selection = selectForAgreement(documents, { annotators: layers });
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const items: AgreementDisagreement[] = [];
  let total = 0;
  const push = (row: AgreementDisagreement) => {
    total++;
    if (items.length < limit) items.push(row);
  };
  const fromToken = (t: TokenDisagreement, pairLayers: string[]) =>
    push({
      articleId: t.document,
      title: titles.get(t.document) ?? t.document,
      label: t.label,
      start: t.start,
      end: t.end,
      text: t.text,
      layers: pairLayers,
      counts: t.counts,
    });
  const query = {
    ...('label' in figure && figure.label !== undefined ? { label: figure.label } : {}),
    ...('document' in figure && figure.document !== undefined ? { document: figure.document } : {}),
  };
  const textOf = (documentId: string, fragments: readonly { start: number; end: number }[]) => {
    const text = selection.documents.find((x) => x.id === documentId)!.text;
    return fragments.map((f) => text.slice(f.start, f.end)).join(' … ');
  };
  const place = (documentId: string, fragments: readonly { start: number; end: number }[]) => ({
    articleId: documentId,
    title: titles.get(documentId) ?? documentId,
    start: fragments[0]!.start,
    end: fragments[fragments.length - 1]!.end,
  });

  if (figure.kind === 'alpha') {
    for (const t of indicatorDisagreements(selection, { ...query, annotators: selection.annotators })) fromToken(t, selection.annotators);
    return { items, total };
  }
  if (figure.kind === 'kappa') {
    for (const t of indicatorDisagreements(selection, { ...query, annotators: [figure.a, figure.b] })) fromToken(t, [figure.a, figure.b]);
    return { items, total };
  }
  const pairs: [string, string][] = figure.a !== undefined && figure.b !== undefined ? [[figure.a, figure.b]] : selection.pairs;
  if (figure.kind === 'link') {
    for (const [a, b] of pairs) {
      for (const d of linkDisagreements(selection, { a, b, ...(figure.type !== undefined ? { type: figure.type } : {}), ...query })) {
        const text = `${textOf(d.document, d.from.fragments)} → ${textOf(d.document, d.to.fragments)}`;
        push({ ...place(d.document, d.from.fragments), label: d.type, text, layers: [a, b], side: d.side, annotationId: d.from.id, linkId: d.link.id });
      }
    }
    return { items, total };
  }
  if (figure.kind === 'attribute') {
    for (const [a, b] of pairs) {
      for (const d of attributeDisagreements(selection, { a, b, ...(figure.name !== undefined ? { name: figure.name } : {}), ...query })) {
        const values = d.values.map((v) => (v === undefined ? null : v));
        push({
          ...place(d.document, d.a.fragments),
          label: d.a.label,
          text: textOf(d.document, d.a.fragments),
          layers: [a, b],
          annotationId: d.a.id,
          attribute: d.name,
          values,
        });
      }
    }
    return { items, total };
  }
  for (const [a, b] of pairs) {
    if (figure.kind === 'token') {
      for (const t of tokenF1Disagreements(selection, { ...query, a, b })) fromToken(t, [a, b]);
      continue;
    }
    for (const d of instanceDisagreements(selection, { ...query, a, b })) {
      const doc = selection.documents.find((x) => x.id === d.document)!;
      const start = d.annotation.fragments[0]!.start;
      const end = d.annotation.fragments[d.annotation.fragments.length - 1]!.end;
      push({
        articleId: d.document,
        title: titles.get(d.document) ?? d.document,
        label: d.label,
        start,
        end,
        text: d.annotation.fragments.map((f) => doc.text.slice(f.start, f.end)).join(' … '),
        layers: [a, b],
        side: d.side,
        annotationId: d.annotation.id,
      });
    }
  }
  return { items, total };
}
