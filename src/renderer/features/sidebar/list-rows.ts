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

/**
 * The rows without making them: groups and their members, with a row object built only when
 * asked for (the virtual list asks for the rows in view). An edit in a 20,000-annotation article
 * then costs one pass grouping the annotations by label, not 20,000 row objects.
 */
export interface RowList {
  readonly length: number;
  at(index: number): Row;
  /** A stable key for the row: the group's label or the annotation's id. */
  key(index: number): string;
  isGroup(index: number): boolean;
  /** How many link lines the row has (0 for a group header): all its height depends on. */
  linkCount(index: number): number;
  /** The index of the annotation's row, or -1. */
  indexOf(annotationId: string): number;
  /**
   * Every row's height in one array (built once per list): a group header `group`, an annotation
   * row `row(its link count)`. The virtual list reads every row's height on each tag.
   */
  heights(group: number, row: (links: number) => number): Float64Array;
}

interface Group {
  first: number;
  row: Extract<Row, { kind: 'group' }>;
  members: Annotation[];
}

export function rowList(doc: ArticleDoc, visible: readonly Annotation[], schema: LabelSchema): RowList {
  const byLabel = new Map<string, Annotation[]>();
  for (const a of visible) {
    const list = byLabel.get(a.label);
    if (list) list.push(a);
    else byLabel.set(a.label, [a]);
  }
  const { linksFrom, linked } = linkLines(doc, schema);
  const order = [...schema.labels.map((l) => l.id), ...[...byLabel.keys()].filter((id) => !findLabel(schema, id))];
  const groups: Group[] = [];
  let length = 0;
  for (const labelId of order) {
    const members = byLabel.get(labelId);
    if (!members?.length) continue;
    const label = findLabel(schema, labelId);
    groups.push({
      first: length,
      members,
      row: { kind: 'group', labelId, name: label?.name ?? labelId, color: label?.color ?? '#888888', count: members.length },
    });
    length += members.length + 1;
  }
  /** The group holding row `index` (a binary search: there are as many groups as labels). */
  const groupAt = (index: number): Group | undefined => {
    let lo = 0;
    let hi = groups.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (groups[mid]!.first <= index) lo = mid;
      else hi = mid - 1;
    }
    const g = groups[lo];
    return g && index >= g.first && index <= g.first + g.members.length ? g : undefined;
  };
  // The virtual list asks every row's key and height whenever the row count changes (each tag):
  // one flat array of the rows' annotations (a group's header: undefined), built on the first
  // ask, answers each in O(1) instead of a search over the groups per row.
  let flat: (Annotation | undefined)[] | null = null;
  const members = (): (Annotation | undefined)[] => {
    if (flat) return flat;
    flat = new Array<Annotation | undefined>(length);
    for (const g of groups) for (let i = 0; i < g.members.length; i++) flat[g.first + 1 + i] = g.members[i];
    return flat;
  };
  const memberAt = (index: number): Annotation | undefined => (index >= 0 && index < length ? members()[index] : undefined);
  let keys: string[] | null = null;
  const keyList = (): string[] => {
    if (keys) return keys;
    keys = new Array<string>(length);
    for (const g of groups) {
      keys[g.first] = `g-${g.row.labelId}`;
      for (let i = 0; i < g.members.length; i++) keys[g.first + 1 + i] = g.members[i]!.id;
    }
    return keys;
  };
  let sized: { group: number; row: (links: number) => number; heights: Float64Array } | null = null;
  return {
    length,
    at(index) {
      const g = groupAt(index);
      if (!g) throw new RangeError(`no row ${index} of ${length}`);
      if (index === g.first) return g.row;
      const a = g.members[index - g.first - 1]!;
      return annotationRow(doc.article.text, a, linksFrom.get(a.id) ?? NO_LINKS);
    },
    key(index) {
      return keyList()[index] ?? `g-${index}`;
    },
    isGroup(index) {
      return index >= 0 && index < length && memberAt(index) === undefined;
    },
    linkCount(index) {
      if (linksFrom.size === 0) return 0;
      const a = memberAt(index);
      return a ? (linksFrom.get(a.id)?.length ?? 0) : 0;
    },
    indexOf(annotationId) {
      for (const g of groups) {
        const i = g.members.findIndex((a) => a.id === annotationId);
        if (i >= 0) return g.first + 1 + i;
      }
      return -1;
    },
    heights(group, row) {
      if (sized?.group === group && sized.row === row) return sized.heights;
      const heights = new Float64Array(length);
      const plain = row(0);
      for (const g of groups) {
        heights[g.first] = group;
        heights.fill(plain, g.first + 1, g.first + 1 + g.members.length);
        // Only the few annotations at a link's end differ: found by object, not by id per row.
        if (linked.size) g.members.forEach((a, i) => linked.has(a) && (heights[g.first + 1 + i] = row(linksFrom.get(a.id)?.length ?? 0)));
      }
      sized = { group, row, heights };
      return heights;
    },
  };
}

/** Every row, made (for tests and small lists; the sidebar uses rowList). */
export function buildRows(doc: ArticleDoc, visible: readonly Annotation[], schema: LabelSchema): Row[] {
  const list = rowList(doc, visible, schema);
  return Array.from({ length: list.length }, (_, i) => list.at(i));
}

/** Each annotation's link lines ("speaker → …", "speaker of ← …"), by id. */
function linkLines(doc: ArticleDoc, schema: LabelSchema): { linksFrom: Map<string, string[]>; linked: Set<Annotation> } {
  // Only the annotations at a relation's end are looked up: no map of every annotation per edit.
  const ends = new Set<string>();
  for (const r of doc.relations) ends.add(r.from).add(r.to);
  const byId = new Map<string, Annotation>();
  if (ends.size) for (const a of doc.annotations) if (ends.has(a.id)) byId.set(a.id, a);
  const linksFrom = new Map<string, string[]>();
  /** The annotations with a link line (the objects: a row asks by object, which is quicker than by id). */
  const linked = new Set<Annotation>();
  for (const r of doc.relations) {
    const name = findRelationType(schema, r.type)?.name ?? r.type;
    const to = byId.get(r.to);
    const from = byId.get(r.from);
    if (to) push(linksFrom, r.from, `${name} → ${short(fragmentsText(doc.article.text, to.fragments), 40)}`);
    if (from) push(linksFrom, r.to, `${name} of ← ${short(fragmentsText(doc.article.text, from.fragments), 40)}`);
    // A line is shown on a row only when the annotation at the other end exists (both ends here).
    if (to && from) linked.add(to).add(from);
  }
  return { linksFrom, linked };
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
