/**
 * Adjudication of two layers into a reviewed layer (issue 5). Entry points:
 * - decide(ctx, itemId, decision) and acceptAgreed(ctx): Edits to apply like any other edit;
 * - reviewProgress / articleReviewProgress / overallProgress / nextOpen: settled and open items,
 *   read from the document alone (state lives in the reviewed layer and its rejected companion).
 */
export { acceptAgreed, decide, type Decision, type ReviewContext } from './decide';
export { articleReviewProgress, isSettled, nextOpen, overallProgress, reviewProgress } from './progress';
export type { ArticleProgress, OverallProgress, Tally } from './progress';
export { itemStatus, ReviewState, type ItemStatus } from './status';
export { isRejectedLayer, rejectedLayerName } from './ids';
export { combinedFields, decisionProblem, keepsOtherSide, keptFields, reopenProblem, unionNote, type DecisionKey, type KeptFields } from './rules';
