import type { z } from 'zod';

/**
 * A fast yes-or-ask for a zod schema: `quickCheck(schema)` compiles the schema's definition into
 * a plain predicate that says true only where `schema.safeParse(value)` would succeed — and, with
 * `exact`, only where zod's output would also be the very same data (no key it would strip, keys
 * in the schema's order), so the value itself can stand in for the parsed copy. False means "not
 * known": the caller asks zod, which also words the problem. The schema stays the one home of
 * every rule; this only reads it.
 *
 * Why: zod runs each check through its generic machinery, ~4 µs per annotation; an import of
 * 100,000 annotations spent over a second of CPU there (issue 12). Supported: objects (strip, no
 * catchall), strings (length, regex), finite numbers (integer, bounds), booleans, literals, enums,
 * arrays (length), tuples (no rest), records with string keys, unions of those, optional,
 * nullable, unknown. Anything else (transforms, refinements, defaults, formats) compiles to a
 * predicate that is always false, so it is always asked of zod: never wrongly accepted.
 * quick-check.test.ts holds the compiled predicates to zod's verdict on random values.
 */
export type QuickCheck = (value: unknown) => boolean;

const never: QuickCheck = () => false;

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
}

export function quickCheck(schema: z.ZodType, options: { exact?: boolean } = {}): QuickCheck {
  return compile(schema, options.exact === true) ?? never;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The predicate for `schema`, or null when part of it is not supported. */
function compile(schema: z.ZodType, exact: boolean): QuickCheck | null {
  const def = defOf(schema);
  if (def.coerce) return null;
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'string':
      return withChecks((v) => typeof v === 'string', checks, lengthCheck);
    case 'number':
      return withChecks((v) => typeof v === 'number' && Number.isFinite(v), checks, numberCheck);
    case 'boolean':
      return checks.length ? null : (v) => typeof v === 'boolean';
    case 'unknown':
    case 'any':
      return checks.length ? null : () => true;
    case 'literal': {
      const values = def.values ?? [];
      return checks.length || !values.every(isPrimitive) ? null : (v) => values.includes(v);
    }
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return checks.length || !values.every(isPrimitive) ? null : (v) => values.includes(v);
    }
    case 'optional':
    case 'nullable': {
      const inner = checks.length ? null : compile(def.innerType!, exact);
      if (!inner) return null;
      return def.type === 'optional' ? (v) => v === undefined || inner(v) : (v) => v === null || inner(v);
    }
    case 'array': {
      const element = compile(def.element!, exact);
      if (!element) return null;
      return withChecks(
        (v) => {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
          return true;
        },
        checks,
        lengthCheck,
      );
    }
    case 'tuple': {
      const items = (def.items ?? []).map((item) => compile(item, exact));
      if (def.rest || checks.length || items.some((item) => !item)) return null;
      return (v) => Array.isArray(v) && v.length === items.length && items.every((item, i) => item!(v[i]));
    }
    case 'record':
      return checks.length ? null : compileRecord(def, exact);
    case 'union': {
      // zod takes the first option that parses; a later one accepting here would give another
      // output only for options that build objects, so unions of those are left to zod.
      const options = (def.options ?? []).map((o) => (['object', 'array', 'tuple', 'record'].includes(defOf(o).type) ? null : compile(o, exact)));
      if (checks.length || options.some((o) => !o)) return null;
      return (v) => options.some((o) => o!(v));
    }
    case 'object':
      return checks.length || def.catchall ? null : compileObject(def.shape ?? {}, exact);
    default:
      return null;
  }
}

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function compileObject(shape: Record<string, z.ZodType>, exact: boolean): QuickCheck | null {
  const keys = Object.keys(shape);
  const fields: { key: string; check: QuickCheck; optional: boolean }[] = [];
  for (const key of keys) {
    if (key === '__proto__') return null;
    const check = compile(shape[key]!, exact);
    if (!check) return null;
    fields.push({ key, check, optional: defOf(shape[key]!).type === 'optional' });
  }
  return (v) => {
    if (!isPlainRecord(v)) return false;
    let present = 0;
    for (let i = 0; i < fields.length; i++) {
      const { key, check, optional } = fields[i]!;
      const value = v[key];
      if (value !== undefined || Object.hasOwn(v, key)) present++;
      else if (!optional) return false;
      if (!check(value)) return false;
    }
    if (!exact) return true;
    // zod's output holds the schema's keys that are present, in the schema's order: the same
    // object only when the value has no other key and its keys come in that order.
    const own = Object.keys(v);
    if (own.length !== present) return false;
    let next = 0;
    for (const key of own) {
      while (next < keys.length && keys[next] !== key) next++;
      if (next === keys.length) return false;
      next++;
    }
    return true;
  };
}

