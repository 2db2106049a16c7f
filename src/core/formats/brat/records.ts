import type { Problem } from '../../model/result';

/**
 * brat standoff `.ann` lines, read into records without interpreting them against the text.
 * The grammar (brat's docs, "standoff format"): a tab separates the id, the annotation
 * ("Type args…", space separated) and, for T/N/#, a free text column.
 * Offsets here are brat's: code points, as written.
 */
export interface Arg {
  role: string;
  id: string;
}

interface Base {
  id: string;
  line: number;
}

export type BratRecord =
  | (Base & { kind: 'T'; type: string; spans: [number, number][]; text: string })
  | (Base & { kind: 'R'; type: string; args: Arg[] })
  | (Base & { kind: 'E'; type: string; trigger: string; args: Arg[] })
  | (Base & { kind: 'A'; name: string; target: string; value: string | null })
  | (Base & { kind: 'N'; type: string; target: string; resource: string; ref: string; text: string })
  | (Base & { kind: '#'; type: string; target: string; text: string })
  | (Base & { kind: '*'; type: string; members: string[] });

/** Well-formed ids: the kind's letter then digits (`*` lines have the bare id `*`). */
const ID_PATTERN: Record<string, RegExp> = {
  T: /^T\d+$/,
  R: /^R\d+$/,
  E: /^E\d+$/,
  A: /^[AM]\d+$/,
  N: /^N\d+$/,
  '#': /^#\d+$/,
  '*': /^\*\d*$/,
};

/** A type or role name: no whitespace, no colon (brat uses `:` to join role and id). */
const NAME = /^[^\s:]+$/;
const REF = /^[TREAMN#]\d+$/;
const SPAN = /^(\d+) (\d+)$/;

export function readRecords(ann: string, file?: string): { records: BratRecord[]; errors: Problem[] } {
  const records: BratRecord[] = [];
  const errors: Problem[] = [];
  const lines = (ann.charCodeAt(0) === 0xfeff ? ann.slice(1) : ann).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length === 0 || line.trim() === '') continue;
    const r = readLine(line, i + 1);
    if ('error' in r) {
      errors.push({ message: r.error, ...(file ? { file } : {}), line: i + 1, field: r.field, ...(r.id ? { annotation: r.id } : {}) });
    } else records.push(r.record);
  }
  return { records, errors };
}

type LineResult = { record: BratRecord } | { error: string; field: string; id?: string };

function readLine(line: string, line_: number): LineResult {
  const columns = line.split('\t');
  const id = columns[0]!;
  const kind = id === '*' || id.startsWith('*') ? '*' : id[0] === 'M' ? 'A' : (id[0] ?? '');
  const pattern = ID_PATTERN[kind];
  if (!pattern) return { error: `unknown line type "${id.slice(0, 20)}" (expected an id starting with T, R, E, A, M, N, # or *)`, field: 'id' };
  if (!pattern.test(id)) return { error: `malformed id "${id.slice(0, 40)}"`, field: 'id', id };
  if (columns.length < 2) return { error: 'missing tab-separated annotation column', field: 'columns', id };
  const fields = columns[1]!.split(' ');
  const type = fields[0]!;
  const rest = columns.slice(2).join('\t');
  switch (kind) {
    case 'T': {
      if (columns.length < 3) return bad(id, 'a text-bound (T) line needs three tab-separated columns: id, "type start end", text', 'columns');
      if (!NAME.test(type)) return bad(id, `malformed type "${type}"`, 'type');
      const spanText = columns[1]!.slice(type.length + 1);
      const spans: [number, number][] = [];
      for (const part of spanText.split(';')) {
        const m = SPAN.exec(part);
        if (!m) return bad(id, `malformed offsets "${spanText}" (expected "start end" pairs joined by ';')`, 'offsets');
        spans.push([Number(m[1]), Number(m[2])]);
      }
      return { record: { id, line: line_, kind: 'T', type, spans, text: rest } };
    }
    case 'R': {
      if (!NAME.test(type)) return bad(id, `malformed type "${type}"`, 'type');
      const args = readArgs(fields.slice(1));
      if (typeof args === 'string') return bad(id, args, 'arguments');
      if (args.length !== 2) return bad(id, `a relation needs exactly two arguments, found ${args.length}`, 'arguments');
      if (rest.trim() !== '') return bad(id, 'a relation line has no text column', 'columns');
      return { record: { id, line: line_, kind: 'R', type, args } };
    }
    case 'E': {
      const head = readArgs([type]);
      if (typeof head === 'string' || !head[0] || head[0].id[0] !== 'T') return bad(id, `malformed event head "${type}" (expected Type:T<n>)`, 'trigger');
      const args = readArgs(fields.slice(1));
      if (typeof args === 'string') return bad(id, args, 'arguments');
      if (rest.trim() !== '') return bad(id, 'an event line has no text column', 'columns');
      return { record: { id, line: line_, kind: 'E', type: head[0].role, trigger: head[0].id, args } };
    }
    case 'A': {
      if (fields.length < 2 || fields.length > 3) return bad(id, 'an attribute line is "Name Target" or "Name Target Value"', 'arguments');
      if (!NAME.test(type)) return bad(id, `malformed attribute name "${type}"`, 'type');
      const target = fields[1]!;
      if (!REF.test(target)) return bad(id, `malformed target id "${target}"`, 'target');
      if (fields[2] === '') return bad(id, 'empty attribute value', 'value');
      return { record: { id, line: line_, kind: 'A', name: type, target, value: fields[2] ?? null } };
    }
    case 'N': {
      if (columns.length < 3) return bad(id, 'a normalisation (N) line needs three tab-separated columns', 'columns');
      if (fields.length !== 3) return bad(id, 'a normalisation is "Type Target Resource:Id"', 'arguments');
      const target = fields[1]!;
      if (!REF.test(target)) return bad(id, `malformed target id "${target}"`, 'target');
      const colon = fields[2]!.indexOf(':');
      if (colon <= 0) return bad(id, `malformed reference "${fields[2]}" (expected Resource:Id)`, 'reference');
      return {
        record: { id, line: line_, kind: 'N', type, target, resource: fields[2]!.slice(0, colon), ref: fields[2]!.slice(colon + 1), text: rest },
      };
    }
    case '#': {
      if (fields.length !== 2) return bad(id, 'a note line is "Type Target" then a tab and the note', 'arguments');
      const target = fields[1]!;
      if (!REF.test(target)) return bad(id, `malformed target id "${target}"`, 'target');
      return { record: { id, line: line_, kind: '#', type, target, text: rest } };
    }
    default: {
      const members = fields.slice(1);
      if (!NAME.test(type)) return bad(id, `malformed type "${type}"`, 'type');
      if (members.length < 2) return bad(id, 'an equivalence (*) line needs at least two members', 'arguments');
      const badMember = members.find((m) => !/^[TE]\d+$/.test(m));
      if (badMember !== undefined) return bad(id, `malformed member id "${badMember}"`, 'arguments');
      return { record: { id, line: line_, kind: '*', type, members } };
    }
  }
}

function bad(id: string, error: string, field: string): LineResult {
  return { error, field, id };
}

function readArgs(parts: string[]): Arg[] | string {
  const args: Arg[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const colon = part.lastIndexOf(':');
    const role = part.slice(0, colon);
    const id = part.slice(colon + 1);
    if (colon <= 0 || !NAME.test(role) || !/^[TE]\d+$/.test(id)) return `malformed argument "${part}" (expected Role:T<n> or Role:E<n>)`;
    args.push({ role, id });
  }
  return args;
}
