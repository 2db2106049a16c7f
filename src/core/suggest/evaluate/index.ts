export { goldFromBrat, isDirectSpan, isQuoted, type GoldAttribution, type GoldDocument } from './gold';
export { emptyCounts, OVERLAP_THRESHOLD, scoreAnnotator, scoreDocument, type Counts, type QualityCounts, type SpeakerCounts } from './score';
export { evaluateAnnotators, evaluateSuggestions, figures, formatQualityReport, qualityReport, TARGETS, type Figures, type QualityReport } from './report';
