import { z } from 'zod';

/**
 * Names analysts choose (layers, labels, folders) are data, never object properties: tables keyed
 * by them are Maps or null-prototype objects, so `constructor` or `toString` is a name like any
 * other. Three names cannot be object KEYS in Lede's files (attribute and property names are):
 * `__proto__`, which JSON readers (zod among them) drop or turn into a prototype, and
 * `constructor` and `prototype`, which Lede's JSON reader refuses as prototype-polluting
 * (safe-json.ts), so a file holding them could not be imported again. They are refused up front.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function reservedKeyProblem(name: string): string {
  return `"${name}" cannot be an attribute or property name in Lede (JavaScript reserves it); rename it`;
}

/**
 * A `z.record` that keeps every key, `__proto__` included, and returns a null-prototype object
 * (zod's own record drops `__proto__` silently). For tables read back from disk, e.g. counts per layer.
 */
export function namedCounts(): z.ZodType<Record<string, number>> {
  return z
    .custom<Record<string, number>>(
      (raw) => raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.values(raw).every((n) => Number.isInteger(n) && (n as number) >= 0),
      'expected counts per name',
    )
    .transform((raw) => Object.assign(Object.create(null) as Record<string, number>, raw));
}
