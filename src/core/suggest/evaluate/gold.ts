/**
 * Gold attributions from a brat document annotated the PolNeAR way: an `Attribution` (or
 * `Attribution-no-source`) event whose `Content` argument is what is said and whose `Source`
 * argument is who says it. Read with Lede's own brat parser, so offsets arrive as UTF-16
 * fragments (brat counts code points) and discontinuous spans as several fragments.
 */
import type { Fragment } from '../../model/annotation';
import { fail, ok, type Result } from '../../model/result';
import { parseBrat } from '../../formats/brat';

export interface GoldAttribution {
  content: Fragment[];
  /** Every Source of the events that share this Content (none for Attribution-no-source). */
  sources: Fragment[][];
  /** The content holds a quotation mark or is bounded by one (isDirectSpan): a direct (or mixed) quote. */
  direct: boolean;
}

export interface GoldDocument {
  /** The document's name, e.g. "<annotator>/<doc>" — for reports only. */
  id: string;
  text: string;
  attributions: GoldAttribution[];
}

/** Double quotation marks, guillemets, two apostrophes or backticks, or a single mark opening the span. */
const QUOTATION = /[“”„‟«»"]|''|``|^\s*[‘‚]/;

export function isQuoted(text: string): boolean {
  return QUOTATION.test(text);
}

/** An opening mark right before a span (no space between): “, ", «, „, ‘, `` or '' (with a selection that took one of its apostrophes in, see below). */
const MARK_BEFORE = /(?:[“"„«‘]|''|``)$/;
/** A closing double mark right after a span, after at most one punctuation mark: ”, ", », ''. */
const MARK_AFTER = /^[,.;:?!]?(?:[”"»]|'')/;

/**
 * Whether the span `fragments` of `text` is a direct quote: its text holds a quotation mark
 * (isQuoted), or its first fragment starts right after an opening mark or its last ends right
 * before a closing one. The second test is for selections that stop at the marks rather than
 * take them in — “⟦an illegal alien chose my son’s head⟧.”, or in the archives' ''…'' style
 * a selection that starts on the second apostrophe and ends on the first ('⟦It's over,⟧'') —:
 * the words are quoted whichever way the annotator dragged the mouse. Applied alike to gold
 * Content spans and to suggestions, so that neither side is judged by where a selection ended.
 */
export function isDirectSpan(text: string, fragments: readonly Fragment[]): boolean {
  if (fragments.length === 0) return false;
  if (isQuoted(fragments.map((f) => text.slice(f.start, f.end)).join(' '))) return true;
  const start = fragments[0]!.start;
  const end = fragments[fragments.length - 1]!.end;
  const covered = text.slice(start, end);
  // The single mark the span starts or ends with, joined to the one outside it, makes a double mark.
  const before = text.slice(Math.max(0, start - 2), start) + (covered.startsWith("'") ? "'" : '');
  const after = (covered.endsWith("'") ? "'" : '') + text.slice(end, end + 3);
  return MARK_BEFORE.test(before) || MARK_AFTER.test(after);
}

export function goldFromBrat(input: { id: string; txt: string; ann: string }): Result<GoldDocument> {
  const parsed = parseBrat({ txt: input.txt, ann: input.ann, file: `${input.id}.ann`, author: 'gold' });
  if (!parsed.ok) return fail(...parsed.errors);
  const doc = parsed.value.documents[0];
  if (!doc) return fail(`${input.id}: no document`);
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  const contents = new Map<string, GoldAttribution>();
  const eventsOf = new Map<string, string[]>();
  for (const r of doc.relations) {
    if (r.type !== 'Content') continue;
    eventsOf.set(r.to, [...(eventsOf.get(r.to) ?? []), r.from]);
  }
  for (const a of doc.annotations) {
    if (a.label !== 'Content') continue;
    const key = a.fragments.map((f) => `${f.start}-${f.end}`).join('+');
    const events = new Set(eventsOf.get(a.id) ?? []);
    const sources = doc.relations
      .filter((r) => r.type === 'Source' && events.has(r.from))
      .flatMap((r) => {
        const s = byId.get(r.to);
        return s ? [s.fragments] : [];
      });
    const existing = contents.get(key);
    if (existing) existing.sources.push(...sources);
    else contents.set(key, { content: a.fragments, sources, direct: isDirectSpan(input.txt, a.fragments) });
  }
  return ok({ id: input.id, text: input.txt, attributions: [...contents.values()] });
}
