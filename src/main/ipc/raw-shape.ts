/**
 * A first look at an argument before zod sees it. Two things are refused outright, whatever the
 * method: keys that can reach an object's prototype once data is merged or indexed (`__proto__`,
 * `constructor`, `prototype`; the contract never uses them), and nesting deeper than any argument
 * needs (a recursive schema such as a batch of edits would otherwise recurse once per level).
 * The walk is iterative, so a hostile depth cannot overflow the stack here either.
 */
export const MAX_ARGUMENT_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function rawShapeProblem(root: unknown): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_ARGUMENT_DEPTH) return `${path || '(argument)'}: nested more than ${MAX_ARGUMENT_DEPTH} levels deep`;
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const key of keys) {
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return `${path ? `${path}.` : ''}${key}: this key is not allowed`;
      const item = (value as Record<string | number, unknown>)[key];
      const at = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1, path: at });
    }
  }
  return null;
}
