import type { z } from 'zod';

/**
 * A fast yes-or-"ask zod" check of a value against a zod schema, compiled from the schema itself
 * (so the schema stays the one home of the format). `true` promises that `schema.parse(value)`
 * succeeds and returns a value equal to `value` in every key, value and key order — so the value
 * can be used as parsed. `false` promises nothing: the caller parses with zod, which decides and
 * says what is wrong. Reading a workspace's thousand article files, zod's own walk of 100,000
 * annotations was a sixth of an export; this is a few plain comparisons per field.
 *
 * So it says yes only where zod's output is the input itself: objects with exactly the schema's
 * keys in the schema's order (zod strips unknown keys and rebuilds objects in shape order), no
 * `__proto__` record key (zod's output drops it), and only the zod types and checks listed below.
 * A schema using anything else (a refinement, a transform, a default) compiles to null.
 */
export type ShapeCheck = (value: unknown) => boolean;

/** What this file reads of zod's internal definitions (zod 4: `schema._zod.def`, `check._zod.def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  options?: Schema[];
  keyType?: Schema;
  valueType?: Schema;
  values?: unknown[];
  catchall?: Schema;
  coerce?: boolean;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
}

interface Schema {
  _zod: { def: Def };
}

export function compileShapeCheck(schema: z.ZodType): ShapeCheck | null {
  try {
    return compile(schema);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

class Unsupported extends Error {}

function compile(schema: Schema): ShapeCheck {
  const def = schema._zod.def;
  if (def.coerce) throw new Unsupported();
  switch (def.type) {
    case 'string':
      return stringCheck(def);
    case 'number':
      return numberCheck(def);
    case 'boolean':
      onlyChecks(def, []);
      return (v) => typeof v === 'boolean';
    case 'literal': {
      onlyChecks(def, []);
      const values = def.values!;
      if (!values.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))) throw new Unsupported();
      return (v) => values.includes(v);
    }
    case 'array':
      return arrayCheck(def);
    case 'object':
      return objectCheck(def);
    case 'record':
      return recordCheck(def);
    case 'union': {
      onlyChecks(def, []);
      const options = def.options!.map(compile);
      return (v) => options.some((option) => option(v));
    }
    default:
      throw new Unsupported();
  }
}

/** The checks of `def`, refusing any kind not in `allowed`. */
function onlyChecks(def: Def, allowed: readonly string[]): CheckDef[] {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  for (const c of checks)
    if (!allowed.includes(c.check === 'string_format' || c.check === 'number_format' ? `${c.check}:${c.format}` : c.check)) throw new Unsupported();
  return checks;
}

/** The length bounds of min_length / max_length checks (the tightest of each). */
function lengthBounds(checks: readonly CheckDef[]): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const c of checks) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum!);
    if (c.check === 'max_length') max = Math.min(max, c.maximum!);
  }
  return { min, max };
}

function stringCheck(def: Def): ShapeCheck {
  const checks = onlyChecks(def, ['min_length', 'max_length', 'string_format:regex']);
  const { min, max } = lengthBounds(checks);
  const patterns = checks.filter((c) => c.check === 'string_format').map((c) => c.pattern!);
  if (patterns.some((p) => p.global || p.sticky)) throw new Unsupported();
  if (patterns.length === 0) return (v) => typeof v === 'string' && v.length >= min && v.length <= max;
  return (v) => typeof v === 'string' && v.length >= min && v.length <= max && patterns.every((p) => p.test(v));
}

function numberCheck(def: Def): ShapeCheck {
  const checks = onlyChecks(def, ['number_format:safeint', 'greater_than', 'less_than']);
  const integer = checks.some((c) => c.check === 'number_format');
  const lower = checks.filter((c) => c.check === 'greater_than');
  const upper = checks.filter((c) => c.check === 'less_than');
  return (v) =>
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!integer || Number.isSafeInteger(v)) &&
    lower.every((c) => (c.inclusive ? v >= c.value! : v > c.value!)) &&
    upper.every((c) => (c.inclusive ? v <= c.value! : v < c.value!));
}

function arrayCheck(def: Def): ShapeCheck {
  const { min, max } = lengthBounds(onlyChecks(def, ['min_length', 'max_length']));
  const element = compile(def.element!);
  return (v) => {
    if (!Array.isArray(v) || v.length < min || v.length > max) return false;
    for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
    return true;
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Exactly the shape's keys, in its order; an optional key may be absent, never undefined. */
function objectCheck(def: Def): ShapeCheck {
  onlyChecks(def, []);
  if (def.catchall) throw new Unsupported();
  const fields = Object.entries(def.shape!).map(([key, field]) => {
    const optional = field._zod.def.type === 'optional';
    if (optional) onlyChecks(field._zod.def, []);
    return { key, optional, check: compile(optional ? field._zod.def.innerType! : field) };
  });
  return (v) => {
    if (!isPlainObject(v)) return false;
    let next = 0;
    for (const key in v) {
      while (next < fields.length && fields[next]!.key !== key) {
        if (!fields[next]!.optional) return false;
        next++;
      }
      if (next === fields.length || !fields[next]!.check(v[key])) return false;
      next++;
    }
    for (; next < fields.length; next++) if (!fields[next]!.optional) return false;
    return true;
  };
}

function recordCheck(def: Def): ShapeCheck {
  onlyChecks(def, []);
  if (def.keyType!._zod.def.type !== 'string') throw new Unsupported();
  const key = compile(def.keyType!);
  const value = compile(def.valueType!);
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const k in v) if (k === '__proto__' || !key(k) || !value(v[k])) return false;
    return true;
  };
}
