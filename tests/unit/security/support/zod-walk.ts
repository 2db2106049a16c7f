import type { z } from 'zod';

/**
 * Reads the api contract's zod schemas the way an attacker reads a form: which value kinds each
 * place accepts, how long each string may be, and a valid example to mutate. Walks zod 4's
 * public definitions (`schema.def`), so a method added to the contract later is covered without
 * a hand-written case.
 */

export type Kind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';
export const ALL_KINDS: readonly Kind[] = ['string', 'number', 'boolean', 'null', 'object', 'array'];
export type Path = (string | number)[];

interface Def {
  type: string;
  [key: string]: unknown;
}
type Schema = z.ZodType & { def: Def; maxLength?: number | null; minLength?: number | null; minValue?: number | null; maxValue?: number | null; isInt?: boolean };

const def = (schema: z.ZodType): Def => (schema as Schema).def;

/** Follows wrappers (optional, nullable, default, lazy, pipe…) to the schema that decides the shape. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 50; i++) {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault' || d.type === 'readonly' || d.type === 'catch' || d.type === 'nonoptional') s = d.innerType as z.ZodType;
    else if (d.type === 'lazy') s = (d.getter as () => z.ZodType)();
    else if (d.type === 'pipe') s = d.in as z.ZodType;
    else return s;
  }
  return s;
}

/** The kinds of JSON value the schema can accept. */
export function kindsOf(schema: z.ZodType): Set<Kind> {
  const d = def(schema);
  switch (d.type) {
    case 'string':
    case 'enum':
    case 'template_literal':
      return new Set(['string']);
    case 'number':
    case 'int':
      return new Set(['number']);
    case 'boolean':
      return new Set(['boolean']);
    case 'null':
      return new Set(['null']);
    case 'literal':
      return new Set((d.values as unknown[]).map((v) => (v === null ? 'null' : (typeof v as Kind))));
    case 'object':
    case 'record':
      return new Set(['object']);
    case 'array':
    case 'tuple':
      return new Set(['array']);
    case 'nullable':
      return new Set([...kindsOf(d.innerType as z.ZodType), 'null']);
    case 'union':
      return new Set((d.options as z.ZodType[]).flatMap((o) => [...kindsOf(o)]));
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      // One wrapper at a time: unwrapping them all would also strip a nullable inside (optional(nullable(string)) accepts null).
      return kindsOf(d.innerType as z.ZodType);
    case 'lazy':
      return kindsOf((d.getter as () => z.ZodType)());
    case 'pipe':
      return kindsOf(d.in as z.ZodType);
    default:
      return new Set(ALL_KINDS);
  }
}

