/**
 * Finds the stretches of text between quotation marks: “…”, „…“, «…», »…«, ‹…›, "…", ''…''
 * (two apostrophes, as some archives write a double mark), ``…'', and single marks ‘…’, ‚…‘,
 * '…' (the British order, typed) when no double quote is open (single marks inside a double quote are a quote within the
 * quote and stay part of it). A right single mark followed by a letter is an apostrophe
 * ("Trump’s", "don’t") and never closes a quote.
 *
 * A paragraph that opens a quote without closing it continues in the next paragraph when that
 * paragraph starts with an opening mark (the newspaper convention for quotes over several
 * paragraphs): the result is one quoted span with one fragment per paragraph. When the next
 * paragraph does not start with one, a double quote ends with its paragraph, marked unclosed;
 * so does a partial quote (lower case, after a word), which that convention does not carry on.
 */
import type { Fragment } from '../model/fragments';
import { paragraphsOf } from '../text/paragraphs';

export interface QuotedSpan {
  /** One fragment per paragraph, each from the opening mark to the closing mark (or the paragraph's end). */
  fragments: Fragment[];
  /** False when the last paragraph ended with the quote still open. */
  closed: boolean;
}

/** Which closing marks end a quote opened by each mark. */
const CLOSERS: Record<string, readonly string[]> = {
  '“': ['”', '"'],
  '„': ['“', '”'],
  '«': ['»'],
  '»': ['«'],
  '‹': ['›'],
  '"': ['"', '”'],
  // A right mark typed for a left one ("”Mr. Trump embodies …”"): see opensAt.
  '”': ['”', '"'],
  "''": ["''", '”'],
  '``': ["''"],
  '‘': ['’'],
  '‚': ['‘', '’'],
  "'": ["'"],
};
const SINGLE = new Set(['‘', '‚', "'"]);
const MAX_CONTINUED_PARAGRAPHS = 20;
const ELISION = /^(?:\p{N}|(?:em|til|cause|n|tis|twas|bout|round)\b)/iu;

export function isOpeningMark(mark: string): boolean {
  return mark in CLOSERS;
}

