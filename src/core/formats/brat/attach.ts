import type { Annotation, Relation } from '../../model/annotation';
import type { Problem } from '../../model/result';
import { makeRelation, type Minter } from '../build';
import type { SchemaCollector } from '../schema';
import { relationRoles, type BratConf } from './conf';
import type { BratRecord } from './records';
import { RESERVED_KEYS, reservedKeyProblem } from '../../model/names';

interface Context {
  records: BratRecord[];
  /** brat id (T or E) -> Lede annotation id; a trigger T maps to its (first) event. */
  idOf: Map<string, string>;
  /** brat id -> annotation, mutated here to add attributes, notes and normalisations. */
  annotations: Map<string, Annotation>;
  relations: Relation[];
  collector: SchemaCollector;
  conf: BratConf | null;
  minter: Minter;
  file: string | undefined;
  where: (r: BratRecord) => string;
  triggerOf: Map<string, string[]>;
}

/**
 * brat numbers repeated arguments of one role (Org-Arg, Org-Arg2, Org-Arg3): they are one role,
 * so the number is dropped, unless the configuration names the numbered role itself.
 */
export function baseRole(role: string, eventType: string, conf: BratConf | null): string {
  const declared = conf?.events.find((e) => e.type === eventType)?.roles;
  if (declared?.includes(role)) return role;
  const base = role.replace(/\d+$/, '');
  return base === '' ? role : base;
}

/** Turns E arguments, R, *, A/M, N and # lines into relations and annotation fields. */
export function attachRecords(c: Context): { errors: Problem[]; report: string[] } {
  const errors: Problem[] = [];
  const report: string[] = [];
  const at = c.file ? { file: c.file } : {};
  const error = (r: BratRecord, field: string, message: string) => errors.push({ ...at, line: r.line, field, annotation: r.id, message });
  const annotationFor = (r: BratRecord, ref: string, field: string): Annotation | undefined => {
    const a = c.annotations.get(ref) ?? (c.triggerOf.has(ref) ? c.annotations.get(c.triggerOf.get(ref)![0]!) : undefined);
    if (!a) error(r, field, `${ref} is not defined`);
    else if (c.triggerOf.has(ref) && !c.annotations.has(ref))
      report.push(`${c.where(r)} ${r.id}: refers to trigger ${ref}; applied to its event ${c.triggerOf.get(ref)![0]}`);
    return a;
  };
  const relationById = new Map<string, Relation>();
  const equivalenceTypes = new Set<string>();
  const relationTypes = new Set<string>();

  for (const r of c.records) {
    if (r.kind === 'E') {
      const event = c.annotations.get(r.id)!;
      for (const arg of r.args) {
        const target = annotationFor(r, arg.id, 'arguments');
        if (!target) continue;
        const type = baseRole(arg.role, r.type, c.conf);
        c.collector.relationType(type, { from: r.type, to: target.label });
        c.relations.push(makeRelation({ type, from: event.id, to: target.id }, c.minter));
      }
    } else if (r.kind === 'R') {
      const [role1, role2] = relationRoles(c.conf, r.type);
      const byRole = new Map(r.args.map((a) => [a.role, a.id]));
      const ordered = byRole.has(role1) && byRole.has(role2) ? [byRole.get(role1)!, byRole.get(role2)!] : r.args.map((a) => a.id);
      if (!(byRole.has(role1) && byRole.has(role2))) {
        report.push(`${c.where(r)} ${r.id}: roles ${r.args.map((a) => a.role).join(', ')} are read as ${role1} then ${role2}`);
      }
      const from = annotationFor(r, ordered[0]!, 'arguments');
      const to = annotationFor(r, ordered[1]!, 'arguments');
      if (!from || !to) continue;
      relationTypes.add(r.type);
      c.collector.relationType(r.type, { from: from.label, to: to.label });
      const rel = makeRelation({ type: r.type, from: from.id, to: to.id }, c.minter);
      c.relations.push(rel);
      relationById.set(r.id, rel);
    } else if (r.kind === '*') {
      const members = r.members.map((id) => annotationFor(r, id, 'arguments'));
      if (members.some((x) => !x)) continue;
      equivalenceTypes.add(r.type);
      c.collector.relationType(r.type, { equivalence: true });
      // A group is stored as links from its first member; the export rebuilds the group.
      for (const other of members.slice(1)) c.relations.push(makeRelation({ type: r.type, from: members[0]!.id, to: other!.id }, c.minter));
    }
  }

  for (const type of equivalenceTypes) {
    if (relationTypes.has(type)) report.push(`${type} is used both for equivalence groups (*) and for relations (R); Lede keeps it as an equivalence type`);
  }

  for (const r of c.records) {
    if (r.kind === 'A') {
      if (r.target[0] === 'R') {
        if (!relationById.has(r.target)) error(r, 'target', `${r.target} is not defined`);
        else
          report.push(
            `${c.where(r)} ${r.id}: attribute ${r.name} on relation ${r.target} cannot be held by Lede (relations have no attributes) and was not imported`,
          );
        continue;
      }
      const target = annotationFor(r, r.target, 'target');
      if (!target) continue;
      if (RESERVED_KEYS.has(r.name)) {
        error(r, 'name', reservedKeyProblem(r.name));
        continue;
      }
      if (Object.hasOwn(target.attributes, r.name)) {
        error(r, 'name', `attribute ${r.name} is set twice on ${r.target}`);
        continue;
      }
      const value = r.value ?? true;
      target.attributes[r.name] = value;
      c.collector.attributeValue(target.label, r.name, value);
    } else if (r.kind === 'N') {
      if (r.target[0] === 'R') {
        if (!relationById.has(r.target)) error(r, 'target', `${r.target} is not defined`);
        else report.push(`${c.where(r)} ${r.id}: normalisation of relation ${r.target} cannot be held by Lede and was not imported`);
        continue;
      }
      const target = annotationFor(r, r.target, 'target');
      if (!target) continue;
      if (r.type !== 'Reference') report.push(`${c.where(r)} ${r.id}: normalisation type ${r.type} is kept as a reference`);
      target.normalizations = [...(target.normalizations ?? []), { resource: r.resource, ref: r.ref, text: r.text }];
    } else if (r.kind === '#') {
      if (r.type !== 'AnnotatorNotes') report.push(`${c.where(r)} ${r.id}: comment type ${r.type} is kept as an annotator note`);
      const holder: { note?: string } | undefined =
        r.target[0] === 'R' ? relationById.get(r.target) : r.target[0] === 'T' || r.target[0] === 'E' ? annotationFor(r, r.target, 'target') : undefined;
      if (!holder) {
        if (r.target[0] === 'R') error(r, 'target', `${r.target} is not defined`);
        else if (r.target[0] !== 'T' && r.target[0] !== 'E')
          report.push(`${c.where(r)} ${r.id}: a note on ${r.target} cannot be held by Lede and was not imported`);
        continue;
      }
      if (holder.note) {
        report.push(`${c.where(r)} ${r.id}: a second note on ${r.target} was appended to the first`);
        holder.note = `${holder.note}\n${r.text}`;
      } else holder.note = r.text;
    }
  }
  return { errors, report };
}
