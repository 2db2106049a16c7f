/**
 * All suggestions for one article: direct quotes, reported speech and actors, each with an id,
 * a score and its rule; quotes with their speakers. Pure: the same text, names and options give
 * the same suggestions. The NLP name finder is passed in (index.ts passes compromise's), so this
 * module never loads the library itself.
 */
import { MAX_QUOTE_LENGTH, sameFragments } from '../model/fragments';
import { fail, ok, type Problem, type Result } from '../model/result';
import { analyse, type Analysis } from './analysis';
import { findActors } from './actors';
import { findDirectQuotes } from './direct-quotes';
import { knownNameIndex } from './known-names';
import { nameKinds } from './name-types';
import { findReportedSpeech } from './reported-speech';
import { findTranscriptTurns } from './transcript';
import { joinContinuations } from './continuations';
import { quoteSuggestion } from './quote-suggestion';
import { speakerOf, speakerOfLabel, speakerOfSentenceBefore, speakerOfSignature, type NameFacts } from './speakers';
import type { Speaker, SuggestInput, Suggestion, SuggestOptions } from './types';

const KINDS: readonly string[] = ['quote', 'actor'];
const MAX_KNOWN_NAMES = 1_000_000;

/**
 * What is wrong with the input and options, each problem with its field. Written by hand rather
 * than with zod so the worker bundle does not carry the schema library (it is most of its size).
 */
function inputProblems(input: SuggestInput, options: SuggestOptions): Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message: `suggestion ${field}: ${message}` });
  if (typeof input !== 'object' || input === null) return [{ field: 'input', message: 'suggestion input: expected an object with a text' }];
  if (typeof input.text !== 'string') problem('text', 'expected a string');
  else if (input.text.length > MAX_QUOTE_LENGTH) problem('text', `longer than ${MAX_QUOTE_LENGTH} characters`);
  if (input.known !== undefined) {
    if (!Array.isArray(input.known)) problem('known', 'expected a list of names');
    else if (input.known.length > MAX_KNOWN_NAMES) problem('known', `more than ${MAX_KNOWN_NAMES} names`);
    else
      (input.known as readonly unknown[]).forEach((entry, i) => {
        const k = (typeof entry === 'object' && entry !== null ? entry : {}) as { name?: unknown; entityId?: unknown };
        if (typeof k.name !== 'string') problem(`known.${i}.name`, 'expected a string');
        else if (k.name.length > 1000) problem(`known.${i}.name`, 'longer than 1000 characters');
        else if (k.entityId !== undefined && (typeof k.entityId !== 'string' || k.entityId.length > 200))
          problem(`known.${i}.entityId`, 'expected a string of at most 200 characters');
      });
  }
  if (options.minScore !== undefined && !(typeof options.minScore === 'number' && options.minScore >= 0 && options.minScore <= 1))
    problem('minScore', 'expected a number from 0 to 1');
  if (
    options.kinds !== undefined &&
    !(Array.isArray(options.kinds) && (options.kinds as readonly unknown[]).every((k) => typeof k === 'string' && KINDS.includes(k)))
  )
    problem('kinds', `expected a list of ${KINDS.join(', ')}`);
  if (options.nameFinder !== undefined && typeof options.nameFinder !== 'function') problem('nameFinder', 'expected a function');
  return problems;
}

/** How far back (UTF-16 units) a quote without a cue looks for the quote whose speaker it continues. */
const CARRY_REACH = 1200;
const DEFAULT_MIN_SCORE = 0.5;
/** A labelled turn is said by its label, a signed quote by its signature: as sure as a quote with a cue. */
const TURN_SCORE = 0.85;
const SIGNED_SCORE = 0.85;

export function computeSuggestions(input: SuggestInput, options: SuggestOptions = {}): Result<Suggestion[]> {
  const problems = inputProblems(input, options ?? {});
  if (problems.length > 0) return fail(...problems);
  options ??= {};

  const { text } = input;
  const kinds = new Set(options.kinds ?? ['quote', 'actor']);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const a = analyse(text);
  const index = knownNameIndex(input.known ?? []);
  const { types, genders } = nameKinds(a, options.nameFinder);
  const facts: NameFacts = { typeOf: (run) => types.get(run), genderOf: (run) => genders.get(run), entityOf: (name) => index.entityOf(name) };

  const quotes = quoteSuggestions(a, facts);
  const all = kinds.has('quote') ? quotes : [];
  if (kinds.has('actor')) all.push(...findActors(a, index.mentions(text, a.tokens), types, quotes));
  return ok(
    all
      .filter((s) => s.score >= minScore)
      .sort(
        (x, y) =>
          x.fragments[0]!.start - y.fragments[0]!.start || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) || y.fragments[0]!.end - x.fragments[0]!.end,
      ),
  );
}

