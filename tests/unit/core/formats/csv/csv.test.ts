import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { CSV_COLUMNS, serializeCsv } from '../../../../../src/core/formats/csv';
import { fragmentsText } from '../../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { docsArb, schema } from '../arbitraries';

/** Reads the file back as a spreadsheet would: strip the BOM, parse RFC 4180 with papaparse. */
function rowsOf(content: string): Record<string, string>[] {
  expect(content.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(content.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
  return parsed.data;
}

/** What the exporter must write for a value: the value, with an apostrophe before a formula start. */
const escaped = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

describe('CSV', () => {
  it('writes one row per annotation with exact text, code point offsets and linked actors', () => {
    fc.assert(
      fc.property(docsArb, (docs) => {
        const content = serializeCsv(docs, schema()).files[0]!.content;
        // Every record ends with CRLF; a bare LF only appears inside a quoted cell.
        expect(content.endsWith('\r\n')).toBe(true);
        const rows = rowsOf(content);
        const all = docs.flatMap((d) => d.annotations.map((a) => ({ d, a })));
        expect(rows).toHaveLength(all.length);
        for (const [i, { d, a }] of all.entries()) {
          const row = rows[i]!;
          expect(row.article_id).toBe(d.article.id);
          expect(row.text).toBe(escaped(fragmentsText(d.article.text, a.fragments)));
          expect(row.note).toBe(escaped(a.note));
          const chars = Array.from(d.article.text);
          const pieces = row.fragments!.split(';').map((p) => p.split('-').map(Number));
          expect(pieces.map(([s, e]) => chars.slice(s, e).join(''))).toEqual(a.fragments.map((f) => d.article.text.slice(f.start, f.end)));
          expect(Number(row.start)).toBe(pieces[0]![0]);
          const speakers = d.relations
            .filter((r) => r.from === a.id && r.type === 'speaker')
            .map((r) => fragmentsText(d.article.text, d.annotations.find((x) => x.id === r.to)!.fragments));
          expect(row.speaker).toBe(escaped(speakers.join('; ')));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('neutralises cells a spreadsheet would run as formulas, and quotes per RFC 4180', () => {
    const text = '=HYPERLINK("x") +1 -2 @me "q", done';
    const doc: ArticleDoc = {
      article: { id: 'a_1', title: '=cmd|calc', source: 's', importedAt: 'i', hash: '0'.repeat(64), text },
      annotations: [
        {
          id: 'x',
          label: 'claim',
          fragments: [{ start: 0, end: 15 }],
          quote: '',
          prefix: '',
          suffix: '',
          attributes: {},
          note: '\tTAB',
          author: '@eve',
          created: 'c',
          modified: 'm',
        },
        {
          id: 'y',
          label: 'quote',
          fragments: [{ start: 26, end: 35 }],
          quote: '',
          prefix: '',
          suffix: '',
          attributes: {},
          note: 'line\r\nbreak',
          author: '-dash',
          created: 'c',
          modified: 'm',
        },
      ],
      relations: [],
    };
    const content = serializeCsv([doc], schema()).files[0]!.content;
    const [first, second] = rowsOf(content);
    expect(first).toMatchObject({ article_title: "'=cmd|calc", text: '\'=HYPERLINK("x")', note: "'\tTAB", author: "'@eve" });
    expect(second).toMatchObject({ text: '"q", done', note: 'line\r\nbreak', author: "'-dash" });
    expect(content).toContain('"""q"", done"');
  });

  it('carries every link, of any type, in the links column; says what it cannot carry (issue 10)', () => {
    const text = 'The minister cited a report by the audit office.';
    const a = (id: string, label: string, start: number, end: number) => ({
      id,
      label,
      fragments: [{ start, end }],
      quote: '',
      prefix: '',
      suffix: '',
      attributes: {},
      note: '',
      author: 'x',
      created: '',
      modified: '',
    });
    const doc: ArticleDoc = {
      article: { id: 'a_1', title: 'T', source: '', importedAt: '', hash: '0'.repeat(64), text },
      annotations: [a('m', 'actor', 4, 12), a('r', 'claim', 21, 27), a('o', 'actor', 35, 47)],
      // brat corpora bring their own types (Cites, Org-of); the three built-in ones are not all there is.
      relations: [
        { id: 'r1', type: 'Cites', from: 'm', to: 'r', author: 'x', created: '', modified: '', note: 'read aloud' },
        { id: 'r2', type: 'Org-of', from: 'r', to: 'o', author: 'x', created: '', modified: '' },
        { id: 'r3', type: 'source', from: 'r', to: 'o', author: 'x', created: '', modified: '' },
      ],
    };
    const out = serializeCsv([doc], schema());
    const rows = rowsOf(out.files[0]!.content);
    expect(rows.map((r) => [r.annotation_id, r.links])).toEqual([
      ['m', 'Cites=r'],
      ['r', 'Org-of=o; source=o'],
      ['o', ''],
    ]);
    expect(rows[1]!.source).toBe('audit office');
    expect(out.report).toEqual(['1 note on links: CSV has no place for them; not exported']);
  });
});
