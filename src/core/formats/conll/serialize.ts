import type { Annotation } from '../../model/annotation';
import { annotationsOf, relationsOf, type ArticleDoc } from '../../model/document';
import { lossReport } from '../losses';
import type { LabelSchema } from '../../model/label-schema';
import type { ExportResult, SerializeOptions } from '../types';

export interface Token {
  start: number;
  end: number;
  /** A line break or sentence end follows: the exporter writes a blank line after it. */
  breakAfter: boolean;
}

/**
 * A token: an emoji sequence (flags, ZWJ sequences, modifiers kept whole), a word (letters,
 * marks, digits; inner apostrophes and decimal points kept), or any other single character with
 * its combining marks. A regular expression rather than Intl.Segmenter: several times faster
 * on workspace-sized exports, with the same tokens for news text. It is the definition; most
 * tokens are found without it (asciiTokenEnd), and it reads the rest.
 */
export const TOKEN =
  /\p{RI}\p{RI}|\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F|\u20E3)*(?:\u200D\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F)*)*|[\p{L}\p{M}\p{N}_]+(?:['’.,][\p{L}\p{M}\p{N}_]+)*|\S\p{M}*/gu;

/** 0-9, A-Z, a-z and _: the ASCII part of TOKEN's word characters. */
function isAsciiWord(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** Whitespace TOKEN skips, among ASCII characters: tab, LF, VT, FF, CR, space. */
const isAsciiSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/**
 * The end of the token TOKEN matches at `start` (an ASCII character that is not whitespace),
 * read from the character codes, or -1 when a character past the ASCII range is involved: then
 * the regular expression decides. No ASCII character starts an emoji or regional-indicator
 * match, a word of ASCII word characters ends at the first ASCII character that is neither a
 * word character nor an inner ' . , followed by one, and a lone ASCII symbol takes the marks
 * after it (never ASCII).
 */
function asciiTokenEnd(text: string, start: number): number {
  const n = text.length;
  if (!isAsciiWord(text.charCodeAt(start))) {
    const next = start + 1 < n ? text.charCodeAt(start + 1) : 0;
    return next < 0x80 ? start + 1 : -1;
  }
  let i = start + 1;
  for (;;) {
    const c = i < n ? text.charCodeAt(i) : 0;
    if (isAsciiWord(c)) i++;
    else if (c >= 0x80) return -1;
    else if ((c === 0x27 || c === 0x2e || c === 0x2c) && i + 1 < n) {
      const after = text.charCodeAt(i + 1);
      if (isAsciiWord(after)) i += 2;
      else if (after >= 0x80) return -1;
      else return i;
    } else return i;
  }
}

/**
 * Where each token of the text starts and ends, as TOKEN over the whole text finds them
 * (start, end, start, end, …): found from the character codes when a token is all ASCII (most
 * of a news text), else by TOKEN from there, which skips whitespace the way exec over the whole
 * text does.
 */
export function tokenSpans(text: string): number[] {
  const spans: number[] = [];
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    if (isAsciiSpace(code)) {
      at++;
      continue;
    }
    let start = at;
    let end = code < 0x80 ? asciiTokenEnd(text, at) : -1;
    if (end < 0) {
      TOKEN.lastIndex = at;
      const m = TOKEN.exec(text);
      if (m === null) break;
      start = m.index;
      end = start + m[0].length;
    }
    spans.push(start, end);
    at = end;
  }
  return spans;
}

/**
 * Tokens for the text, split again at every annotation boundary so that tagged tokens spell
 * exactly the tagged text. Whitespace is not a token. A token is followed by a break when the
 * gap after it holds a line break, or it is sentence-final punctuation followed by space.
 */
export function tokenize(text: string, boundaries: ReadonlySet<number>): Token[] {
  const cuts = [...boundaries].sort((a, b) => a - b);
  let c = 0;
  const tokens: Token[] = [];
  let previousEnd = 0;
  const spans = tokenSpans(text);
  for (let k = 0; k < spans.length; k += 2) {
    let start = spans[k]!;
    const end = spans[k + 1]!;
    const last = tokens[tokens.length - 1];
    if (last && !last.breakAfter && breaksAfter(text, last, previousEnd, start)) last.breakAfter = true;
    while (c < cuts.length && cuts[c]! <= start) c++;
    for (; c < cuts.length && cuts[c]! < end; c++) {
      tokens.push({ start, end: cuts[c]!, breakAfter: false });
      start = cuts[c]!;
    }
    tokens.push({ start, end, breakAfter: false });
    previousEnd = end;
  }
  return tokens;
}

/**
 * Whether the gap text[from, to) after `last` breaks the line: it holds a line break, or it holds
 * whitespace after sentence-final punctuation. Read in place (no slice per token).
 */
function breaksAfter(text: string, last: Token, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return true;
  }
  if (last.end - last.start !== 1 || to === from) return false;
  const c = text.charCodeAt(last.start);
  return (c === 0x2e || c === 0x21 || c === 0x3f) && /\s/.test(text.slice(from, to));
}

/** Index of the first token starting at or after `offset` (tokens are in text order). */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The labels that get a column: the schema's, then any others used, in that order. */
export function columnLabels(schema: LabelSchema, annotations: readonly Annotation[]): string[] {
  const labels = schema.labels.map((l) => l.id);
  for (const a of annotations) if (!labels.includes(a.label)) labels.push(a.label);
  return labels;
}

/**
 * CoNLL BIO: one token per line, then one tag column per label (B-label, I-label or O), so
 * nested and overlapping spans of different labels are all kept. Two spans of the same label
 * covering one token cannot both be written in one column: reported. Each fragment of a
 * discontinuous span starts with B-. Articles start with a `# doc_id` comment line, and a
 * blank line ends each sentence or paragraph.
 */
export function serializeConll(docs: readonly ArticleDoc[], schema: LabelSchema, options: SerializeOptions & { path?: string } = {}): ExportResult {
  const all = docs.flatMap((d) => annotationsOf(d, options.author));
  const labels = columnLabels(schema, all);
  const column = new Map(labels.map((l, i) => [l, i]));
  const out: string[] = [`# columns = TOKEN ${labels.join(' ')}`];
  const report: string[] = [];
  // A token's tag cells are built from these: one string per column and tag, and one for a
  // token outside every span (most tokens), instead of a string per cell.
  const width = labels.length;
  const cells = labels.map((l) => ['\tO', `\tB-${l}`, `\tI-${l}`] as const);
  const outside = '\tO'.repeat(width);
  for (const doc of docs) {
    const text = doc.article.text;
    const annotations = annotationsOf(doc, options.author);
    const boundaries = new Set(annotations.flatMap((a) => a.fragments.flatMap((f) => [f.start, f.end])));
    const tokens = tokenize(text, boundaries);
    // One flat row of columns per token (token i, column c at i * width + c): the tag (O, B, I:
    // 0, 1, 2) and the annotation holding it (its index + 1), in two typed arrays per document.
    const tags = new Uint8Array(tokens.length * width);
    const owner = new Uint32Array(tokens.length * width);
    const tagged = new Uint8Array(tokens.length);
    for (const [n, a] of annotations.entries()) {
      const c = column.get(a.label)!;
      for (const f of a.fragments) {
        // Tokens never straddle a fragment boundary, so the fragment's tokens are a contiguous run.
        for (let i = firstTokenFrom(tokens, f.start), first = true; i < tokens.length && tokens[i]!.end <= f.end; i++, first = false) {
          const at = i * width + c;
          if (owner[at] && annotations[owner[at] - 1]!.id !== a.id) {
            report.push(
              `${doc.article.id}: ${a.id} overlaps another ${a.label} span at token "${text.slice(tokens[i]!.start, tokens[i]!.end)}"; one ${a.label} column cannot hold both`,
            );
            break;
          }
          owner[at] = n + 1;
          tags[at] = first ? 1 : 2;
          tagged[i] = 1;
        }
      }
    }
    // The article's lines are joined at once: held to the end, 500,000 line strings would outlive
    // the young generation (the collector's copying and marking was most of the export's time).
    const lines = ['', `# doc_id = ${doc.article.id}`];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      let line = text.slice(t.start, t.end).replace(/\s/g, '_');
      if (tagged[i]) for (let c = 0; c < width; c++) line += cells[c]![tags[i * width + c]!];
      else line += outside;
      lines.push(line);
      if (t.breakAfter && i < tokens.length - 1) lines.push('');
    }
    out.push(lines.join('\n'));
  }
  const kept =
    options.author === undefined
      ? docs
      : docs.map((d) => ({ article: d.article, annotations: annotationsOf(d, options.author), relations: relationsOf(d, options.author) }));
  const lost = lossReport(kept, 'CoNLL', ['links', 'notes', 'attributes', 'discontinuity', 'normalizations']);
  return { files: [{ path: options.path ?? 'annotations.conll', content: `${out.join('\n')}\n` }], report: [...lost, ...new Set(report)] };
}
