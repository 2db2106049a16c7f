import { z } from 'zod';
import { TaskIdSchema } from './tasks';
import type { AgreementReport } from '../agreement/report';
import type { OverallProgress, Tally } from '../review/progress';

/**
 * The review feature's methods (issue 5). Decisions themselves are not here: the renderer turns
 * a decision into an Edit with src/core/review (decide / acceptAgreed) and sends it through
 * `applyEdit`, so it is saved, undone and redone like any other edit. What needs every article
 * of the workspace — progress over all articles, agreement figures and the disagreements behind
 * them — is computed on the backend, where the articles are.
 */

const LayerName = z.string().min(1).max(200);
const ArticleId = z.string().min(1).max(100);
const LabelId = z.string().max(200);

/** Layers to measure: at least two different names (agreement needs a pair). */
const LayerList = z
  .array(LayerName)
  .min(2)
  .max(100)
  .refine((layers) => new Set(layers).size >= 2, { message: 'choose at least two different layers' });

/** Which articles: all of the workspace when absent, else these (e.g. the one under review). */
const ArticleScope = z.array(ArticleId).min(1).max(100_000).optional();

const Pair = { a: LayerName, b: LayerName };

/** A figure of the agreement panel whose disagreements the analyst asked to see. */
export const AgreementFigureSchema = z.discriminatedUnion('kind', [
  /** Instance or token F1 of one pair, or of every pair when a/b are absent; for one label and/or one document. */
  z
    .object({
      kind: z.enum(['instance', 'token']),
      a: LayerName.optional(),
      b: LayerName.optional(),
      label: LabelId.optional(),
      document: ArticleId.optional(),
    })
    .strict(),
  /** Cohen's kappa of one pair for one label. */
  z.object({ kind: z.literal('kappa'), ...Pair, label: LabelId }).strict(),
  /** Krippendorff's alpha of one label over every layer measured. */
  z.object({ kind: z.literal('alpha'), label: LabelId }).strict(),
  /** Link F1 of one pair or of every pair, for one link type and/or one document. */
  z.object({ kind: z.literal('link'), a: LayerName.optional(), b: LayerName.optional(), type: LabelId.optional(), document: ArticleId.optional() }).strict(),
  /** Agreement on attribute values of one pair or of every pair, for one attribute name and/or one document. */
  z
    .object({ kind: z.literal('attribute'), a: LayerName.optional(), b: LayerName.optional(), name: LabelId.optional(), document: ArticleId.optional() })
    .strict(),
]);
export type AgreementFigure = z.infer<typeof AgreementFigureSchema>;

export const reviewArgs = {
  reviewOverview: z
    .object({ layerA: LayerName, layerB: LayerName, reviewed: LayerName })
    .strict()
    .refine((x) => x.layerA !== x.layerB, { message: 'layers A and B must differ' }),
  /** `task` names the computation for `taskProgress` / `cancelTask` (core/api/tasks.ts). */
  agreementReport: z.object({ layers: LayerList, articleIds: ArticleScope, task: TaskIdSchema.optional() }).strict(),
  agreementDisagreements: z
    .object({ layers: LayerList, articleIds: ArticleScope, figure: AgreementFigureSchema, limit: z.number().int().min(1).max(10_000).optional() })
    .strict(),
};

/** Review progress of one article that has layer A or layer B. */
export interface ArticleReviewSummary extends Tally {
  articleId: string;
  title: string;
  differences: Tally;
  agreed: Tally;
}

export interface ReviewOverview {
  articles: ArticleReviewSummary[];
  overall: OverallProgress;
}

/**
 * One disagreement behind a figure, located in its article. Instance disagreements are whole
 * annotations one layer has and the other lacks (`side` A: only in A, a false negative; B: only
 * in B, a false positive); token ones are single tokens (`counts` per layer in `layers`); link
 * ones are links one layer has (`label` is the link type, the place its first end, `text` both
 * ends); attribute ones are spans both have with different `values` of `attribute`.
 */
export interface AgreementDisagreement {
  articleId: string;
  title: string;
  label: string;
  start: number;
  end: number;
  text: string;
  /** The layers this row compares: the pair, or every layer for alpha. */
  layers: string[];
  side?: 'A' | 'B';
  counts?: number[];
  /** The annotation behind an instance disagreement (a link's first end, an attribute's span in A), to open it in place. */
  annotationId?: string;
  /** For link disagreements: the link itself, to open it in place when it is a difference of its own. */
  linkId?: string;
  /** For attribute disagreements: the attribute, and its value in each layer of the pair (null: unset). */
  attribute?: string;
  values?: (string | boolean | null)[];
}

export interface AgreementDisagreements {
  items: AgreementDisagreement[];
  /** How many there are in all; more than items.length when the limit cut the list. */
  total: number;
}

export interface ReviewResults {
  reviewOverview: ReviewOverview;
  agreementReport: AgreementReport;
  agreementDisagreements: AgreementDisagreements;
}