/** Marks that can open here: not glued to a word before, followed by something to quote. */
function opensAt(text: string, at: number, mark: string): boolean {
  if (!isOpeningMark(mark)) return false;
  const before = at > 0 ? text[at - 1]! : ' ';
  const after = text[at + mark.length] ?? '';
  if (after === '' || (/\s/.test(after) && mark !== '«' && mark !== '»')) return false;
  // A typed apostrophe before a number or an elided word ("the '90s", "'em") opens nothing.
  if (mark === "'" && ELISION.test(text.slice(at + 1, at + 6))) return false;
  // A right mark opens only where a left one was meant: at a paragraph's or word's start, a letter after it.
  if (mark === '”') return (at === 0 || /\s/.test(before)) && /\p{L}/u.test(after);
  // Straight and single marks are ambiguous: they open only after a space, a bracket, a dash or another mark.
  if (mark === '"' || mark === "''" || SINGLE.has(mark)) return /[\s([{—–―\-/“‘"'„«]/.test(before) || at === 0;
  return true;
}

function closesAt(text: string, at: number, opener: string, mark: string): boolean {
  if (!CLOSERS[opener]!.includes(mark)) return false;
  const after = text[at + mark.length] ?? '';
  // An apostrophe inside a word ("Trump’s", "didn't") closes nothing.
  if (mark === '’' || mark === "'") return !/[\p{L}\p{N}]/u.test(after) && (mark === '’' || !/\s/.test(text[at - 1] ?? ' '));
  if (mark === '"' || mark === "''") return (at > 0 && !/\s/.test(text[at - 1]!)) || /[\s.,;:!?)\]—–―-]/.test(after) || after === '';
  return true;
}

interface Open {
  mark: string;
  start: number;
  fragments: Fragment[];
  /** Quotes of the same kind opened inside this one and not yet closed. */
  depth: number;
}

/** Opening marks distinct from their closers, so a quote inside a quote can be told apart. */
const NESTING = new Set(['“', '«', '‹']);

const DOUBLE_MARKS = /[“”„«»‹›"]|''|``/g;
const SINGLE_MARKS = /[‘’‚']/g;

/**
 * Every quoted span of the text, in text order. Double marks are paired first; single marks
 * only in the text left outside double quotes, and an unclosed single mark (an elision such as
 * "‘bout") is dropped rather than taken for a quote running to the paragraph's end. A double
 * quote inside a single one (the British order) belongs to it.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const doubles = scan(text, DOUBLE_MARKS, [], true);
  const singles = scan(text, SINGLE_MARKS, doubles, false);
  const within = (d: QuotedSpan) => singles.some((q) => q.fragments[0]!.start < d.fragments[0]!.start && spanEnd(q) > spanEnd(d));
  return [...doubles.filter((d) => !within(d)), ...singles].sort((x, y) => x.fragments[0]!.start - y.fragments[0]!.start);
}

function spanEnd(q: QuotedSpan): number {
  return q.fragments[q.fragments.length - 1]!.end;
}

/** Pairs the marks `marks` matches, paragraph by paragraph, ignoring marks inside `skip`. */
function scan(text: string, marks: RegExp, skip: readonly QuotedSpan[], keepUnclosed: boolean): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const paragraphs = paragraphsOf(text).filter((p) => p.text.trim() !== '');
  let skipAt = 0;
  const skipped = (at: number) => {
    while (skipAt < skip.length && spanEnd(skip[skipAt]!) <= at) skipAt++;
    const s = skip[skipAt];
    return s !== undefined && s.fragments[0]!.start <= at;
  };
  const unclosed = (fragments: Fragment[]) => {
    if (keepUnclosed) spans.push({ fragments, closed: false });
  };
  let carried: Open | null = null;
  let carriedParagraphs = 0;
  for (const p of paragraphs) {
    const end = p.start + p.text.trimEnd().length;
    let open: Open | null = null;
    let from = p.start;
    if (carried) {
      const first = p.start + (p.text.length - p.text.trimStart().length);
      const mark = markAt(text, first);
      if (mark && CLOSERS[carried.mark]!.concat(carried.mark).includes(mark) && opensAt(text, first, mark)) {
        open = { mark: carried.mark, start: first, fragments: carried.fragments, depth: 0 };
        from = first + mark.length;
      } else {
        unclosed(carried.fragments);
      }
      carried = null;
    }
    marks.lastIndex = from;
    for (let m = marks.exec(text); m !== null && m.index < end; m = marks.exec(text)) {
      const at = m.index;
      const mark = m[0];
      if (skipped(at)) continue;
      if (open) {
        // “… “Straw vote” …”: a curly or angled opening mark of the same kind nests.
        if (mark === open.mark && NESTING.has(mark) && opensAt(text, at, mark) && !closesAt(text, at, open.mark, mark)) open.depth++;
        else if (closesAt(text, at, open.mark, mark) && open.depth > 0) open.depth--;
        else if (closesAt(text, at, open.mark, mark)) {
          spans.push({ fragments: [...open.fragments, { start: open.start, end: at + mark.length }], closed: true });
          open = null;
        }
      } else if (opensAt(text, at, mark)) {
        open = { mark, start: at, fragments: [], depth: 0 };
      }
    }
    if (open) {
      const fragments = [...open.fragments, { start: open.start, end }];
      carriedParagraphs = open.fragments.length === 0 ? 1 : carriedParagraphs + 1;
      if (carriedParagraphs >= MAX_CONTINUED_PARAGRAPHS || (open.fragments.length === 0 && partialAt(text, open.start, open.mark))) unclosed(fragments);
      else carried = { mark: open.mark, start: open.start, fragments, depth: 0 };
    }
  }
  if (carried) unclosed(carried.fragments);
  return spans;
}

/**
 * A partial quote: words quoted in the middle of the reporter's clause ("Grayson said the idea is
 * “really an amorphous position …"), in lower case after a word. The convention that leaves a
 * paragraph's quote open when the next paragraph goes on with it is for full quotes; a
 * paragraph that holds a partial quote closes it (so the AP stylebook), so an unclosed partial
 * quote is a missing mark, and the next paragraph's opening mark starts a quote of its own.
 */
function partialAt(text: string, at: number, mark: string): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  const first = text[at + mark.length] ?? '';
  return /[\p{L}\p{N}] $/u.test(before) && /\p{Ll}/u.test(first);
}

function markAt(text: string, at: number): string | null {
  const two = text.slice(at, at + 2);
  if (two === "''" || two === '``') return two;
  const one = text[at] ?? '';
  return /[“”„«»‹›"‘’‚']/.test(one) ? one : null;
}

/** The text between the marks of one fragment, without the marks. */
export function innerRange(text: string, fragment: Fragment): Fragment {
  const open = markAt(text, fragment.start);
  let start = fragment.start + (open ? open.length : 0);
  let end = fragment.end;
  const lastTwo = text.slice(end - 2, end);
  if (lastTwo === "''") end -= 2;
  else if (/[”“"»«›’‘']/.test(text[end - 1] ?? '')) end -= 1;
  if (end < start) end = start;
  while (start < end && /\s/.test(text[start]!)) start++;
  return { start, end };
}
