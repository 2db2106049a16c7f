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
function pairs(w: Int32Array, suggested: readonly Fragment[][], gold: readonly Fragment[][], exact: boolean): Pair[] {
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

/** Adds one document's comparison to `into` (counts add up over documents: micro averages). */
export function scoreDocument(into: QualityCounts, doc: GoldDocument, suggestions: readonly Suggestion[]): QualityCounts {
  const w = weights(doc.text);
  const quotes = suggestions.filter((s) => s.kind === 'quote');
  const directQuotes = quotes.filter((s) => isDirectSpan(doc.text, s.fragments));
  const directGold = doc.attributions.filter((g) => g.direct);
  into.documents++;
  for (const exact of [false, true]) {
    const level = exact ? 'exact' : 'overlap';
    const d = pairs(
      w,
      directQuotes.map((s) => s.fragments),
      directGold.map((g) => g.content),
      exact,
    );
    add(into.direct[level], d.length, directQuotes.length, directGold.length);
    const all = pairs(
      w,
      quotes.map((s) => s.fragments),
      doc.attributions.map((g) => g.content),
      exact,
    );
    add(into.all[level], all.length, quotes.length, doc.attributions.length);
    if (!exact) for (const p of d) scoreSpeaker(into.speaker, directQuotes[p.s]!, directGold[p.g]!);
  }
  return into;
}

function scoreSpeaker(into: SpeakerCounts, s: Suggestion, g: GoldAttribution): void {
  if (g.sources.length === 0) return;
  into.total++;
  const speaker = s.speaker;
  if (!speaker) return;
  const spans = [[speaker.fragment], ...(speaker.actor ? [[speaker.actor.fragment]] : [])];
  const hit = spans.some((span) => g.sources.some((source) => sharesAny(span, source)));
  if (!hit) return;
  into.correct++;
  if (speaker.pronoun) into.pronouns++;
}

function sharesAny(x: readonly Fragment[], y: readonly Fragment[]): boolean {
  return x.some((f) => y.some((g) => Math.min(f.end, g.end) > Math.max(f.start, g.start)));
}