function check(schema: z.ZodType, name: string): Record<string, unknown> | undefined {
  const checks = (def(schema).checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? [];
  return checks.map((c) => c._zod.def).find((c) => c.check === name);
}

export function maxLengthOf(schema: z.ZodType): number | null {
  const s = unwrap(schema) as Schema;
  if (def(s).type === 'string') return s.maxLength ?? null;
  return (check(s, 'max_length')?.maximum as number | undefined) ?? null;
}

/** A regex without repetition (`^#[0-9a-f]{6}$`) bounds a string as well as a maximum length. */
function boundedByPattern(schema: z.ZodType): boolean {
  const pattern = check(schema, 'string_format')?.pattern as RegExp | undefined;
  return Boolean(pattern && pattern.source.startsWith('^') && pattern.source.endsWith('$') && !/[*+]|\{\d+,\}/.test(pattern.source));
}

/** Every string (and array) anywhere in the schema that has no upper bound, by path. */
export function unbounded(schema: z.ZodType, path = '', seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const d = def(schema);
  const here = path || '(argument)';
  switch (d.type) {
    case 'string':
      return (schema as Schema).maxLength == null && !boundedByPattern(schema) ? [`${here}: string without a maximum length`] : [];
    case 'array':
      return [...(maxLengthOf(schema) === null ? [`${here}: array without a maximum length`] : []), ...unbounded(d.element as z.ZodType, `${path}[]`, seen)];
    case 'object':
      return Object.entries(d.shape as Record<string, z.ZodType>).flatMap(([k, v]) => unbounded(v, path ? `${path}.${k}` : k, seen));
    case 'record':
      return [...unbounded(d.keyType as z.ZodType, `${path}{key}`, seen), ...unbounded(d.valueType as z.ZodType, `${path}{value}`, seen)];
    case 'union':
      return (d.options as z.ZodType[]).flatMap((o) => unbounded(o, path, seen));
    case 'lazy':
    case 'optional':
    case 'nullable':
    case 'default':
    case 'pipe':
      return unbounded(unwrap(schema), path, seen);
    default:
      return [];
  }
}

/**
 * A valid value for the schema. `variant` picks which option of every union to take, so a few
 * variants reach every branch; strings differ from each other so refinements such as "two
 * different layers" hold.
 */
export function exampleOf(schema: z.ZodType, variant = 0, depth = 0, counter = { n: 0 }): unknown {
  const s = unwrap(schema) as Schema;
  const d = def(s);
  switch (d.type) {
    case 'string': {
      if (boundedByPattern(s)) return '#a0b1c2';
      const text = `v${++counter.n}`;
      return text.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? Infinity);
    }
    case 'number':
      return Math.max(s.minValue ?? 0, Math.min(1, s.maxValue ?? 1));
    case 'boolean':
      return true;
    case 'literal':
      return (d.values as unknown[])[0];
    case 'enum': {
      const values = Object.values(d.entries as Record<string, string>);
      return values[variant % values.length];
    }
    case 'null':
      return null;
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(d.shape as Record<string, z.ZodType>)) out[key] = exampleOf(value, variant, depth + 1, counter);
      return out;
    }
    case 'record':
      return { [String(exampleOf(d.keyType as z.ZodType, variant, depth + 1, counter))]: exampleOf(d.valueType as z.ZodType, variant, depth + 1, counter) };
    case 'array': {
      const min = (check(s, 'min_length')?.minimum as number | undefined) ?? 0;
      const count = Math.max(min, depth < 6 ? 1 : 0);
      return Array.from({ length: count }, () => exampleOf(d.element as z.ZodType, variant, depth + 1, counter));
    }
    case 'union': {
      const options = d.options as z.ZodType[];
      return exampleOf(options[depth > 6 ? 0 : variant % options.length]!, variant, depth + 1, counter);
    }
    default:
      return `v${++counter.n}`;
  }
}

export interface Node {
  path: Path;
  schema: z.ZodType;
  value: unknown;
}

/** Every place in `value` (which must be valid for `schema`) with the schema that governs it. */
export function nodes(schema: z.ZodType, value: unknown, path: Path = []): Node[] {
  const here: Node = { path, schema, value };
  const s = unwrap(schema);
  const d = def(s);
  if (d.type === 'union') {
    const option = (d.options as z.ZodType[]).find((o) => o.safeParse(value).success);
    return option ? [here, ...nodes(option, value, path).slice(1)] : [here];
  }
  if (value === null || typeof value !== 'object') return [here];
  if (d.type === 'object' && !Array.isArray(value)) {
    const shape = d.shape as Record<string, z.ZodType>;
    return [here, ...Object.entries(value).flatMap(([k, v]) => (shape[k] ? nodes(shape[k], v, [...path, k]) : []))];
  }
  if (d.type === 'record') return [here, ...Object.entries(value).flatMap(([k, v]) => nodes(d.valueType as z.ZodType, v, [...path, k]))];
  if (d.type === 'array' && Array.isArray(value)) return [here, ...value.flatMap((v, i) => nodes(d.element as z.ZodType, v, [...path, i]))];
  return [here];
}

/** A deep copy of `root` with the value at `path` replaced. */
export function replaceAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

export function kindOfValue(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as Kind;
}

export function isStrictObject(schema: z.ZodType): boolean {
  const d = def(unwrap(schema));
  return d.type === 'object' && (d.catchall as z.ZodType | undefined) !== undefined && def(d.catchall as z.ZodType).type === 'never';
}
