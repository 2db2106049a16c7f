/**
 * The direct-quote rule. Each quoted span (quote-marks.ts) is a quote when the evidence says
 * so, weighed in `evidence` below: a cue beside it (cues.ts), its length, whether it reads as
 * speech (ends with , . ? ! inside the marks, starts with a capital). Scare quotes and titles —
 * “woke”, “Saturday Night Live” — are short, have no cue, and titles are in title case; they are
 * not suggested (a reported clause may still take them in, reported-speech.ts).
 *
 * The interrupted quote “…,” he said, “…” is one quote with two fragments, and so is a quote
 * that goes on after its cue in the same paragraph (“…,” Carson said. “…”): a quoted span with
 * no cue of its own joins the quote before it when only that quote's cue stands between them.
 * (Who says a quote with no cue at all is decided in compute.ts.)
 */
import type { Fragment } from '../model/fragments';
import { tokenAt, type Analysis } from './analysis';
import { cueAfter, cueBefore, cueInSentence, type Cue } from './cues';
import { innerRange, type QuotedSpan } from './quote-marks';
import { speechVerb } from './speech-verbs';

export interface DirectQuote {
  fragments: Fragment[];
  /** Indexes of the quoted spans it is made of. */
  spans: number[];
  cue: Cue | null;
  score: number;
  /** Token range of the quote: [first, last]. */
  firstToken: number;
  lastToken: number;
}

interface Candidate {
  span: QuotedSpan;
  index: number;
  first: number;
  last: number;
  cue: Cue | null;
  words: number;
  speechLike: boolean;
  title: boolean;
  /** A few words named by what stands before them: "on “Morning Joe,”", "the “Great Satan.”" */
  named: boolean;
  letters: number;
}

/** Words before a short quoted span that make it a name, a title or a term rather than speech. */
const NAMING_WORDS = new Set([
  'the',
  'a',
  'an',
  'on',
  'in',
  'of',
  'for',
  'called',
  'dubbed',
  'named',
  'titled',
  'entitled',
  'so-called',
  'his',
  'her',
  'their',
  'its',
  'our',
  'this',
  'that',
  'as',
  // A possessive: "on Fox News’s “Fox and Friends.”", "Trump’s “big, beautiful wall”".
  "'s",
  '’s',
]);
/**
 * Words that open a clause the speaker says before the cue ("Whether …, Mr. Garin added, “…”").
 * Not "although" or "because": "Although the state keeps no figures, X said, “…”" is mostly
 * the reporter's framing.
 */
const LEAD_INS = new Set(['whether', 'while', 'if', 'unless']);
/** Before a speech verb they make it part of the cue's clause ("said when asked about it"), not a second cue. */
const SUBORDINATE = new Set(['when', 'if', 'as', 'after', 'before', 'being', 'been', 'was', 'were', 'once', 'unless']);
/** Small words a title leaves in lower case: "The Future of American Workers and the Economy". */
const TITLE_MINOR_WORDS = new Set(['and', 'the', 'for', 'nor', 'but', 'from', 'with', 'into', 'onto', 'over', 'under', 'upon', 'than', 'via']);
/** A quoted span this long is a quote even with no cue. */
const LONG_QUOTE_WORDS = 8;
/** At most this many words after the cue's clause before a part that resumes in lower case. */
const RESUMED_CUE_WORDS = 10;
/** At most this many words after a quote's last part before the paragraph ends ("Clinton told union workers in Los Angeles."). */
const CUE_PARAGRAPH_WORDS = 10;
/** At most this many tokens may stand between the parts of one quote besides the cue's own. */
const JOIN_REACH = 40;

export function findDirectQuotes(a: Analysis): DirectQuote[] {
  const candidates = a.quotes.map((span, index) => candidate(a, span, index));
  const quotes: DirectQuote[] = [];
  for (const c of candidates) {
    const previous = quotes[quotes.length - 1];
    if (previous && joins(a, previous, c)) {
      previous.fragments.push(...c.span.fragments);
      previous.spans.push(c.index);
      previous.lastToken = c.last;
      continue;
    }
    const score = evidence(c);
    if (score === null) continue;
    const lead = leadIn(a, c);
    const fragments = [...(lead ? [lead] : []), ...c.span.fragments];
    const opening = lead ? null : sentenceOpening(a, c, previous?.lastToken ?? -1);
    if (opening !== null) fragments[0] = { start: a.tokens[opening]!.start, end: fragments[0]!.end };
    quotes.push({ fragments, spans: [c.index], cue: c.cue, score, firstToken: opening ?? c.first, lastToken: c.last });
  }
  return quotes;
}

