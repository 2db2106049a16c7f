/**
 * Quality figures from counts, and the plain-text table the bench prints (and that a
 * `lede suggest --evaluate` can print the same way).
 */
import type { Result } from '../../model/result';
import { ok } from '../../model/result';
import type { Suggestion } from '../types';
import type { GoldDocument } from './gold';
import { emptyCounts, OVERLAP_THRESHOLD, scoreAnnotator, scoreDocument, type Counts, type QualityCounts } from './score';

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
}

export interface QualityReport {
  /** What was evaluated, e.g. "polnear-single (development)". */
  name: string;
  counts: QualityCounts;
  direct: { overlap: Figures; exact: Figures };
  all: { overlap: Figures; exact: Figures };
  speakerAccuracy: number;
  /**
   * Whose spans were scored against the gold: a suggester's, or other annotators' (the human
   * ceiling, evaluateAnnotators). People have no targets and name no speaker by a pronoun cue.
   */
  scored: 'suggestions' | 'annotators';
}

/** Targets of issue 16, printed next to the figures. */
export const TARGETS = { directF1Overlap: 0.85, speakerAccuracy: 0.8 } as const;

export function figures(c: Counts): Figures {
  const precision = c.suggested === 0 ? 0 : c.matched / c.suggested;
  const recall = c.gold === 0 ? 0 : c.matched / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function qualityReport(name: string, counts: QualityCounts, scored: QualityReport['scored'] = 'suggestions'): QualityReport {
  return {
    name,
    scored,
    counts,
    direct: { overlap: figures(counts.direct.overlap), exact: figures(counts.direct.exact) },
    all: { overlap: figures(counts.all.overlap), exact: figures(counts.all.exact) },
    speakerAccuracy: counts.speaker.total === 0 ? 0 : counts.speaker.correct / counts.speaker.total,
  };
}

/**
 * Scores a suggester over gold documents: `suggestFor` returns the suggestions of one text
 * (an error fails the whole evaluation, with the document named).
 */
export function evaluateSuggestions(name: string, docs: readonly GoldDocument[], suggestFor: (text: string) => Result<Suggestion[]>): Result<QualityReport> {
  const counts = emptyCounts();
  for (const doc of docs) {
    const suggestions = suggestFor(doc.text);
    if (!suggestions.ok) return { ok: false, errors: suggestions.errors.map((e) => ({ ...e, file: doc.id })) };
    scoreDocument(counts, doc, suggestions.value);
  }
  return ok(qualityReport(name, counts));
}

/**
 * Scores annotators against each other: `groups` holds, per text, each annotator's gold
 * document; every annotator's attributions are scored as if they were suggestions against
 * every other annotator's (ordered pairs, so precision and recall are symmetric). The figures
 * say how far people agree on the same text — the ceiling for a suggester scored against one
 * of them.
 */
export function evaluateAnnotators(name: string, groups: readonly (readonly GoldDocument[])[]): QualityReport {
  const counts = emptyCounts();
  for (const group of groups)
    for (const gold of group)
      for (const other of group) {
        if (other !== gold) scoreAnnotator(counts, gold, other);
      }
  return qualityReport(name, counts, 'annotators');
}

const pct = (x: number) => x.toFixed(3);

/** The report as a small plain-text table. */
export function formatQualityReport(r: QualityReport): string {
  const c = r.counts;
  const people = r.scored === 'annotators';
  const row = (label: string, f: Figures, n: Counts) =>
    `  ${label.padEnd(28)} P ${pct(f.precision)}  R ${pct(f.recall)}  F1 ${pct(f.f1)}   (${n.matched} matched of ${n.suggested} ${people ? 'spans' : `suggested, ${n.gold} gold`})`;
  const speaker = `  speaker accuracy on matched direct quotes: ${pct(r.speakerAccuracy)} (${c.speaker.correct} of ${c.speaker.total}`;
  return [
    `${r.name}: ${c.documents} documents${people ? ' (each annotator scored against each other one)' : ''}`,
    row(`direct quotes, overlap ≥ ${OVERLAP_THRESHOLD}`, r.direct.overlap, c.direct.overlap),
    row('direct quotes, exact', r.direct.exact, c.direct.exact),
    row(`all attributions, overlap ≥ ${OVERLAP_THRESHOLD}`, r.all.overlap, c.all.overlap),
    row('all attributions, exact', r.all.exact, c.all.exact),
    people ? `${speaker})` : `${speaker}; ${c.speaker.pronouns} by a pronoun cue)`,
    ...(people ? [] : [`  targets: direct-quote F1 at overlap ≥ ${TARGETS.directF1Overlap}, speaker accuracy ≥ ${TARGETS.speakerAccuracy}`]),
  ].join('\n');
}
