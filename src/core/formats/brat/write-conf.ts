import type { Annotation } from '../../model/annotation';
import { annotationsOf, relationsOf, type ArticleDoc } from '../../model/document';
import { findLabel, type LabelSchema } from '../../model/label-schema';
import type { SerializeOptions } from '../types';

/** Event type -> role -> labels of the arguments seen, gathered while writing the .ann files. */
export type ConfUsage = Map<string, Map<string, Set<string>>>;

const name = (s: string) => s.replace(/[\s:]+/g, '_') || '_';
const types = (labels: Iterable<string>) => {
  const list = [...new Set([...labels].map(name))].sort();
  return list.length ? list.join('|') : '<ANY>';
};

/**
 * annotation.conf for an export: every label of the schema and every label used, split into
 * entities and events (with the roles and argument types actually used), relation types
 * (equivalences marked symmetric-transitive) and attributes with the labels they apply to and
 * their values. brat refuses to show annotations whose types its configuration lacks.
 */
export function writeConf(docs: readonly ArticleDoc[], schema: LabelSchema, options: SerializeOptions, usage: ConfUsage): string {
  const kinds = new Map<string, 'span' | 'event'>();
  const attributes = new Map<string, { labels: Set<string>; values: Set<string> }>();
  const usedInRelations = new Set<string>();
  const relationEnds = new Map<string, { from: Set<string>; to: Set<string> }>();
  const attribute = (id: string) => {
    const entry = attributes.get(id) ?? { labels: new Set<string>(), values: new Set<string>() };
    attributes.set(id, entry);
    return entry;
  };
  for (const label of schema.labels) {
    kinds.set(label.id, label.kind);
    for (const a of label.attributes) {
      const entry = attribute(a.id);
      entry.labels.add(label.id);
      if (a.type === 'choice') for (const v of a.values ?? []) entry.values.add(v);
    }
  }
  for (const r of schema.relationTypes) relationEnds.set(r.id, { from: new Set(r.from), to: new Set(r.to) });
  for (const doc of docs) {
    const annotations = annotationsOf(doc, options.author);
    const labelOf = new Map(annotations.map((a) => [a.id, a.label]));
    for (const a of annotations) {
      if (!kinds.has(a.label)) kinds.set(a.label, 'span');
      for (const [id, value] of Object.entries(a.attributes)) {
        const entry = attribute(id);
        entry.labels.add(a.label);
        if (typeof value === 'string' && value !== '') entry.values.add(value.replace(/\s+/g, '_'));
      }
    }
    for (const r of relationsOf(doc, options.author)) {
      const from = labelOf.get(r.from);
      const to = labelOf.get(r.to);
      if (from === undefined || to === undefined || findLabel(schema, from)?.kind === 'event') continue;
      usedInRelations.add(r.type);
      const ends = relationEnds.get(r.type) ?? { from: new Set<string>(), to: new Set<string>() };
      relationEnds.set(r.type, ends);
      // brat refuses links its configuration does not allow, so every pair used is listed.
      ends.from.add(from);
      ends.to.add(to);
    }
  }

  const out: string[] = ['# Written by Lede. Types are label ids; their names and colours are in visual.conf.', '', '[entities]', ''];
  for (const [id, kind] of kinds) if (kind === 'span') out.push(name(id));
  out.push('', '[relations]', '');
  const eventRoles = new Set([...usage.values()].flatMap((roles) => [...roles.keys()]));
  for (const [id, ends] of relationEnds) {
    // Types seen only as event roles belong to [events], not [relations].
    if (eventRoles.has(name(id)) && !usedInRelations.has(id)) continue;
    const equivalence = schema.relationTypes.find((t) => t.id === id)?.equivalence;
    out.push(
      equivalence ? `${name(id)}\tArg1:<ANY>, Arg2:<ANY>, <REL-TYPE>:symmetric-transitive` : `${name(id)}\tArg1:${types(ends.from)}, Arg2:${types(ends.to)}`,
    );
  }
  out.push('', '[events]', '');
  for (const [id, kind] of kinds) {
    if (kind !== 'event') continue;
    const roles = usage.get(name(id));
    const args = roles ? [...roles].map(([role, targets]) => `${role}*:${types(targets)}`) : [];
    out.push(args.length ? `${name(id)}\t${args.join(', ')}` : name(id));
  }
  // Crossing or coinciding spans are refused by brat unless its configuration allows them.
  if (docs.some((d) => spansOverlap(annotationsOf(d, options.author)))) out.push('', '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>');
  out.push('', '[attributes]', '');
  for (const [id, { labels, values }] of attributes) {
    const arg = `Arg:${types(labels)}`;
    out.push(values.size ? `${name(id)}\t${arg}, Value:${[...values].join('|')}` : `${name(id)}\t${arg}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * True when two spans of one layer cross (each holds part of the other) or cover the same text:
 * what brat's default configuration forbids. Nesting is allowed by brat and not counted.
 */
export function spansOverlap(annotations: readonly Annotation[]): boolean {
  const pieces = annotations
    .flatMap((a) => a.fragments.map((f) => ({ id: a.id, start: f.start, end: f.end })))
    .sort((x, y) => x.start - y.start || y.end - x.end);
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    for (let j = i + 1; j < pieces.length && pieces[j]!.start < p.end; j++) {
      const q = pieces[j]!;
      if (q.id !== p.id && (q.end > p.end || (q.start === p.start && q.end === p.end))) return true;
    }
  }
  return false;
}

const displayName = (s: string) => s.replace(/[|\r\n\t]+/g, ' ').trim() || '_';

/**
 * visual.conf: the display name of every label and link type, and each label's colour, so brat
 * shows the set as Lede does (types in annotation.conf are the label ids).
 */
export function writeVisualConf(docs: readonly ArticleDoc[], schema: LabelSchema): string {
  const labels = new Map(schema.labels.map((l) => [l.id, l]));
  const used = new Set<string>();
  const usedTypes = new Set<string>();
  for (const d of docs) {
    for (const a of d.annotations) used.add(a.label);
    for (const r of d.relations) usedTypes.add(r.type);
  }
  const labelIds = [...new Set([...labels.keys(), ...used])];
  const typeIds = [...new Set([...schema.relationTypes.map((t) => t.id), ...usedTypes])];
  const typeName = new Map(schema.relationTypes.map((t) => [t.id, t.name]));
  const out = ['# Written by Lede: display names and colours.', '', '[labels]', ''];
  for (const id of labelIds) out.push(`${name(id)} | ${displayName(labels.get(id)?.name ?? id)}`);
  for (const id of typeIds) out.push(`${name(id)} | ${displayName(typeName.get(id) ?? id)}`);
  out.push('', '[drawing]', '');
  for (const id of labelIds) {
    const color = labels.get(id)?.color;
    if (color && /^#[0-9a-f]{3,8}$/i.test(color)) out.push(`${name(id)}\tbgColor:${color}`);
  }
  return `${out.join('\n')}\n`;
}
