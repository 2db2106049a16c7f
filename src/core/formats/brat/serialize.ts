import type { Annotation, Fragment, Relation } from '../../model/annotation';
import { annotationsOf, relationsOf, type ArticleDoc } from '../../model/document';
import { findLabel, findRelationType, type LabelSchema } from '../../model/label-schema';
import { offsetIndex } from '../../text/offsets';
import type { ExportResult, OutputFile, SerializeOptions } from '../types';
import { articleFileNames } from '../file-names';
import { withLayers } from '../layers';
import { writeConf, writeVisualConf, type ConfUsage } from './write-conf';
import { bratSpanText } from './spans';
import type { ActorRegistry } from '../../actors/entity';
import { entityNames, LEDE_RESOURCE } from '../entity-links';

/** Splits fragments at line breaks (brat spans cannot hold one) and drops the breaks themselves. */
export function splitAtLineBreaks(text: string, fragments: readonly Fragment[]): Fragment[] {
  const out: Fragment[] = [];
  for (const f of fragments) {
    let start = f.start;
    for (let i = f.start; i <= f.end; i++) {
      const c = i < f.end ? text.charCodeAt(i) : -1;
      if (c === 10 || c === 13 || c === -1) {
        if (i > start) out.push({ start, end: i });
        start = i + 1;
      }
    }
  }
  return out;
}

/** A brat name (type, role, attribute): no whitespace and no colon. */
export function bratName(name: string): string {
  return name.replace(/[\s:]+/g, '_') || '_';
}

const oneLine = (s: string) => s.replace(/\r\n|[\r\n]/g, ' ');

/**
 * One article as brat's .txt and .ann. Event-kind labels become a trigger T plus an E line whose
 * arguments are the event's outgoing relations (role = relation type, repeats numbered Role2…);
 * equivalence types become `*` groups; other relations R lines; attributes A lines (true flags
 * bare, false ones omitted as brat has no "false"), notes `#` AnnotatorNotes, normalisations N.
 */
