/**
 * The reported-speech rules, one sentence at a time, on text outside quotation marks:
 *  - "X said (that) CLAUSE", "X told reporters (that) CLAUSE", with the verbs that report a
 *    clause (speech-verbs.ts); a time or place phrase may stand before "that" ("said on
 *    Tuesday that …"), and without "that" the clause must follow the verb directly;
 *  - "CLAUSE, X said." and "CLAUSE, said X." — the cue ends the sentence;
 *  - "According to X, CLAUSE." and "CLAUSE, according to X."
 *  - "The plan, its authors claim, will …" — the cue inside the clause (parenthetical-cue.ts);
 *  - "X called the report a “boldfaced lie.”", "accused X of “…”" — what a speaker calls
 *    something, in their words (labels.ts).
 * The clause runs to the end of the sentence (its final point left out) or to a direct quote
 * that has a cue of its own. Quoted words inside it make it a mixed quote (compute.ts keeps
 * the clause and drops the direct quote it holds).
 */
import type { Fragment } from '../model/fragments';
import { commaAt, type Analysis } from './analysis';
import { subjectOfVerb } from './cues';
import type { DirectQuote } from './direct-quotes';
import { accusedOf, ACCUSING, namedInQuotes } from './labels';
import { PREPOSITIONS, subjectAfter, subjectBefore } from './noun-phrases';
import type { Sentence } from './sentences';
import type { NameFacts } from './speakers';
import { directiveParticle, reportsBareClause, reportsClause, speechVerb, takesListener } from './speech-verbs';
import {
  AS_NAMING_VERBS,
  clauseRange,
  cueFragment,
  endsSentence,
  firstAtOrAfter,
  NAMING_VERBS,
  nextAttribution,
  TO_NAMING_VERBS,
  reportedClause,
  reportedSpeaker,
  withQuotes,
  type ReportedQuote,
} from './reported-clause';
import { nounThat, SPEECH_NOUNS } from './speech-nouns';
import { asCue, cueInside } from './parenthetical-cue';
import { directiveTo } from './directives';
import { isAskingVerb, questionAfter } from './questions';

/** Words that can open a time or place phrase between a verb and "that". */
const PHRASE_OPENERS = new Set([
  'on',
  'in',
  'at',
  'during',
  'via',
  'last',
  'this',
  'earlier',
  'later',
  'after',
  'before',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'repeatedly',
  'again',
  'recently',
  'privately',
  'publicly',
  'flatly',
  'also',
  'previously',
  'once',
  'often',
  'only',
  'simply',
  'merely',
  'just',
]);
/** Prepositions that give a speech verb an object of its own ("hinted at a run", "called for calm"). */
const OBJECT_PARTICLES: Partial<Record<string, readonly string[]>> = {
  hint: ['at'],
  call: ['for', 'on'],
  argue: ['for', 'against'],
  warn: ['of', 'about', 'against'],
  complain: ['about', 'of'],
  comment: ['on'],
  report: ['on'],
  write: ['about', 'on', 'of'],
  testify: ['about', 'before'],
  agree: ['with', 'to', 'on'],
  speak: ['about', 'of', 'with', 'to'],
  talk: ['about', 'of', 'with', 'to'],
};
/** Verbs whose infinitive is what they report: "vowed to end the program". */
const PROMISES = new Set(['promise', 'vow', 'pledge', 'claim']);
/** How far "that" may stand after the verb and its listener: "told an audience at a festival in Houston last week that …". */
const THAT_REACH = 12;

export function findReportedSpeech(a: Analysis, direct: readonly DirectQuote[], facts: NameFacts): ReportedQuote[] {
  const found: ReportedQuote[] = [];
  // Verbs that already attribute a direct quote ("“…,” he said", "he said: “…”") report no other
  // clause; "said “most people” can't be trusted" and weak cues still may.
  const bound = (d: DirectQuote) =>
    d.cue && !d.cue.weak && (d.cue.side === 'after' || (/^[,:—]$/.test(a.tokens[d.firstToken - 1]?.text ?? '') && !insideThatClause(a, d)));
  const cueVerbs = new Set(direct.flatMap((d) => (bound(d) ? [d.cue!.verb] : [])));
  for (const s of a.sentences) {
    for (let v = s.first; v < s.last; v++) {
      if (a.inQuote[v] !== -1) continue;
      const t = a.tokens[v]!;
      // "urged Republicans to “vote your conscience”": what was asked, before the verb's other uses.
      const r =
        (directiveParticle(t.norm) !== undefined && !cueVerbs.has(v) ? directiveTo(a, s, v, facts) : null) ?? attributionAt(a, s, v, direct, facts, cueVerbs);
      if (r) {
        found.push(r);
        // Go on after the clause and its cue: "X said A, adding that B" holds a second attribution.
        const end = Math.max(r.fragments[r.fragments.length - 1]!.end, r.speaker.cue?.end ?? 0);
        while (v + 1 < s.last && a.tokens[v + 1]!.start < end) v++;
      }
    }
  }
  return found;
}

