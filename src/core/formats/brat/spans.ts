import { normalizeFragments, type Fragment } from '../../model/annotation';
import type { OffsetIndex } from '../../text/offsets';

/** The text brat writes in a T line's third column: the fragments' texts joined by a space. */
export function bratSpanText(text: string, fragments: readonly Fragment[]): string {
  return fragments.map((f) => text.slice(f.start, f.end)).join(' ');
}

/**
 * Whether a T line's text column matches the span. The column cannot hold a line break, so a
 * break in the text is matched by a space there (the way brat writes such spans).
 */
export function spanTextMatches(column: string, expected: string): boolean {
  if (column === expected) return true;
  return column.length === expected.length && column === expected.replace(/[\r\n]/g, ' ');
}

export interface SpanCheck {
  fragments: Fragment[];
  /** Problems that make the line invalid, each naming the field concerned. */
  problems: { field: string; message: string }[];
  /** What changed on the way in (reordered or merged fragments), for the import report. */
  notes: string[];
}

/**
 * Converts a T line's code point spans to Lede's UTF-16 fragments, checking each against the
 * text: in range, not empty or reversed, and the text column equal to the covered text.
 */
export function checkSpans(spans: readonly [number, number][], column: string, text: string, index: OffsetIndex): SpanCheck {
  const problems: SpanCheck['problems'] = [];
  const notes: string[] = [];
  const raw: Fragment[] = [];
  for (const [i, [start, end]] of spans.entries()) {
    const which = spans.length > 1 ? `fragment ${i + 1} ` : '';
    if (start > end) {
      problems.push({ field: 'offsets', message: `${which}is reversed (${start} > ${end})` });
      continue;
    }
    if (start === end) {
      problems.push({ field: 'offsets', message: `${which}is empty (${start}–${end})` });
      continue;
    }
    if (end > index.codePointLength) {
      problems.push({ field: 'offsets', message: `${which}ends at ${end}, past the end of the text (${index.codePointLength} characters)` });
      continue;
    }
    raw.push({ start: index.toUtf16(start)!, end: index.toUtf16(end)! });
  }
  if (problems.length > 0) return { fragments: [], problems, notes };
  // The text column follows the order the fragments are written in.
  const expected = bratSpanText(text, raw);
  if (!spanTextMatches(column, expected)) {
    problems.push({ field: 'text', message: `text "${clip(column)}" does not match the span, which reads "${clip(expected)}"` });
  }
  const sorted = raw.every((f, i) => i === 0 || raw[i - 1]!.start <= f.start);
  // Touching fragments stay apart: brat writes them so.
  const fragments = normalizeFragments(raw, { keepTouching: true });
  if (fragments.length !== raw.length) notes.push('overlapping fragments were merged');
  else if (!sorted) notes.push('fragments were put in text order');
  return { fragments, problems, notes };
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