export function serializeBratDoc(
  doc: ArticleDoc,
  schema: LabelSchema,
  options: SerializeOptions = {},
  usage: ConfUsage = new Map(),
): { txt: string; ann: string; report: string[] } {
  const text = doc.article.text;
  const index = offsetIndex(text);
  const report: string[] = [];
  const annotations = annotationsOf(doc, options.author);
  const included = new Set(annotations.map((a) => a.id));
  const relations = relationsOf(doc, options.author).filter((r) => included.has(r.from) && included.has(r.to));
  const isEvent = (a: Annotation) => findLabel(schema, a.label)?.kind === 'event';
  const isEquivalence = (r: Relation) => findRelationType(schema, r.type)?.equivalence === true;
  const lines: string[] = [];
  const bratId = new Map<string, string>();
  const triggerT = new Map<string, string>();
  const counters = { T: 0, E: 0, R: 0, A: 0, N: 0, '#': 0 };
  const next = (k: keyof typeof counters) => `${k}${++counters[k]}`;
  const say = (a: { id: string }, what: string) => report.push(`${doc.article.id} ${a.id}: ${what}`);
  const names = entityNames(options.registry);

  // Events of one type on the same words share one trigger, as brat writes them (two E lines, one T).
  const sharedTrigger = new Map<string, string>();
  for (const a of annotations) {
    const fragments = splitAtLineBreaks(text, a.fragments);
    if (fragments.length === 0) {
      say(a, 'covers only line breaks, which brat cannot hold; not exported');
      continue;
    }
    if (fragments.length !== a.fragments.length) say(a, 'split at line breaks');
    const spans = fragments.map((f) => `${index.toCodePoint(f.start)} ${index.toCodePoint(f.end)}`).join(';');
    const triggerKey = `${bratName(a.label)} ${spans}`;
    let t = isEvent(a) ? sharedTrigger.get(triggerKey) : undefined;
    if (!t) {
      t = next('T');
      lines.push(`${t}\t${triggerKey}\t${bratSpanText(text, fragments)}`);
      if (isEvent(a)) sharedTrigger.set(triggerKey, t);
    }
    triggerT.set(a.id, t);
    bratId.set(a.id, isEvent(a) ? next('E') : t);
    if (isEvent(a)) usage.set(bratName(a.label), usage.get(bratName(a.label)) ?? new Map<string, Set<string>>());
  }

  const byId = new Map(annotations.map((a) => [a.id, a]));
  const positionOf = (id: string) => byId.get(id)!.fragments[0]!.start;
  for (const a of annotations) {
    const id = bratId.get(a.id);
    if (!id?.startsWith('E')) continue;
    const args = relations.filter((r) => r.from === a.id && !isEquivalence(r) && bratId.has(r.to));
    args.sort((x, y) => positionOf(x.to) - positionOf(y.to) || (x.id < y.id ? -1 : 1));
    const seen = new Map<string, number>();
    const parts = args.map((r) => {
      const role = bratName(r.type);
      const n = (seen.get(role) ?? 0) + 1;
      seen.set(role, n);
      const roles = usage.get(bratName(a.label))!;
      roles.set(role, new Set([...(roles.get(role) ?? []), bratName(byId.get(r.to)!.label)]));
      if (r.note) say(r, 'a note on an event argument cannot be held by brat; not exported');
      return `${n > 1 ? `${role}${n}` : role}:${bratId.get(r.to)}`;
    });
    lines.push(`${id}\t${bratName(a.label)}:${triggerT.get(a.id)}${parts.length ? ` ${parts.join(' ')}` : ''}`);
  }

  const relationId = new Map<string, string>();
  const groups = new Map<string, Map<string, string[]>>();
  for (const r of relations) {
    if (!bratId.has(r.from) || !bratId.has(r.to)) continue;
    if (isEquivalence(r)) {
      addToGroup(groups, bratName(r.type), bratId.get(r.from)!, bratId.get(r.to)!);
      if (r.note) say(r, 'a note on an equivalence link cannot be held by brat; not exported');
      continue;
    }
    if (bratId.get(r.from)!.startsWith('E')) continue;
    const id = next('R');
    relationId.set(r.id, id);
    lines.push(`${id}\t${bratName(r.type)} Arg1:${bratId.get(r.from)} Arg2:${bratId.get(r.to)}\t`);
  }
  for (const [type, members] of groups) for (const group of componentsOf(members)) lines.push(`*\t${type} ${group.join(' ')}`);

  for (const a of annotations) {
    const id = bratId.get(a.id);
    if (!id) continue;
    for (const [name, value] of Object.entries(a.attributes)) {
      if (value === false) continue;
      if (value === '') {
        say(a, `empty value of attribute ${name} cannot be held by brat; not exported`);
        continue;
      }
      if (typeof value === 'string' && /\s/.test(value)) say(a, `attribute ${name}: spaces in the value were written as _`);
      lines.push(`${next('A')}\t${bratName(name)} ${id}${value === true ? '' : ` ${value.replace(/\s+/g, '_')}`}`);
    }
    // The actor it names, in brat's own normalisation syntax: `N1<TAB>Reference T3 Lede:<id><TAB>name`.
    if (a.entity) lines.push(`${next('N')}\tReference ${id} ${LEDE_RESOURCE}:${a.entity.replace(/\s+/g, '_')}\t${oneLine(names.get(a.entity) ?? a.quote)}`);
    for (const n of a.normalizations ?? [])
      lines.push(`${next('N')}\tReference ${id} ${bratName(n.resource)}:${n.ref.replace(/\s+/g, '_')}\t${oneLine(n.text)}`);
    if (a.note) lines.push(noteLine(next('#'), id, a.note, () => say(a, 'line breaks in the note were written as spaces')));
  }
  for (const r of relations) {
    const id = relationId.get(r.id);
    if (id && r.note) lines.push(noteLine(next('#'), id, r.note, () => say(r, 'line breaks in the note were written as spaces')));
  }
  return { txt: text, ann: lines.length ? `${lines.join('\n')}\n` : '', report };
}