function candidate(a: Analysis, span: QuotedSpan, index: number): Candidate {
  const start = span.fragments[0]!.start;
  const end = span.fragments[span.fragments.length - 1]!.end;
  const first = tokenAt(a, start);
  const last = tokenAt(a, end) - 1;
  let words = 0;
  let capitalised = 0;
  let long = 0;
  let minor = 0;
  for (let t = first; t <= last; t++) {
    const token = a.tokens[t]!;
    if (!token.word) continue;
    words++;
    if (token.text.length >= 3) {
      if (TITLE_MINOR_WORDS.has(token.text)) minor++;
      else {
        long++;
        if (/^\p{Lu}/u.test(token.text)) capitalised++;
      }
    }
  }
  const inner = innerRange(a.text, span.fragments[span.fragments.length - 1]!);
  const innerText = a.text.slice(inner.start, inner.end).trimEnd();
  const opening = innerRange(a.text, span.fragments[0]!);
  const startsCapital = /^[\p{Lu}\p{N}.…]/u.test(a.text.slice(opening.start, opening.start + 1));
  const speechLike = /[,.?!…:;—-]$/.test(innerText) && (startsCapital || words >= 4);
  // Title case: every longer word capitalised ("Saturday Night Live"); with lower-case small
  // words between them ("The Future of American Workers") only when no cue says it is speech.
  const titleCase = long >= 2 && capitalised === long && !/[.?!]$/.test(innerText);
  const cue = cueOf(a, first, last, index);
  const title = titleCase && (minor === 0 || !cue || cue.weak === true);
  const named = words <= 4 && NAMING_WORDS.has(a.tokens[first - 1]?.norm ?? '');
  const letters = innerText.replace(/[^\p{L}\p{N}]/gu, '').length;
  return { span, index, first, last, cue, words, speechLike, title, named, letters };
}

/**
 * The cue of the quote at tokens [first, last]: one before it that ends in a colon, else one
 * after it, else one before it, else (weak) a speech verb earlier in its sentence.
 */
function cueOf(a: Analysis, first: number, last: number, index: number): Cue | null {
  const sentence = a.sentences[a.sentenceOf[last]!]!;
  const nextQuote = a.quotes[index + 1];
  const nextStart = nextQuote ? tokenAt(a, nextQuote.fragments[0]!.start) : a.tokens.length;
  const ceiling = Math.min(sentence.last, nextStart);
  const after = cueAfter(a, last, ceiling);
  let own = a.sentences[a.sentenceOf[first]!]!;
  // A quote that opens its sentence right after "X said:" takes the cue ending the sentence before.
  if (own.first === first && a.sentenceOf[first]! > 0 && a.tokens[first - 1]?.text === ':') own = a.sentences[a.sentenceOf[first]! - 1]!;
  const previousQuote = a.quotes[index - 1];
  const previousEnd = previousQuote ? tokenAt(a, previousQuote.fragments[previousQuote.fragments.length - 1]!.end) : 0;
  const floor = Math.max(own.first, previousEnd);
  const before = cueBefore(a, first, floor);
  if (before?.colon) return before;
  return after ?? before ?? cueInSentence(a, first, floor);
}

/** The score of a quoted span as a quote, or null when it is no quote (a scare quote, a title, a fragment). */
function evidence(c: Candidate): number | null {
  if (c.words === 0 || c.letters < 2) return null;
  if ((c.title || c.named) && !(c.cue && c.cue.colon)) return null;
  let score: number;
  if (c.cue && !c.cue.weak && (c.speechLike || c.words >= 3 || c.cue.colon)) score = 0.75;
  else if (c.cue?.weak && c.words >= 3 && c.speechLike) score = 0.6;
  else if (c.words >= LONG_QUOTE_WORDS) score = 0.6;
  else if (c.speechLike && c.words >= 5) score = 0.55;
  else return null;
  if (c.speechLike) score += 0.1;
  if (c.words >= LONG_QUOTE_WORDS) score += 0.05;
  if (c.cue && c.words >= LONG_QUOTE_WORDS && c.speechLike) score += 0.05;
  if (!c.span.closed) score -= 0.1;
  return Math.min(0.98, Math.round(score * 100) / 100);
}

