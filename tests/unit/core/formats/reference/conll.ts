/**
 * The CoNLL serializer as it was before its tag cells and lines were built per article from
 * typed arrays (issue 12). The oracle for formats/fast-path.test.ts; its tokens are the
 * serializer's own (conll/tokenize.test.ts proves them those of the regular expression).
 */
import { annotationsOf, relationsOf, type ArticleDoc } from '../../../../../src/core/model/document';
import { lossReport } from '../../../../../src/core/formats/losses';
import type { LabelSchema } from '../../../../../src/core/model/label-schema';
import type { ExportResult, SerializeOptions } from '../../../../../src/core/formats/types';
import { columnLabels, firstTokenFrom, tokenize } from '../../../../../src/core/formats/conll/serialize';

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
    // One flat row of columns per token (token i, column c at i * width + c): two arrays per
    // document rather than two per token.
    const width = labels.length;
    const tags = new Array<string>(tokens.length * width).fill('O');
    const owner = new Array<string>(tokens.length * width).fill('');
    for (const a of annotations) {
      const c = column.get(a.label)!;
      for (const f of a.fragments) {
        // Tokens never straddle a fragment boundary, so the fragment's tokens are a contiguous run.
        for (let i = firstTokenFrom(tokens, f.start), first = true; i < tokens.length && tokens[i]!.end <= f.end; i++, first = false) {
          const at = i * width + c;
          if (owner[at] && owner[at] !== a.id) {
            report.push(
              `${doc.article.id}: ${a.id} overlaps another ${a.label} span at token "${text.slice(tokens[i]!.start, tokens[i]!.end)}"; one ${a.label} column cannot hold both`,
            );
            break;
          }
          owner[at] = a.id;
          tags[at] = `${first ? 'B' : 'I'}-${a.label}`;
        }
      }
    }
    out.push('', `# doc_id = ${doc.article.id}`);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      let line = text.slice(t.start, t.end).replace(/\s/g, '_');
      for (let c = 0; c < width; c++) line += `\t${tags[i * width + c]!}`;
      out.push(line);
      if (t.breakAfter && i < tokens.length - 1) out.push('');
    }
  }
  const kept =
    options.author === undefined
      ? docs
      : docs.map((d) => ({ article: d.article, annotations: annotationsOf(d, options.author), relations: relationsOf(d, options.author) }));
  const lost = lossReport(kept, 'CoNLL', ['links', 'notes', 'attributes', 'discontinuity', 'normalizations']);
  return { files: [{ path: options.path ?? 'annotations.conll', content: `${out.join('\n')}\n` }], report: [...lost, ...new Set(report)] };
}
