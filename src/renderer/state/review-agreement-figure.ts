import type { AgreementFigure } from '../../core/api';
import type { AgreementReport } from '../../core/agreement/report';

/**
 * Whether `report` still has the figure the analyst chose, by what the figure means: its pair of
 * layers (either order), its label, link type or attribute, and its document must all be in the
 * report. A choice made on one set of layers is kept when the figures are recomputed for another
 * (a layer ticked or unticked, the scope changed) only if this holds; a pair with a layer no
 * longer measured, say, is gone with it.
 */
export function reportHasFigure(report: AgreementReport, figure: AgreementFigure): boolean {
  // As the host reads it: a figure of one pair names both layers, one without a pair means every pair.
  if ('a' in figure && figure.a !== undefined && figure.b !== undefined && !hasPair(report, figure.a, figure.b)) return false;
  if ('document' in figure && figure.document !== undefined && !report.documents.some((d) => d.id === figure.document)) return false;
  switch (figure.kind) {
    case 'instance':
    case 'token':
      return figure.label === undefined || report.labels.includes(figure.label);
    case 'kappa':
    case 'alpha':
      return report.labels.includes(figure.label);
    case 'link':
      return figure.type === undefined || report.linkTypes.includes(figure.type);
    case 'attribute':
      return figure.name === undefined || report.attributes.some((x) => x.name === figure.name);
  }
}

function hasPair(report: AgreementReport, a: string, b: string): boolean {
  return report.pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}