/**
 * "Whether the issue is the pipeline or health care, Mr. Garin added, “it becomes harder …”": a
 * clause that opens the sentence with a conditional or contrastive word, before the cue of a
 * quote, belongs to what the speaker says — one quote, the clause its first fragment. So does
 * any opening a lower-case quote goes on from ("The law, he wrote, “does not …”").
 */
function leadIn(a: Analysis, c: Candidate): Fragment | null {
  const cue = c.cue;
  if (!cue || cue.weak || cue.side !== 'before') return null;
  const comma = cue.subject.first - 1;
  const sentence = a.sentences[a.sentenceOf[cue.verb]!]!;
  const first = sentence.first;
  if (a.tokens[comma]?.text !== ',') return null;
  // "The law, he wrote, “does not honor …”": a quote that goes on in lower case finishes the
  // clause before the cue, whatever word opens it.
  const inner = innerRange(a.text, c.span.fragments[0]!);
  const continues =
    /^\[?\p{Ll}/u.test(a.text.slice(inner.start, inner.start + 2)) && a.tokens[cue.verbEnd]?.text === ',' && completesOpening(a, first, c.first);
  if (!(continues ? comma - first >= 1 : LEAD_INS.has(a.tokens[first]!.norm) && comma - first >= 4)) return null;
  for (let t = first; t < comma; t++) if (a.inQuote[t] !== -1) return null;
  return { start: a.tokens[first]!.start, end: a.tokens[comma - 1]!.end };
}

/**
 * "Closing the department would “[send] the wrong message,” he added.": a quote that starts in
 * lower case in the middle of its sentence, with its cue after it, finishes a sentence the
 * reporter began in the speaker's voice — the sentence's opening is part of what is attributed.
 * Not when a speech verb stands in the opening (then it is "X said the plan was “dead,”", the
 * reported-speech rule's), nor across a quote suggested before. The first token of the opening,
 * or null.
 */
function sentenceOpening(a: Analysis, c: Candidate, previousLast: number): number | null {
  const cue = c.cue;
  if (!cue || cue.weak || cue.side !== 'after') return null;
  const inner = innerRange(a.text, c.span.fragments[0]!);
  if (!/^\[?\p{Ll}/u.test(a.text.slice(inner.start, inner.start + 2))) return null;
  const first = a.sentences[a.sentenceOf[c.first]!]!.first;
  if (first >= c.first || first <= previousLast) return null;
  let words = 0;
  for (let t = first; t < c.first; t++) {
    const token = a.tokens[t]!;
    if (a.inQuote[t] === -1 && speechVerb(token)) return null;
    if (token.word) words++;
  }
  // "Mills “got an immunity agreement,” Jordan said": one word will do when it is a name.
  return words >= 2 || (words === 1 && a.nameOf[first] !== -1) ? first : null;
}

/** Words a quote's own clause starts with: then it is whole, and what stands before the cue is the reporter's. */
const CLAUSE_SUBJECTS = new Set([
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'it',
  'there',
  'this',
  'that',
  'these',
  'those',
  'my',
  'our',
  'your',
  'if',
  'when',
  'the',
  'a',
  'an',
]);
/** Words that open the reporter's framing rather than a subject: "On Tuesday, he said, “…”", "Asked about it, …". */
const FRAMING_STARTS = new Set([
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'later',
  'earlier',
  'asked',
  'speaking',
  'writing',
  'today',
  'yesterday',
  'then',
  'but',
  'and',
  'still',
  'however',
  'meanwhile',
  'now',
  'again',
  'also',
]);

/**
 * Whether the sentence opening at token `first` is a subject the quote at token `quote` goes on
 * from ("The law, he wrote, “does not …”"): not framing, and the quote not a clause of its own.
 */
function completesOpening(a: Analysis, first: number, quote: number): boolean {
  const opening = a.tokens[first]!;
  if (FRAMING_STARTS.has(opening.norm) || /(?:ed|ing)$/.test(opening.norm)) return false;
  let w = quote;
  while (w < a.tokens.length && !a.tokens[w]!.word) w++;
  return !CLAUSE_SUBJECTS.has(a.tokens[w]?.norm ?? '');
}

/**
 * Whether quoted span `c` continues quote `q`: same paragraph, no cue of its own (or the same
 * cue, seen from the other side), and right after q's cue clause ("“…,” he said, “…”") or at
 * the start of a sentence after it ("“…,” Carson said in an alleyway. “…”").
 */
function joins(a: Analysis, q: DirectQuote, c: Candidate): boolean {
  if (c.cue && (!q.cue || c.cue.verb !== q.cue.verb)) return false;
  if (c.first - q.lastToken > JOIN_REACH) return false;
  const from = a.tokens[q.lastToken]!.end;
  const to = a.tokens[c.first]!.start;
  if (/[\r\n]/.test(a.text.slice(from, to))) return paragraphGoesOn(a, q, c);
  if (!q.cue) return c.first - q.lastToken === 1 && c.speechLike;
  if (q.cue.side !== 'after') return false;
  // Verbs of the cue's own clause ("said when asked about it") do not count.
  let verbs = 0;
  for (let t = q.lastToken + 1; t < c.first; t++) if (isCueVerb(a, t)) verbs++;
  // Once q's cue stands behind its last part ("“A,” Warren said. “B” …"), any speech verb after
  // that part is another attribution's ("…, she said. “C”"), not the cue seen again.
  if (verbs > (q.cue.verb < q.lastToken ? 0 : 1)) return false;
  // A new sentence, or one after an abbreviation that ends the cue ("… in Springfield, Ill. “…”").
  const startsSentence = a.sentences[a.sentenceOf[c.first]!]!.first === c.first || /[.!?]$/.test(a.tokens[c.first - 1]!.text);
  // After the cue clause, at most a short phrase ("on Tuesday") and a comma or colon.
  let words = 0;
  for (let t = q.cue.clauseEnd; t < c.first; t++) if (a.tokens[t]!.word) words++;
  const joint = a.tokens[c.first - 1]!.text;
  // A part that goes on in lower case ("“…,” Trump said during a rally in Kenansville, N.C., “but …”")
  // is the same sentence resumed, whatever the cue's clause took in.
  const inner = innerRange(a.text, c.span.fragments[0]!);
  const resumes = /^\[?\p{Ll}/u.test(a.text.slice(inner.start, inner.start + 2));
  // "Mills “got an immunity agreement,” Jordan said, and still “got to sit in …”": resumed after "and".
  const resumedAfterAnd = resumes && words <= 2 && a.tokens[q.cue.clauseEnd]?.text === ',' && a.tokens[q.cue.clauseEnd + 1]?.norm === 'and';
  const interrupted = ((words <= 4 || (resumes && words <= RESUMED_CUE_WORDS)) && (joint === ',' || joint === ':' || joint === '—')) || resumedAfterAnd;
  return interrupted || (startsSentence && (c.speechLike || c.words >= 4) && !cueLaterInSentence(a, c.last));
}

/**
 * "“…,” Clinton said.¶“And that’s why steady leadership is so important.”": a paragraph that is
 * nothing but a quote, with no cue of its own, goes on with the quote that ended the paragraph
 * before it with its cue, as one quote in two parts.
 */
function paragraphGoesOn(a: Analysis, q: DirectQuote, c: Candidate): boolean {
  if (!q.cue || q.cue.weak || q.cue.side !== 'after' || c.cue || !c.speechLike) return false;
  // What follows q's last part up to the break is at most its cue's clause, in the same sentence.
  const paragraphStart = a.text.lastIndexOf('\n', a.tokens[c.first]!.start) + 1;
  let words = 0;
  for (let t = q.lastToken + 1; t < c.first && a.tokens[t]!.start < paragraphStart; t++) {
    if (a.sentenceOf[t] !== a.sentenceOf[q.lastToken]) return false;
    if (a.tokens[t]!.word && ++words > CUE_PARAGRAPH_WORDS) return false;
  }
  const lineEnd = a.text.indexOf('\n', a.tokens[c.last]!.end);
  const rest = a.text.slice(a.tokens[c.last]!.end, lineEnd === -1 ? a.text.length : lineEnd);
  return a.text.slice(paragraphStart, a.tokens[c.first]!.start).trim() === '' && rest.trim() === '';
}

function isCueVerb(a: Analysis, t: number): boolean {
  return speechVerb(a.tokens[t]!) !== undefined && !SUBORDINATE.has(a.tokens[t - 1]!.norm);
}

/**
 * Whether a speech verb outside quotes follows token `last` in its sentence: "“B” to drive up the
 * stock price, she said" is attributed there, so it does not continue the quote before it.
 */
function cueLaterInSentence(a: Analysis, last: number): boolean {
  const sentence = a.sentences[a.sentenceOf[last]!]!;
  for (let t = last + 1; t < sentence.last; t++) if (a.inQuote[t] === -1 && isCueVerb(a, t)) return true;
  return false;
}
