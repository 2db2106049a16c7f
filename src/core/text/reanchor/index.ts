export { formerPlace, reanchorAll, REANCHOR_STATES, type AnchoredSpan, type ReanchorResult, type ReanchorState } from './reanchor';
export { findApproximate, findExact, similarity, type QuoteContext, type QuoteMatch } from './match-quote';
export { diffTexts, mapBack, mapNear, mapUnchanged, type EqualRun, type TextDiff } from './text-diff';
