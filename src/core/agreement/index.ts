/**
 * Comparison of layers and agreement figures (issue 5). Entry points:
 * - compareLayers(doc, a, b): every annotation of two layers classed, with link differences;
 * - computeAgreement(documents, { annotators, labels? }): instance/token F1, kappa, alpha;
 * - agreementMarkdown / agreementJson: the CLI's two outputs;
 * - instanceDisagreements / tokenF1Disagreements / indicatorDisagreements / linkDisagreements /
 *   attributeDisagreements: what lies behind a figure.
 */
export { compareLayers, differencesOf, spanItemId, relationItemId } from './compare';
export type { ComparisonItem, LayerComparison, RelationItem, SpanClass, SpanItem } from './compare';
export { matchLayers, type MatchKind, type MatchResult } from './matching';
export { agreementDocument, selectForAgreement } from './documents';
export type { AgreementDocument, AgreementSelection, AgreementSpan } from './documents';
export { computeAgreement, type AgreementReport, type LabelTokenAgreement } from './report';
export type { F1Figures, PairF1 } from './f1-figures';
export type { MeanSd, BinaryTable } from './statistics';
export { agreementJson, agreementMarkdown, formatFigure, pairKey } from './format';
export { instanceDisagreements, type InstanceDisagreement } from './instance-f1';
export { attributeDisagreements, linkDisagreements, type AttributeAgreement, type AttributeDisagreement, type LinkDisagreement } from './links';
export { indicatorDisagreements, tokenF1Disagreements, type TokenDisagreement } from './token-disagreements';
export { tokenize, type TokenIndex } from './tokens';