function compileRecord(def: Def, exact: boolean): QuickCheck | null {
  const keyDef = defOf(def.keyType!);
  const key = keyDef.type === 'string' ? compile(def.keyType!, exact) : null;
  const value = compile(def.valueType!, exact);
  if (!key || !value) return null;
  return (v) => {
    if (!isPlainRecord(v)) return false;
    // As zod walks it: every own key, symbols and hidden ones included (those are left to zod).
    for (const k of Reflect.ownKeys(v)) {
      if (typeof k !== 'string' || k === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, k)) return false;
      if (!key(k) || !value(v[k])) return false;
    }
    return true;
  };
}

type CheckOf = (c: CheckDef) => QuickCheck | null;

function withChecks(base: QuickCheck, checks: readonly CheckDef[], compileCheck: CheckOf): QuickCheck | null {
  const compiled = checks.map(compileCheck);
  if (compiled.some((c) => !c)) return null;
  const all = compiled as QuickCheck[];
  if (all.length === 0) return base;
  if (all.length === 1) {
    const [only] = all as [QuickCheck];
    return (v) => base(v) && only(v);
  }
  if (all.length === 2) {
    const [first, second] = all as [QuickCheck, QuickCheck];
    return (v) => base(v) && first(v) && second(v);
  }
  return (v) => {
    if (!base(v)) return false;
    for (let i = 0; i < all.length; i++) if (!all[i]!(v)) return false;
    return true;
  };
}

/**
 * Length bounds of strings and arrays, and a string's regex. zod measures a string in code points
 * (a surrogate pair is one), counting them only where the UTF-16 length leaves it in doubt: so here.
 */
function lengthCheck(c: CheckDef): QuickCheck | null {
  const length = (v: unknown) => (v as { length: number }).length;
  const points = (v: unknown) => (typeof v === 'string' ? codePointLength(v) : length(v));
  switch (c.check) {
    case 'min_length':
      return (v) => length(v) >= c.minimum! && (length(v) >= c.minimum! * 2 || points(v) >= c.minimum!);
    case 'max_length':
      return (v) => length(v) <= c.maximum! || points(v) <= c.maximum!;
    case 'length_equals':
      return (v) => points(v) === c.length!;
    case 'string_format': {
      if (c.format !== 'regex' || !(c.pattern instanceof RegExp)) return null;
      const pattern = c.pattern;
      return (v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      };
    }
    default:
      return null;
  }
}

/** Code points of `s`, a surrogate pair counting once (as zod counts them). */
function codePointLength(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

function numberCheck(c: CheckDef): QuickCheck | null {
  switch (c.check) {
    case 'number_format':
      return c.format === 'safeint' ? (v) => Number.isSafeInteger(v) : null;
    case 'greater_than':
      return c.inclusive ? (v) => (v as number) >= c.value! : (v) => (v as number) > c.value!;
    case 'less_than':
      return c.inclusive ? (v) => (v as number) <= c.value! : (v) => (v as number) < c.value!;
    default:
      return null;
  }
}