/** The attribution whose cue is the token `v` ("according to", a naming verb, a speech noun or verb), or null. */
function attributionAt(
  a: Analysis,
  s: Sentence,
  v: number,
  direct: readonly DirectQuote[],
  facts: NameFacts,
  cueVerbs: ReadonlySet<number>,
): ReportedQuote | null {
  const t = a.tokens[v]!;
  if (t.norm === 'according' && a.tokens[v + 1]?.norm === 'to') return accordingTo(a, s, v, direct, facts);
  if ((NAMING_VERBS.has(t.norm) || AS_NAMING_VERBS.has(t.norm) || TO_NAMING_VERBS.has(t.norm)) && !cueVerbs.has(v)) return namedInQuotes(a, s, v, facts);
  if (ACCUSING.has(t.norm) && !cueVerbs.has(v)) return accusedOf(a, s, v, facts);
  const r = SPEECH_NOUNS.has(t.norm) ? nounThat(a, s, v, direct, facts) : null;
  if (r) return r;
  // "Trump is questioning whether …", "asked Trump how …": a reported question.
  if (isAskingVerb(t.norm) && !cueVerbs.has(v)) {
    const q = questionAfter(a, s, v, direct, facts);
    if (q) return q;
  }
  // "The campaign has pointed out that …": a verb of two words, which reports a clause with "that".
  if (POINT_OUT.has(t.text) && a.tokens[v + 1]?.norm === 'out')
    return clauseAfter(a, s, v, 'point out', direct, facts, v + 2) ?? asCue(a, s, v, v + 2, direct, facts);
  // "its authors claim, …": a noun of speech with no determiner may be the verb ("warning"
  // after a comma stays a participle for the cue that ends the sentence to bind).
  const lemma = !SPEECH_NOUNS.has(t.norm) || !t.norm.endsWith('ing') ? speechVerb(t) : undefined;
  if (!lemma || !reportsClause(lemma) || cueVerbs.has(v)) return null;
  return (
    clauseAfter(a, s, v, lemma, direct, facts) ??
    clauseBefore(a, s, v, lemma, direct, facts) ??
    asCue(a, s, v, v + 1, direct, facts) ??
    cueInside(a, s, v, direct, facts)
  );
}

/** At most this many tokens in a quoted show or paper named after a listener, marks included. */
const LISTENER_TITLE_REACH = 8;

/** The token after a short quoted span at token c when "that" follows it; else c. */
function pastQuotedTitle(a: Analysis, c: number, ceiling: number): number {
  const span = a.inQuote[c];
  if (span === undefined || span === -1) return c;
  let end = c;
  while (end + 1 < ceiling && a.inQuote[end + 1] === span) end++;
  return end - c < LISTENER_TITLE_REACH && a.tokens[end + 1]?.norm === 'that' ? end + 1 : c;
}

/** The forms of "point out" before its "out". */
const POINT_OUT = new Set(['point', 'points', 'pointed', 'pointing']);

