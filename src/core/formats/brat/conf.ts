import type { AttributeDef } from '../../model/label-schema';
import { SchemaCollector } from '../schema';

/**
 * brat's annotation.conf, reduced to what Lede's label schema can hold: which types are
 * entities and which events, each relation type's argument roles and end types (and whether it
 * is an equivalence), each event's roles, and each attribute's targets and values.
 * Hierarchy (indentation), `!` (not annotatable) and `<OVERLAP>` rules have no Lede equivalent
 * and only shape the lists.
 */
export interface BratConf {
  entities: string[];
  events: { type: string; roles: string[] }[];
  relations: { type: string; roles: string[]; from: string[]; to: string[]; equivalence: boolean }[];
  attributes: { name: string; targets: string[]; values: string[] }[];
}

const SECTIONS = ['entities', 'relations', 'events', 'attributes'] as const;
type Section = (typeof SECTIONS)[number];

/** Reads the file leniently: it only ever adds definitions, so an odd line is skipped. */
export function readConf(text: string): BratConf {
  const conf: BratConf = { entities: [], events: [], relations: [], attributes: [] };
  const macros = new Map<string, string>();
  let section: Section | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+|\s+$/g, '');
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = (SECTIONS as readonly string[]).includes(header[1]!) ? (header[1] as Section) : null;
      continue;
    }
    const macro = /^(<[^>]+>)=(.*)$/.exec(line);
    if (macro) {
      macros.set(macro[1]!, macro[2]!.trim());
      continue;
    }
    if (!section) continue;
    const first = line.split(/\s+/, 1)[0]!;
    // `!Type` only groups others in brat's hierarchy and cannot be annotated: not a label.
    if (first.startsWith('!') || first.startsWith('<')) continue;
    const name = first;
    const rest = line.slice(first.length).trim();
    const args = rest === '' ? [] : rest.split(/\s*,\s*/).map((a) => splitArg(a));
    if (section === 'entities') conf.entities.push(name);
    else if (section === 'events') conf.events.push({ type: name, roles: args.filter((a) => !a.key.startsWith('<')).map((a) => a.key) });
    else if (section === 'relations') {
      const roles = args.filter((a) => !a.key.startsWith('<'));
      const expand = (v: string | undefined) => (v ? expandTypes(v, macros) : []);
      conf.relations.push({
        type: name,
        roles: roles.map((a) => a.key),
        from: expand(roles[0]?.value),
        to: expand(roles[1]?.value),
        equivalence: args.some((a) => a.key === '<REL-TYPE>' && /symmetric-transitive/.test(a.value)),
      });
    } else {
      const target = args.find((a) => a.key === 'Arg')?.value ?? '<ANY>';
      const values = args.find((a) => a.key === 'Value')?.value;
      conf.attributes.push({ name, targets: expandTypes(target, macros, true), values: values ? values.split('|').filter(Boolean) : [] });
    }
  }
  return conf;
}

function splitArg(arg: string): { key: string; value: string } {
  const colon = arg.indexOf(':');
  const key = colon < 0 ? arg : arg.slice(0, colon);
  // Role suffixes: optional (?), repeated (* +) or counted ({2}) arguments.
  return { key: key.replace(/(\?|\*|\+|\{[\d,-]+\})$/, ''), value: colon < 0 ? '' : arg.slice(colon + 1) };
}

/** Type alternatives `A|B|<MACRO>`; generic `<ENTITY>`, `<EVENT>`, `<ANY>` are kept as markers. */
function expandTypes(value: string, macros: Map<string, string>, keepGeneric = false): string[] {
  const out: string[] = [];
  for (const part of value.split('|')) {
    const macro = macros.get(part);
    if (macro !== undefined) out.push(...expandTypes(macro, macros, keepGeneric));
    else if (part.startsWith('<')) {
      if (keepGeneric) out.push(part);
    } else if (part) out.push(part);
  }
  return out;
}

/** The relation roles a type is written with; brat's default is Arg1/Arg2. */
export function relationRoles(conf: BratConf | null, type: string): [string, string] {
  const roles = conf?.relations.find((r) => r.type === type)?.roles;
  return roles && roles.length >= 2 ? [roles[0]!, roles[1]!] : ['Arg1', 'Arg2'];
}

/** Adds everything the configuration defines to a collector. */
export function defineFromConf(conf: BratConf, into: SchemaCollector): void {
  for (const type of conf.entities) into.label(type, 'span');
  for (const { type } of conf.events) into.label(type, 'event');
  for (const r of conf.relations) {
    const def = into.relationType(r.type, { equivalence: r.equivalence });
    for (const f of r.from) if (!def.from.includes(f)) def.from.push(f);
    for (const t of r.to) if (!def.to.includes(t)) def.to.push(t);
  }
  const entityTypes = conf.entities;
  const eventTypes = conf.events.map((e) => e.type);
  for (const a of conf.attributes) {
    const labels = new Set<string>();
    for (const t of a.targets) {
      if (t === '<ENTITY>' || t === '<ANY>') entityTypes.forEach((x) => labels.add(x));
      if (t === '<EVENT>' || t === '<ANY>') eventTypes.forEach((x) => labels.add(x));
      if (!t.startsWith('<')) labels.add(t);
    }
    const def: AttributeDef = a.values.length ? { id: a.name, name: a.name, type: 'choice', values: a.values } : { id: a.name, name: a.name, type: 'boolean' };
    for (const label of labels) {
      const l = into.label(label);
      if (!l.attributes.some((x) => x.id === def.id)) l.attributes.push({ ...def, ...(def.values ? { values: [...def.values] } : {}) });
    }
  }
}