/**
 * Direct quotes with their speakers — from the cue; for a quote with no cue, the name opening
 * the sentence before it in the paragraph, else the speaker of the quote before it (a second
 * paragraph of the same speaker), each with a lower score — then the reported clauses.
 */
function quoteSuggestions(a: Analysis, facts: NameFacts): Suggestion[] {
  const direct = findDirectQuotes(a);
  const reported = findReportedSpeech(a, direct, facts);
  const suggestions: Suggestion[] = [];
  let previous = null as { end: number; speaker: Speaker } | null;
  let r = 0;
  for (const q of direct) {
    const start = q.fragments[0]!.start;
    // The reported clauses before this quote count as "the quote before" too: "Graham assures his
    // audience he will tell the bigots to “shut up.” “The answer to me …”" goes on with Graham.
    for (; r < reported.length && reported[r]!.fragments[0]!.start < start; r++) {
      const end = reported[r]!.fragments[reported[r]!.fragments.length - 1]!.end;
      if (end <= start && (!previous || end > previous.end)) previous = { end, speaker: reported[r]!.speaker };
    }
    let speaker: Speaker | undefined;
    let score = q.score;
    if (q.cue) speaker = speakerOf(a, q.cue, facts);
    // Signed by a name after a dash: as sure as a quote with a cue.
    else if ((speaker = speakerOfSignature(a, q.lastToken, facts))) score = Math.max(score, SIGNED_SCORE);
    else if ((speaker = speakerOfSentenceBefore(a, q.firstToken, facts))) score -= 0.05;
    else if (previous && start - previous.end <= CARRY_REACH) {
      // A quote with no cue goes on with the speaker of the quote before it.
      speaker = { ...previous.speaker };
      delete speaker.cue;
      score -= 0.05;
    }
    const s = quoteSuggestion(a, q.fragments, 'direct-quote', score, speaker);
    suggestions.push(s);
    if (speaker) previous = { end: q.fragments[q.fragments.length - 1]!.end, speaker };
  }
  const merged = mergeQuotes(
    suggestions,
    reported.map((x) => quoteSuggestion(a, x.fragments, x.rule, x.score, x.speaker)),
  );
  return withTranscriptTurns(a, joinContinuations(a, merged), facts);
}

/** A transcript's turns replace whatever the other rules found in them (its paragraphs' marks are one long quote to them). */
function withTranscriptTurns(a: Analysis, quotes: Suggestion[], facts: NameFacts): Suggestion[] {
  const turns = findTranscriptTurns(a.text);
  if (turns.length === 0) return quotes;
  const inTurn = (s: Suggestion) => turns.some((t) => s.fragments.some((f) => f.start < t.content.end && f.end > t.label.start));
  return [
    ...quotes.filter((s) => !inTurn(s)),
    ...turns.map((t) => quoteSuggestion(a, [t.content], 'transcript', TURN_SCORE, speakerOfLabel(a, t.label, facts))),
  ];
}

/** Index of the first of `quotes` (disjoint, in text order) that ends after `offset`. */
function firstEndingAfter(quotes: readonly Suggestion[], offset: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    if (q.fragments[q.fragments.length - 1]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Direct and reported quotes together. A reported clause that holds a direct quote replaces it
 * (the mixed quote "Carson said that “…”" is one quote); a reported clause that crosses one
 * only in part is dropped, the direct quote being the better evidence.
 */
function mergeQuotes(direct: Suggestion[], reported: Suggestion[]): Suggestion[] {
  const out: Suggestion[] = [];
  const absorbed = new Set<Suggestion>();
  for (const r of reported) {
    const rs = r.fragments[0]!.start;
    const re = r.fragments[r.fragments.length - 1]!.end;
    const crossing: Suggestion[] = [];
    for (let i = firstEndingAfter(direct, rs); i < direct.length && direct[i]!.fragments[0]!.start < re; i++) crossing.push(direct[i]!);
    const inside = crossing.filter((d) => d.fragments.every((f) => f.start >= rs && f.end <= re));
    if (crossing.length !== inside.length) continue;
    // "Trump said “…”": the clause is the quote itself, which the direct rule already has.
    if (inside.length === 1 && sameFragments(inside[0]!.fragments, r.fragments)) continue;
    for (const d of inside) absorbed.add(d);
    if (!r.speaker && inside[0]?.speaker) r.speaker = inside[0].speaker;
    out.push(inside.length > 0 ? { ...r, score: Math.max(r.score, ...inside.map((d) => d.score)) } : r);
  }
  for (const d of direct) if (!absorbed.has(d)) out.push(d);
  return out;
}