/** "X said (that) CLAUSE"; the verb is the tokens [v, after) ("pointed out"). */
function clauseAfter(
  a: Analysis,
  s: Sentence,
  v: number,
  lemma: string,
  direct: readonly DirectQuote[],
  facts: NameFacts,
  after = v + 1,
): ReportedQuote | null {
  const subject = subjectOfVerb(a, v, s.first);
  if (!subject) return null;
  let c = after;
  if (takesListener(lemma)) {
    const listener = subjectAfter(a, v, s.last);
    if (listener) c = listener.last;
    // "told Zelenskyy and the European leaders that …": two listeners.
    const second = listener && a.tokens[c]?.norm === 'and' ? subjectAfter(a, c, s.last) : null;
    if (second) c = second.last;
    // "told MSNBC's “Morning Joe” that …": the show the listener speaks on, quoted, before "that".
    if (listener) c = pastQuotedTitle(a, c, s.last);
  }
  if (c >= s.last) return null;
  // "said that …"; "said on Tuesday that …" (a time or place phrase before "that"); "said the …" bare.
  let that = -1;
  if (a.tokens[c]?.norm === 'that') that = c;
  else if (a.tokens[c] && PHRASE_OPENERS.has(a.tokens[c]!.norm)) {
    for (let k = c + 1; k < s.last && k < c + THAT_REACH && a.tokens[k]!.word && a.inQuote[k] === -1; k++) {
      if (a.tokens[k]!.norm === 'that') {
        that = k;
        break;
      }
    }
    if (that === -1) {
      // "told NBC on Friday there was still “no basis” …": a time phrase, then the clause bare.
      const after = timePhraseEnd(a, c, s.last);
      if (after === -1 || !reportsBareClause(lemma) || !opensBareClause(a, after)) return null;
      c = after;
    }
  } else {
    // "argued for weeks over how …": a preposition opens no clause ("said if he were …" may);
    // "to" opens what was promised ("pledged to end …"), not what was added ("add to the deficit").
    const next = a.tokens[c];
    if (!reportsBareClause(lemma) || !next || (!next.word && a.inQuote[c] === -1) || /ly$/.test(next.norm) || PREPOSITIONS.has(next.norm)) return null;
    if (next.norm === 'to' && !PROMISES.has(lemma)) return null;
  }
  if (that !== -1) c = that;
  // "told Der Spiegel “We have a complaint,”": the clause is that quote, which the direct rule has.
  if (a.inQuote[c] !== -1 && completeQuoteAt(a, c, direct)) return null;
  const content = clauseRange(a, c, nextAttribution(a, c, s.last), v, direct);
  if (!content) return null;
  return reportedClause(a, content, that !== -1 ? 0.7 : 0.6, subject, v, after, facts);
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night']);
const PERIODS = new Set(['week', 'month', 'year', 'weekend', 'spring', 'summer', 'fall', 'autumn', 'winter', ...WEEKDAYS]);

/**
 * The token after a time phrase starting at token `c` — "on Friday", "Tuesday night", "last
 * week", "earlier this month", "yesterday" — or -1 when none starts there.
 */
function timePhraseEnd(a: Analysis, c: number, limit: number): number {
  const norm = (k: number) => (k < limit && a.inQuote[k] === -1 ? a.tokens[k]!.norm : '');
  let k = c;
  if (norm(k) === 'earlier' || norm(k) === 'later') k++;
  if (norm(k) === 'on' && WEEKDAYS.has(norm(k + 1))) k++;
  if (WEEKDAYS.has(norm(k))) k += PARTS_OF_DAY.has(norm(k + 1)) ? 2 : 1;
  else if (/^(?:last|this|next)$/.test(norm(k)) && PERIODS.has(norm(k + 1))) k += 2;
  else if (/^(?:yesterday|today|tonight)$/.test(norm(k)) && k === c) k++;
  return k > c && (k - c > 1 || !/^(?:earlier|later)$/.test(norm(c))) ? k : -1;
}

/** Words a bare clause does not open with: what follows the verb is then its object or a phrase. */
const NOT_CLAUSE_OPENERS = new Set([
  ...PHRASE_OPENERS,
  'to',
  'of',
  'for',
  'with',
  'by',
  'about',
  'from',
  'as',
  'and',
  'or',
  'but',
  'because',
  'when',
  'while',
  'if',
]);

/** Whether the token at `c` may open a clause reported without "that": a word, or quoted words. */
function opensBareClause(a: Analysis, c: number): boolean {
  const t = a.tokens[c];
  if (!t) return false;
  if (a.inQuote[c] !== -1) return true;
  return t.word && !NOT_CLAUSE_OPENERS.has(t.norm) && !/ly$/.test(t.norm);
}

/** "CLAUSE, X said." / "CLAUSE, said X." — the cue and a short phrase end the sentence. */
function clauseBefore(a: Analysis, s: Sentence, v: number, lemma: string, direct: readonly DirectQuote[], facts: NameFacts): ReportedQuote | null {
  // "…, Johnson has hinted at a run for office.": the verb has an object of its own.
  if (OBJECT_PARTICLES[lemma]?.includes(a.tokens[v + 1]?.norm ?? '')) return null;
  let subject = subjectBefore(a, v, s.first);
  let cueStart = subject?.first ?? v;
  let after = v + 1;
  if (!subject || !commaAt(a, subject.first - 1)) {
    if (!commaAt(a, v - 1)) return null;
    subject = subjectAfter(a, v, s.last);
    if (!subject) return null;
    cueStart = v;
    after = subject.last;
  }
  if (!endsSentence(a, after, s) && !participleAfterCue(a, after)) return null;
  // The comma outside the quoted words is left out; one inside their closing mark stays with
  // them, when the clause opens in the reporter's words (else it is a direct quote, that rule's).
  const quotedComma = a.inQuote[cueStart - 1] !== -1;
  if (quotedComma && a.inQuote[s.first] !== -1) return null;
  const comma = quotedComma ? cueStart : cueStart - 1;
  // "When Clinton noted that Trump paid no taxes, Trump boasted about it": a clause that reports
  // someone's words itself ("noted that …") is not what the cue after it reports.
  for (let k = s.first; k + 1 < comma; k++) if (a.inQuote[k] === -1 && speechVerb(a.tokens[k]!) && a.tokens[k + 1]!.norm === 'that') return null;
  const content = clauseRange(a, s.first, comma, v, direct);
  return content ? reportedClause(a, content, 0.65, subject, v, v + 1, facts) : null;
}

/** "According to X, CLAUSE." / "CLAUSE, according to X." */
function accordingTo(a: Analysis, s: Sentence, v: number, direct: readonly DirectQuote[], facts: NameFacts): ReportedQuote | null {
  const subject = subjectAfter(a, v + 1, s.last);
  if (!subject) return null;
  const cue = cueFragment(a, v, v + 2);
  let content: Fragment | null;
  if (v === s.first || a.tokens[v - 1]!.text !== ',') {
    if (a.tokens[subject.last]?.text !== ',') return null;
    if (v !== s.first) return null;
    content = clauseRange(a, subject.last + 1, nextAttribution(a, subject.last + 1, s.last), v, direct);
  } else {
    if (!endsSentence(a, subject.last, s)) return null;
    content = clauseRange(a, s.first, v - 1, v, direct);
  }
  if (!content) return null;
  return { fragments: [content], rule: 'according-to', score: withQuotes(a, content, 0.75), speaker: reportedSpeaker(a, subject, cue, facts) };
}

/**
 * "said via email that, “Of course he will defend himself” against what …": a quote after "that,"
 * that the sentence goes on from is part of the reported clause, not the whole of what is said.
 */
function insideThatClause(a: Analysis, d: DirectQuote): boolean {
  // "Sanders said that for African-Americans between 17 and 20, “the real rate … is 51 percent.”"
  if (d.cue && d.cue.side === 'before' && a.tokens[d.cue.verbEnd]?.norm === 'that' && d.cue.verbEnd < d.firstToken - 2) return true;
  const after = a.tokens[d.lastToken + 1];
  return (
    a.tokens[d.firstToken - 2]?.norm === 'that' &&
    after !== undefined &&
    after.word &&
    a.inQuote[d.lastToken + 1] === -1 &&
    a.sentenceOf[d.lastToken + 1] === a.sentenceOf[d.lastToken]
  );
}

/** "CLAUSE, she said, referencing …": a participle after the cue is the cue's own phrase, the clause still before it. */
function participleAfterCue(a: Analysis, from: number): boolean {
  const next = a.tokens[from + 1];
  return commaAt(a, from) && next !== undefined && a.inQuote[from + 1] === -1 && /^\p{Ll}+ing$/u.test(next.text);
}

/** Whether a direct quote starts at token `t` and reads as a whole utterance (ends with , . ? ! inside its marks). */
function completeQuoteAt(a: Analysis, t: number, direct: readonly DirectQuote[]): boolean {
  const d = direct[firstAtOrAfter(direct, t)];
  if (d?.firstToken !== t) return false;
  return /[,.?!…]\s*(?:[”"»«’]|'')$/.test(a.text.slice(a.tokens[d.lastToken]!.start - 2, a.tokens[d.lastToken]!.end));
}
