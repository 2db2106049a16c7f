/**
 * How well suggested quotes match gold attributions.
 *
 * Spans are compared on the characters they cover, whitespace aside (so a gold span that an
 * annotator cut at the space between two sentences still equals one span over both):
 *  - exact: both cover the same characters;
 *  - overlap: they share at least half of the longer one's characters (so each covers at
 *    least half of the other).
 * Suggestions and gold spans are paired one to one, most shared characters first. Direct
 * quotes are, on both sides, the spans that hold a quotation mark or are bounded by one (gold.ts); "all" compares every
 * suggested quote with every gold Content.
 *
 * Speaker accuracy is over the direct quotes paired at overlap whose gold attribution has a
 * Source: the suggestion's speaker is right when its span, or (for a pronoun) the named actor
 * it resolved to, shares a character with a gold Source. PolNeAR marks the pronoun itself as
 * the Source of "he said", so both count.
 *
 * The same scoring compares one annotator's attributions with another's (scoreAnnotator), so
 * that human agreement on a text is measured with exactly the ruler the suggestions are.
 */
import type { Fragment } from '../../model/annotation';
import type { Suggestion } from '../types';
import { isDirectSpan, type GoldAttribution, type GoldDocument } from './gold';

export interface Counts {
  /** Suggestions paired with a gold span. */
  matched: number;
  suggested: number;
  gold: number;
}

export interface SpeakerCounts {
  correct: number;
  /** Paired direct quotes whose gold attribution names a Source. */
  total: number;
  /** How many of the correct ones came from a pronoun cue. */
  pronouns: number;
}

export interface QualityCounts {
  documents: number;
  direct: { overlap: Counts; exact: Counts };
  all: { overlap: Counts; exact: Counts };
  speaker: SpeakerCounts;
}

export const OVERLAP_THRESHOLD = 0.5;

/** Non-whitespace characters before each offset: a span's weight is a difference of two entries. */
function weights(text: string): Int32Array {
  const w = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) w[i + 1] = w[i]! + (/\s/.test(text[i]!) ? 0 : 1);
  return w;
}

function weight(w: Int32Array, fragments: readonly Fragment[]): number {
  let n = 0;
  for (const f of fragments) n += w[f.end]! - w[f.start]!;
  return n;
}

function shared(w: Int32Array, x: readonly Fragment[], y: readonly Fragment[]): number {
  let n = 0;
  for (const f of x)
    for (const g of y) {
      const start = Math.max(f.start, g.start);
      const end = Math.min(f.end, g.end);
      if (end > start) n += w[end]! - w[start]!;
    }
  return n;
}

interface Pair {
  s: number;
  g: number;
}

/** One-to-one pairs of suggestions and gold spans that pass the test, most shared characters first. */
function pairs(w: Int32Array, suggested: readonly (readonly Fragment[])[], gold: readonly (readonly Fragment[])[], exact: boolean): Pair[] {
  const candidates: (Pair & { n: number })[] = [];
  suggested.forEach((s, si) => {
    const ws = weight(w, s);
    gold.forEach((g, gi) => {
      const n = shared(w, s, g);
      if (n === 0) return;
      const wg = weight(w, g);
      const pass = exact ? n === ws && n === wg : n >= OVERLAP_THRESHOLD * Math.max(ws, wg);
      if (pass) candidates.push({ s: si, g: gi, n });
    });
  });
  candidates.sort((x, y) => y.n - x.n || x.s - y.s || x.g - y.g);
  const takenS = new Set<number>();
  const takenG = new Set<number>();
  const out: Pair[] = [];
  for (const c of candidates) {
    if (takenS.has(c.s) || takenG.has(c.g)) continue;
    takenS.add(c.s);
    takenG.add(c.g);
    out.push(c);
  }
  return out;
}

function add(into: Counts, matched: number, suggested: number, gold: number): void {
  into.matched += matched;
  into.suggested += suggested;
  into.gold += gold;
}

const zero = (): Counts => ({ matched: 0, suggested: 0, gold: 0 });

export function emptyCounts(): QualityCounts {
  return { documents: 0, direct: { overlap: zero(), exact: zero() }, all: { overlap: zero(), exact: zero() }, speaker: { correct: 0, total: 0, pronouns: 0 } };
}

/**
 * A quote to score, from whichever side it comes: a suggestion, or another annotator's
 * attribution when annotators are scored against each other (the human ceiling).
 */
interface Candidate {
  fragments: readonly Fragment[];
  direct: boolean;
  /** The spans that name the speaker (for a pronoun cue, the pronoun and the actor it resolved to). */
  speaker: readonly (readonly Fragment[])[];
  pronoun: boolean;
}

function fromSuggestion(text: string, s: Suggestion): Candidate {
  const speaker = s.speaker;
  return {
    fragments: s.fragments,
    direct: isDirectSpan(text, s.fragments),
    speaker: speaker ? [[speaker.fragment], ...(speaker.actor ? [[speaker.actor.fragment]] : [])] : [],
    pronoun: speaker?.pronoun === true,
  };
}

function fromAttribution(g: GoldAttribution): Candidate {
  return { fragments: g.content, direct: g.direct, speaker: g.sources, pronoun: false };
}

/** Adds one document's comparison to `into` (counts add up over documents: micro averages). */
export function scoreDocument(into: QualityCounts, doc: GoldDocument, suggestions: readonly Suggestion[]): QualityCounts {
  const quotes = suggestions.filter((s) => s.kind === 'quote').map((s) => fromSuggestion(doc.text, s));
  return scoreCandidates(into, doc, quotes);
}

/**
 * Adds the comparison of another annotator's attributions of the same text (`other`) with
 * `doc`'s, scored exactly as suggestions are: how far annotators agree sets the ceiling a
 * suggester can reach against any one of them.
 */
export function scoreAnnotator(into: QualityCounts, doc: GoldDocument, other: GoldDocument): QualityCounts {
  if (other.text !== doc.text) throw new Error(`${other.id} and ${doc.id} annotate different texts`);
  return scoreCandidates(into, doc, other.attributions.map(fromAttribution));
}

function scoreCandidates(into: QualityCounts, doc: GoldDocument, quotes: readonly Candidate[]): QualityCounts {
  const w = weights(doc.text);
  const directQuotes = quotes.filter((q) => q.direct);
  const directGold = doc.attributions.filter((g) => g.direct);
  into.documents++;
  for (const exact of [false, true]) {
    const level = exact ? 'exact' : 'overlap';
    const d = pairs(
      w,
      directQuotes.map((q) => q.fragments),
      directGold.map((g) => g.content),
      exact,
    );
    add(into.direct[level], d.length, directQuotes.length, directGold.length);
    const all = pairs(
      w,
      quotes.map((q) => q.fragments),
      doc.attributions.map((g) => g.content),
      exact,
    );
    add(into.all[level], all.length, quotes.length, doc.attributions.length);
    if (!exact) for (const p of d) scoreSpeaker(into.speaker, directQuotes[p.s]!, directGold[p.g]!);
  }
  return into;
}

function scoreSpeaker(into: SpeakerCounts, q: Candidate, g: GoldAttribution): void {
  if (g.sources.length === 0) return;
  into.total++;
  const hit = q.speaker.some((span) => g.sources.some((source) => sharesAny(span, source)));
  if (!hit) return;
  into.correct++;
  if (q.pronoun) into.pronouns++;
}

function sharesAny(x: readonly Fragment[], y: readonly Fragment[]): boolean {
  return x.some((f) => y.some((g) => Math.min(f.end, g.end) > Math.max(f.start, g.start)));
}
