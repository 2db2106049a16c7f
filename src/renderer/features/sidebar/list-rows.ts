import { fragmentsText, type Annotation } from '../../../core/model/annotation';
import type { ArticleDoc } from '../../../core/model/document';
import { findLabel, findRelationType, type LabelSchema } from '../../../core/model/label-schema';

/**
 * The sidebar's rows: one header per label (in schema order, then unknown labels), then that
 * label's annotations in reading order, each with what the row shows. Flat, so a virtual list
 * can render only the rows in view.
 */
export type Row =
  | { kind: 'group'; labelId: string; name: string; color: string; count: number }
  | { kind: 'annotation'; annotation: Annotation; snippet: string; links: string[] };

const SNIPPET = 140;

export function buildRows(doc: ArticleDoc, visible: readonly Annotation[], schema: LabelSchema): Row[] {
  const byLabel = new Map<string, Annotation[]>();
  for (const a of visible) {
    const list = byLabel.get(a.label);
    if (list) list.push(a);
    else byLabel.set(a.label, [a]);
  }
  // Only the annotations at a relation's end are looked up: no map of every annotation per edit.
  const ends = new Set<string>();
  for (const r of doc.relations) ends.add(r.from).add(r.to);
  const byId = new Map<string, Annotation>();
  if (ends.size) for (const a of doc.annotations) if (ends.has(a.id)) byId.set(a.id, a);
  const linksFrom = new Map<string, string[]>();
  for (const r of doc.relations) {
    const name = findRelationType(schema, r.type)?.name ?? r.type;
    const to = byId.get(r.to);
    const from = byId.get(r.from);
    if (to) push(linksFrom, r.from, `${name} → ${short(fragmentsText(doc.article.text, to.fragments), 40)}`);
    if (from) push(linksFrom, r.to, `${name} of ← ${short(fragmentsText(doc.article.text, from.fragments), 40)}`);
  }
  const order = [...schema.labels.map((l) => l.id), ...[...byLabel.keys()].filter((id) => !findLabel(schema, id))];
  const rows: Row[] = [];
  for (const labelId of order) {
    const list = byLabel.get(labelId);
    if (!list?.length) continue;
    const label = findLabel(schema, labelId);
    rows.push({ kind: 'group', labelId, name: label?.name ?? labelId, color: label?.color ?? '#888888', count: list.length });
    for (const a of list) {
      rows.push(annotationRow(doc.article.text, a, linksFrom.get(a.id) ?? NO_LINKS));
    }
  }
  return rows;
}

const NO_LINKS: string[] = [];

/**
 * Rows by annotation object: annotations are immutable, so an edit builds only its own row (and
 * those whose links changed); every other row is the same object as before.
 */
const annotationRows = new WeakMap<Annotation, Extract<Row, { kind: 'annotation' }>>();

function annotationRow(text: string, a: Annotation, links: string[]): Row {
  const cached = annotationRows.get(a);
  if (cached && sameLinks(cached.links, links)) return cached;
  const row = { kind: 'annotation' as const, annotation: a, snippet: cached?.snippet ?? short(fragmentsText(text, a.fragments), SNIPPET), links };
  annotationRows.set(a, row);
  return row;
}

function sameLinks(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function short(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
