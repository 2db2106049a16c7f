import type { Annotation } from '../../model/annotation';
import { annotationsOf, type ArticleDoc } from '../../model/document';
import type { LabelSchema } from '../../model/label-schema';
import type { ExportResult, SerializeOptions } from '../types';

export interface Token {
  start: number;
  end: number;
  /** A line break or sentence end follows: the exporter writes a blank line after it. */
  breakAfter: boolean;
}

const WORDS = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Tokens for the text: Unicode word segmentation (Intl.Segmenter keeps emoji sequences and
 * flags whole), split again at every annotation boundary so that tagged tokens spell exactly
 * the tagged text. Whitespace is not a token. A token is followed by a break when the gap
 * after it holds a line break, or it is sentence-final punctuation followed by space.
 */
export function tokenize(text: string, boundaries: ReadonlySet<number>): Token[] {
  const tokens: Token[] = [];
  for (const seg of WORDS.segment(text)) {
    if (!/\S/.test(seg.segment)) {
      if (/[\r\n]/.test(seg.segment) && tokens.length) tokens[tokens.length - 1]!.breakAfter = true;
      continue;
    }
    const end = seg.index + seg.segment.length;
    let start = seg.index;
    for (let i = seg.index + 1; i < end; i++) {
      if (boundaries.has(i)) {
        tokens.push({ start, end: i, breakAfter: false });
        start = i;
      }
    }
    tokens.push({ start, end, breakAfter: false });
  }
  for (const [i, t] of tokens.entries()) {
    const next = tokens[i + 1];
    if (/^[.!?]$/.test(text.slice(t.start, t.end)) && next && /\s/.test(text.slice(t.end, next.start))) t.breakAfter = true;
  }
  return tokens;
}

/** The labels that get a column: the schema's, then any others used, in that order. */
function columnLabels(schema: LabelSchema, annotations: readonly Annotation[]): string[] {
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
  for (const doc of docs) {
    const text = doc.article.text;
    const annotations = annotationsOf(doc, options.author);
    const boundaries = new Set(annotations.flatMap((a) => a.fragments.flatMap((f) => [f.start, f.end])));
    const tokens = tokenize(text, boundaries);
    const tags = tokens.map(() => labels.map(() => 'O'));
    const owner = tokens.map(() => labels.map(() => ''));
    const startsAt = new Map(tokens.map((t, i) => [t.start, i]));
    for (const a of annotations) {
      const c = column.get(a.label)!;
      for (const f of a.fragments) {
        let i = startsAt.get(f.start);
        // A fragment of whitespace only has no token.
        if (i === undefined) i = tokens.findIndex((t) => t.start >= f.start && t.end <= f.end);
        for (let first = true; i >= 0 && i < tokens.length && tokens[i]!.end <= f.end; i++, first = false) {
          if (owner[i]![c] && owner[i]![c] !== a.id) {
            report.push(`${doc.article.id}: ${a.id} overlaps another ${a.label} span at token "${text.slice(tokens[i]!.start, tokens[i]!.end)}"; one ${a.label} column cannot hold both`);
            break;
          }
          owner[i]![c] = a.id;
          tags[i]![c] = `${first ? 'B' : 'I'}-${a.label}`;
        }
      }
    }
    out.push('', `# doc_id = ${doc.article.id}`);
    for (const [i, t] of tokens.entries()) {
      out.push([text.slice(t.start, t.end).replace(/\s/g, '_'), ...tags[i]!].join('\t'));
      if (t.breakAfter && i < tokens.length - 1) out.push('');
    }
  }
  return { files: [{ path: options.path ?? 'annotations.conll', content: `${out.join('\n')}\n` }], report: [...new Set(report)] };
}
