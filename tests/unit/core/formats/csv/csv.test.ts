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
          const speakers = d.relations.filter((r) => r.from === a.id && r.type === 'speaker').map((r) => fragmentsText(d.article.text, d.annotations.find((x) => x.id === r.to)!.fragments));
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
        { id: 'x', label: 'claim', fragments: [{ start: 0, end: 15 }], quote: '', prefix: '', suffix: '', attributes: {}, note: '\tTAB', author: '@eve', created: 'c', modified: 'm' },
        { id: 'y', label: 'quote', fragments: [{ start: 26, end: 35 }], quote: '', prefix: '', suffix: '', attributes: {}, note: 'line\r\nbreak', author: '-dash', created: 'c', modified: 'm' },
      ],
      relations: [],
    };
    const content = serializeCsv([doc], schema()).files[0]!.content;
    const [first, second] = rowsOf(content);
    expect(first).toMatchObject({ article_title: "'=cmd|calc", text: '\'=HYPERLINK("x")', note: "'\tTAB", author: "'@eve" });
    expect(second).toMatchObject({ text: '"q", done', note: 'line\r\nbreak', author: "'-dash" });
    expect(content).toContain('"""q"", done"');
  });
});
