/**
 * The CSV serializer as it was before its links were gathered per annotation and its
 * per-article cells quoted once (issue 12). The oracle for formats/fast-path.test.ts.
 */
import { fragmentsText, type Annotation } from '../../../../../src/core/model/annotation';
import { annotationsOf, relationsOf, type ArticleDoc } from '../../../../../src/core/model/document';
import type { LabelSchema } from '../../../../../src/core/model/label-schema';
import { offsetIndex } from '../../../../../src/core/text/offsets';
import { lossReport } from '../../../../../src/core/formats/losses';
import { entityNames } from '../../../../../src/core/formats/entity-links';
import type { ExportResult, SerializeOptions } from '../../../../../src/core/formats/types';
import { csvCell, csvRows } from '../../../../../src/core/formats/csv/rows';
import { CSV_COLUMNS, neutraliseFormula } from '../../../../../src/core/formats/csv/serialize';

/**
 * The relation types whose targets' texts get their own readable column. Every link, of these
 * types and any other, is in `links` as `type=annotation_id` (the target's row), so none is lost.
 */
const LINK_COLUMNS = { speaker: 'speaker', source: 'source', participants: 'participant' } as const;
const NONE: readonly string[] = [];

function attributesCell(a: Annotation): string {
  return Object.entries(a.attributes)
    .map(([k, v]) => (v === true ? k : v === false ? `${k}=no` : `${k}=${v}`))
    .join('; ');
}

/**
 * One row per annotation, for spreadsheets. Offsets are code points like every other export;
 * `fragments` lists each piece of a discontinuous span, and `text` joins the pieces with " … ".
 * RFC 4180 quoting (rows.ts), CRLF line ends and a UTF-8 byte order mark so Excel reads the
 * file as UTF-8, and cells that a spreadsheet would run as a formula (= + - @ tab CR) prefixed
 * with an apostrophe.
 */
export function serializeCsv(docs: readonly ArticleDoc[], _schema: LabelSchema, options: SerializeOptions & { path?: string } = {}): ExportResult {
  // Each row becomes its line at once: 100,000 rows of 32 cells are not all held as arrays first.
  const lines: string[] = [];
  const names = entityNames(options.registry);
  for (const doc of docs) {
    const text = doc.article.text;
    const index = offsetIndex(text);
    const annotations = annotationsOf(doc, options.author);
    const byId = new Map(annotations.map((a) => [a.id, a]));
    // Linked texts per annotation and relation type, gathered in one pass over the relations.
    const linked = new Map<string, string[]>();
    const linkedEntities = new Map<string, string[]>();
    const links = new Map<string, string[]>();
    for (const r of relationsOf(doc, options.author)) {
      const target = byId.get(r.to);
      if (!target || !byId.has(r.from)) continue;
      links.set(r.from, [...(links.get(r.from) ?? []), `${r.type}=${r.to}`]);
      const key = `${r.from}\u0000${r.type}`;
      const list = linked.get(key) ?? [];
      list.push(fragmentsText(text, target.fragments));
      linked.set(key, list);
      if (target.entity) linkedEntities.set(key, [...(linkedEntities.get(key) ?? []), target.entity]);
    }
    const linkedCell = (a: Annotation, type: string) => linked.get(`${a.id}\u0000${type}`)?.join('; ') ?? '';
    const entityIds = (a: Annotation, type: string): readonly string[] => linkedEntities.get(`${a.id}\u0000${type}`) ?? NONE;
    const entityName = (id: string) => names.get(id) ?? id;
    const cp = (u: number) => String(index.toCodePoint(u));
    const { outlet, url, byline, published, language, tags } = doc.article;
    const meta = [outlet ?? '', url ?? '', byline ?? '', published ?? '', language ?? '', (tags ?? []).join('; ')];
    for (const a of annotations) {
      const speakers = entityIds(a, LINK_COLUMNS.speaker);
      const sources = entityIds(a, LINK_COLUMNS.source);
      const participants = entityIds(a, LINK_COLUMNS.participants);
      const row = [
        doc.article.id,
        doc.article.title,
        a.id,
        a.label,
        cp(a.fragments[0]!.start),
        cp(a.fragments[a.fragments.length - 1]!.end),
        a.fragments.map((f) => `${cp(f.start)}-${cp(f.end)}`).join(';'),
        fragmentsText(text, a.fragments),
        a.author,
        a.note,
        attributesCell(a),
        linkedCell(a, LINK_COLUMNS.speaker),
        linkedCell(a, LINK_COLUMNS.source),
        linkedCell(a, LINK_COLUMNS.participants),
        links.get(a.id)?.join('; ') ?? '',
        a.created,
        a.modified,
        a.entity ?? '',
        a.entity ? entityName(a.entity) : '',
        speakers.join('; '),
        speakers.map(entityName).join('; '),
        sources.join('; '),
        sources.map(entityName).join('; '),
        participants.join('; '),
        participants.map(entityName).join('; '),
        ...meta,
      ];
      for (let i = 0; i < row.length; i++) row[i] = csvCell(neutraliseFormula(row[i]!));
      lines.push(row.join(','));
    }
  }
  const body = lines.length === 0 ? csvRows(CSV_COLUMNS, []) : `${CSV_COLUMNS.map(csvCell).join(',')}\r\n${lines.join('\r\n')}`;
  const kept =
    options.author === undefined
      ? docs
      : docs.map((d) => ({ article: d.article, annotations: annotationsOf(d, options.author), relations: relationsOf(d, options.author) }));
  return {
    files: [{ path: options.path ?? 'annotations.csv', content: `\uFEFF${body}\r\n` }],
    report: lossReport(kept, 'CSV', ['link notes', 'normalizations']),
  };
}
