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

  const out: string[] = ['# Written by Lede. Types are label ids; see the Lede export for names and colours.', '', '[entities]', ''];
  for (const [id, kind] of kinds) if (kind === 'span') out.push(name(id));
  out.push('', '[relations]', '');
  const eventRoles = new Set([...usage.values()].flatMap((roles) => [...roles.keys()]));
  for (const [id, ends] of relationEnds) {
    // Types seen only as event roles belong to [events], not [relations].
    if (eventRoles.has(name(id)) && !usedInRelations.has(id)) continue;
    const equivalence = schema.relationTypes.find((t) => t.id === id)?.equivalence;
    out.push(
      equivalence
        ? `${name(id)}\tArg1:<ANY>, Arg2:<ANY>, <REL-TYPE>:symmetric-transitive`
        : `${name(id)}\tArg1:${types(ends.from)}, Arg2:${types(ends.to)}`,
    );
  }
  out.push('', '[events]', '');
  for (const [id, kind] of kinds) {
    if (kind !== 'event') continue;
    const roles = usage.get(name(id));
    const args = roles ? [...roles].map(([role, targets]) => `${role}*:${types(targets)}`) : [];
    out.push(args.length ? `${name(id)}\t${args.join(', ')}` : name(id));
  }
  out.push('', '[attributes]', '');
  for (const [id, { labels, values }] of attributes) {
    const arg = `Arg:${types(labels)}`;
    out.push(values.size ? `${name(id)}\t${arg}, Value:${[...values].join('|')}` : `${name(id)}\t${arg}`);
  }
  return `${out.join('\n')}\n`;
}
