import type { z } from 'zod';
import { ALL_KINDS, exampleOf, kindsOf, maxLengthOf, nodes, replaceAt, unwrap, type Kind } from './zod-walk';

/**
 * Hostile arguments for one api method, derived from its schema: every one of them must be
 * refused as `invalid-argument` before any handler runs.
 */
export interface HostileCase {
  label: string;
  args: unknown;
}

const WRONG: Record<Kind, unknown> = { string: 'wrong', number: 12345, boolean: false, null: null, object: { wrong: 1 }, array: ['wrong'] };

const deepValues = new WeakMap<object, { depth: number; kind: 'array' | 'object' }>();

export function deepNest(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  deepValues.set(value as object, { depth, kind });
  return value;
}

function deepJson({ depth, kind }: { depth: number; kind: 'array' | 'object' }): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** JSON text of a case; deep values are written as text (JSON.stringify would recurse once per level). */
export function toJson(args: unknown): string {
  const parts: string[] = [];
  const text = JSON.stringify(args, (_key, value: unknown) => {
    const deep = value !== null && typeof value === 'object' ? deepValues.get(value) : undefined;
    if (!deep) return value;
    parts.push(deepJson(deep));
    return `\u0000deep${parts.length - 1}\u0000`;
  });
  return text.replace(/"\\u0000deep(\d+)\\u0000"/g, (_m, i: string) => parts[Number(i)]!);
}

/** `target` with an own, enumerable key named `key` (a plain assignment of `__proto__` would set the prototype instead). */
function withOwnKey(target: unknown, key: string, value: unknown): unknown {
  const copy = structuredClone(target) as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

export function validExamples(schema: z.ZodType): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (let variant = 0; variant < 3; variant++) {
    const example = exampleOf(schema, variant);
    const key = JSON.stringify(example);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(example);
    }
  }
  return out;
}

export function hostileCases(schema: z.ZodType): HostileCase[] {
  const cases: HostileCase[] = [
    { label: 'a number instead of an object', args: 42 },
    { label: 'a string instead of an object', args: 'getArticle' },
    { label: 'true instead of an object', args: true },
    { label: 'an array instead of an object', args: [] },
    { label: 'an object nested 5,000 deep', args: deepNest(5000, 'object') },
    { label: 'an array nested 5,000 deep', args: deepNest(5000, 'array') },
  ];
  for (const [n, example] of validExamples(schema).entries()) {
    const v = `example ${n}`;
    cases.push({ label: `${v} + an extra key`, args: { ...(example as object), extra: 1 } });
    cases.push({ label: `${v} + __proto__`, args: withOwnKey(example, '__proto__', { polluted: true }) });
    cases.push({ label: `${v} + constructor`, args: withOwnKey(example, 'constructor', { prototype: { polluted: true } }) });
    cases.push({ label: `${v} + prototype`, args: withOwnKey(example, 'prototype', { polluted: true }) });
    for (const node of nodes(schema, example)) {
      if (node.path.length === 0) continue;
      const at = `${v} at ${node.path.join('.')}`;
      const put = (label: string, value: unknown) => cases.push({ label: `${at}: ${label}`, args: replaceAt(example, node.path, value) });
      const kinds = kindsOf(node.schema);
      for (const kind of ALL_KINDS) if (!kinds.has(kind)) put(`${kind} where ${[...kinds].join('|')} belongs`, WRONG[kind]);
      put('nested 5,000 deep', deepNest(5000, kinds.has('array') ? 'object' : 'array'));
      const inner = unwrap(node.schema) as z.ZodType & { type: string; minLength?: number | null; minValue?: number | null; maxValue?: number | null; isInt?: boolean };
      const max = maxLengthOf(node.schema);
      if (inner.type === 'string') {
        if (max !== null) put(`a string of ${max + 1} characters (max ${max})`, 'x'.repeat(max + 1));
        if ((inner.minLength ?? 0) > 0) put('an empty string', '');
      }
      if (inner.type === 'array' && max !== null) put(`an array of ${max + 1} items (max ${max})`, new Array(max + 1).fill((node.value as unknown[])[0] ?? 1));
      if (inner.type === 'number') {
        if (inner.maxValue != null && Number.isFinite(inner.maxValue)) put(`${inner.maxValue + 1} (max ${inner.maxValue})`, inner.maxValue + 1);
        if (inner.minValue != null && Number.isFinite(inner.minValue)) put(`${inner.minValue - 1} (min ${inner.minValue})`, inner.minValue - 1);
        if (inner.isInt) {
          put('a fraction where an integer belongs', 0.5);
          put('1e308', 1e308);
          put('2^53 + 2 (not a safe integer)', 2 ** 53 + 2);
        }
      }
      if (node.value !== null && typeof node.value === 'object' && !Array.isArray(node.value)) {
        put('+ __proto__', withOwnKey(node.value, '__proto__', { polluted: true }));
        put('+ constructor', withOwnKey(node.value, 'constructor', { prototype: { polluted: true } }));
      }
    }
  }
  return cases;
}
