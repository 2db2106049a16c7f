import { fragmentsText, type Annotation } from '../../model/annotation';
import { annotationsOf, relationsOf, type ArticleDoc } from '../../model/document';
import type { LabelSchema } from '../../model/label-schema';
import { offsetIndex } from '../../text/offsets';
import { lossReport } from '../losses';
import { entityNames } from '../entity-links';
import type { ExportResult, SerializeOptions } from '../types';
import { csvCell, csvRows } from './rows';

export const CSV_COLUMNS = [
  'article_id',
  'article_title',
  'annotation_id',
  'label',
  'start',
  'end',
  'fragments',
  'text',
  'author',
  'note',
  'attributes',
  'speaker',
  'source',
  'participants',
  'links',
  'created',
  'modified',
  // The actor registry: the row's own entity (actor spans), and those of its linked speakers, sources, participants.
  'entity_id',
  'entity_name',
  'speaker_entity_id',
  'speaker_entity_name',
  'source_entity_id',
  'source_entity_name',
  'participant_entity_ids',
  'participant_entity_names',
  // The article's metadata, repeated on each of its rows (last, so columns read by position before stay where they were).
  'article_outlet',
  'article_url',
  'article_byline',
  'article_published',
  'article_language',
  'article_tags',
] as const;

/**
 * The relation types whose targets' texts get their own readable column. Every link, of these
 * types and any other, is in `links` as `type=annotation_id` (the target's row), so none is lost.
 */
const LINK_COLUMNS = { speaker: 'speaker', source: 'source', participants: 'participant' } as const;
const NONE: readonly string[] = [];

/**
 * A cell a spreadsheet would run as a formula gets an apostrophe in front. Done here rather than
 * with papaparse's escapeFormulae, whose pattern (`^[=+\-@\t\r].*$`) misses cells with a line break.
 */
export function neutraliseFormula(cell: string): string {
  // = + - @ tab CR, read from the first character code (no regular expression per cell).
  const c = cell.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d ? `'${cell}` : cell;
}

function attributesCell(a: Annotation): string {
  return Object.entries(a.attributes)
    .map(([k, v]) => (v === true ? k : v === false ? `${k}=no` : `${k}=${v}`))
    .join('; ');
}

/** A cell as written: formula-neutralised, then quoted when it needs to be. */
const cell = (value: string) => csvCell(neutraliseFormula(value));

/** An annotation's links: every one as `type=target_id`, and per type the targets' texts and actor entities. */
interface AnnotationLinks {
  all: string[];
  byType: Map<string, { texts: string[]; entities: string[] }>;
}

/** The links of each annotation (by id), in one pass over the relations; a link to or from an annotation not exported is left out. */
function linksByAnnotation(doc: ArticleDoc, annotations: readonly Annotation[], author: string | undefined): Map<string, AnnotationLinks> {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const out = new Map<string, AnnotationLinks>();
  for (const r of relationsOf(doc, author)) {
    const target = byId.get(r.to);
    if (!target || !byId.has(r.from)) continue;
    let links = out.get(r.from);
    if (!links) out.set(r.from, (links = { all: [], byType: new Map() }));
    links.all.push(`${r.type}=${r.to}`);
    let ofType = links.byType.get(r.type);
    if (!ofType) links.byType.set(r.type, (ofType = { texts: [], entities: [] }));
    ofType.texts.push(fragmentsText(doc.article.text, target.fragments));
    if (target.entity) ofType.entities.push(target.entity);
  }
  return out;
}

/**
 * One row per annotation, for spreadsheets. Offsets are code points like every other export;
 * `fragments` lists each piece of a discontinuous span, and `text` joins the pieces with " … ".
 * RFC 4180 quoting (rows.ts), CRLF line ends and a UTF-8 byte order mark so Excel reads the
 * file as UTF-8, and cells that a spreadsheet would run as a formula (= + - @ tab CR) prefixed
 * with an apostrophe.
 */
export function serializeCsv(docs: readonly ArticleDoc[], _schema: LabelSchema, options: SerializeOptions & { path?: string } = {}): ExportResult {
  // Each row becomes its line at once, and each article's lines one string: 100,000 rows of 32
  // cells are neither held as arrays nor as 100,000 strings that outlive the young generation.
  const chunks: string[] = [];
  const names = entityNames(options.registry);
  const entityName = (id: string) => names.get(id) ?? id;
  for (const doc of docs) {
    const text = doc.article.text;
    const index = offsetIndex(text);
    const annotations = annotationsOf(doc, options.author);
    if (annotations.length === 0) continue;
    const linksOf = linksByAnnotation(doc, annotations, options.author);
    const cp = (u: number) => String(index.toCodePoint(u));
    // The article's own cells, the same on each of its rows, quoted once.
    const { id, title, outlet, url, byline, published, language, tags } = doc.article;
    const articleCells = `${cell(id)},${cell(title)}`;
    const metaCells = [outlet ?? '', url ?? '', byline ?? '', published ?? '', language ?? '', (tags ?? []).join('; ')].map(cell).join(',');
    const lines = new Array<string>(annotations.length);
    for (const [i, a] of annotations.entries()) {
      const links = linksOf.get(a.id);
      const speaker = links?.byType.get(LINK_COLUMNS.speaker);
      const source = links?.byType.get(LINK_COLUMNS.source);
      const participants = links?.byType.get(LINK_COLUMNS.participants);
      const speakers = speaker?.entities ?? NONE;
      const sources = source?.entities ?? NONE;
      const participantEntities = participants?.entities ?? NONE;
      const row = [
        a.id,
        a.label,
        cp(a.fragments[0]!.start),
        cp(a.fragments[a.fragments.length - 1]!.end),
        a.fragments.map((f) => `${cp(f.start)}-${cp(f.end)}`).join(';'),
        fragmentsText(text, a.fragments),
        a.author,
        a.note,
        attributesCell(a),
        speaker?.texts.join('; ') ?? '',
        source?.texts.join('; ') ?? '',
        participants?.texts.join('; ') ?? '',
        links?.all.join('; ') ?? '',
        a.created,
        a.modified,
        a.entity ?? '',
        a.entity ? entityName(a.entity) : '',
        speakers.join('; '),
        speakers.map(entityName).join('; '),
        sources.join('; '),
        sources.map(entityName).join('; '),
        participantEntities.join('; '),
        participantEntities.map(entityName).join('; '),
      ];
      for (let c = 0; c < row.length; c++) row[c] = cell(row[c]!);
      lines[i] = `${articleCells},${row.join(',')},${metaCells}`;
    }
    chunks.push(lines.join('\r\n'));
  }
  const body = chunks.length === 0 ? csvRows(CSV_COLUMNS, []) : `${CSV_COLUMNS.map(csvCell).join(',')}\r\n${chunks.join('\r\n')}`;
  const kept =
    options.author === undefined
      ? docs
      : docs.map((d) => ({ article: d.article, annotations: annotationsOf(d, options.author), relations: relationsOf(d, options.author) }));
  return {
    files: [{ path: options.path ?? 'annotations.csv', content: `\uFEFF${body}\r\n` }],
    report: lossReport(kept, 'CSV', ['link notes', 'normalizations']),
  };
}