function noteLine(id: string, target: string, note: string, onFlatten: () => void): string {
  if (/[\r\n]/.test(note)) onFlatten();
  return `${id}\tAnnotatorNotes ${target}\t${oneLine(note)}`;
}

function addToGroup(groups: Map<string, Map<string, string[]>>, type: string, a: string, b: string): void {
  const edges = groups.get(type) ?? new Map<string, string[]>();
  groups.set(type, edges);
  edges.set(a, [...(edges.get(a) ?? []), b]);
  edges.set(b, [...(edges.get(b) ?? []), a]);
}

/** Connected groups of an undirected link set, members in id order. */
function componentsOf(edges: Map<string, string[]>): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  const order = (x: string) => [x[0], Number(x.slice(1))] as const;
  for (const start of edges.keys()) {
    if (seen.has(start)) continue;
    const group: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const x = stack.pop()!;
      group.push(x);
      for (const y of edges.get(x) ?? [])
        if (!seen.has(y)) {
          seen.add(y);
          stack.push(y);
        }
    }
    group.sort((p, q) => (order(p)[0]! < order(q)[0]! ? -1 : order(p)[0]! > order(q)[0]! ? 1 : order(p)[1] - order(q)[1]));
    out.push(group);
  }
  return out;
}

/** A brat collection: `<name>.txt` and `<name>.ann` per article, `annotation.conf` and `visual.conf`. */
export function serializeBrat(docs: readonly ArticleDoc[], schema: LabelSchema, options: SerializeOptions = {}): ExportResult {
  return serializeBratProject(docs, schema, [{ author: options.author, folder: '' }], options.registry);
}

/**
 * A brat project of several annotators, the layout `lede agree` and imports read:
 * `<folder>/<name>.txt` and `.ann` per layer and article, one `annotation.conf` and `visual.conf`
 * at the top covering every layer. A layer with folder '' is written at the top (one layer), with
 * every article; a layer in a folder gets only the articles it has annotations in.
 */
export function serializeBratProject(
  docs: readonly ArticleDoc[],
  schema: LabelSchema,
  layers: readonly { author: string | undefined; folder: string }[],
  registry?: ActorRegistry,
): ExportResult {
  const files: OutputFile[] = [];
  const report: string[] = [];
  const usage: ConfUsage = new Map();
  const names = articleFileNames(docs);
  for (const { author, folder } of layers) {
    const prefix = folder === '' ? '' : `${folder}/`;
    const options = { ...(author === undefined ? {} : { author }), ...(registry ? { registry } : {}) };
    for (const [i, doc] of docs.entries()) {
      // In a project an annotator has only the documents they annotated: an empty .ann would be
      // read (by lede agree, as by brat) as a document they did and found nothing in.
      if (folder !== '' && !doc.annotations.some((a) => a.author === author)) continue;
      const out = serializeBratDoc(doc, schema, options, usage);
      files.push({ path: `${prefix}${names[i]}.txt`, content: out.txt }, { path: `${prefix}${names[i]}.ann`, content: out.ann });
      report.push(...out.report.map((line) => (folder === '' ? line : `${author}: ${line}`)));
    }
  }
  const authors = new Set(layers.flatMap((l) => (l.author === undefined ? [] : [l.author])));
  const scoped = layers.some((l) => l.author === undefined) ? docs : docs.map((d) => withLayers(d, authors));
  files.push({ path: 'annotation.conf', content: writeConf(scoped, schema, {}, usage) }, { path: 'visual.conf', content: writeVisualConf(scoped, schema) });
  return { files, report };
}
