import { deepNest, toJson } from '../../security/support/hostile-args';

/**
 * Mutations for the fuzz tests, all driven by one seeded `random` so a failing case can be
 * replayed: byte-level damage (truncation, flipped and inserted bytes, spliced chunks), text
 * snippets that attack parsers, and structural changes to JSON (wrong types, huge and negative
 * numbers, out-of-range offsets, deep nesting, prototype keys).
 */
export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, n: number) => Math.floor(random() * n);

const encoder = new TextEncoder();
export const bytesOf = (text: string) => encoder.encode(text);
/** Lenient decoding: what a mutated file's bytes say, for the text-based parsers. */
export const textOf = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

const ODD_BYTES = [0x00, 0xff, 0xfe, 0xc0, 0xed, 0xa0, 0x80, 0x0b, 0x1b, 0x7f, 0xef, 0xbb, 0xbf, 0xf4, 0x90];

export function mutateBytes(random: Random, input: Uint8Array, other: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(input);
  const at = int(random, bytes.length + 1);
  switch (int(random, 7)) {
    case 0: // truncated, as by a crash or an interrupted download
      return bytes.slice(0, at);
    case 1: {
      for (let i = 0, n = 1 + int(random, 8); i < n && bytes.length; i++) bytes[int(random, bytes.length)] = int(random, 256);
      return bytes;
    }
    case 2: {
      const odd = Uint8Array.from({ length: 1 + int(random, 4) }, () => pick(random, ODD_BYTES));
      return concat(bytes.slice(0, at), odd, bytes.slice(at));
    }
    case 3: // a chunk repeated
      return concat(bytes.slice(0, at), bytes.slice(at, at + int(random, 2000)), bytes.slice(at));
    case 4: // a chunk cut out
      return concat(bytes.slice(0, at), bytes.slice(at + 1 + int(random, 500)));
    case 5: // spliced with another file
      return concat(bytes.slice(0, at), other.slice(int(random, other.length + 1)));
    default:
      return bytes.slice(0, int(random, 64)); // only the first few bytes
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function insertText(random: Random, text: string, snippet: string): string {
  const at = int(random, text.length + 1);
  return text.slice(0, at) + snippet + text.slice(at);
}

/** Replaces, inserts or deletes whole lines (brat, JSONL). */
export function mutateLines(random: Random, text: string, hostileLines: readonly string[]): string {
  const lines = text.split('\n');
  const at = int(random, lines.length + 1);
  switch (int(random, 4)) {
    case 0:
      lines.splice(at, 0, pick(random, hostileLines));
      break;
    case 1:
      lines.splice(at, 1, pick(random, hostileLines));
      break;
    case 2:
      lines.splice(at, 1);
      break;
    default:
      lines.splice(at, 0, lines[int(random, lines.length)] ?? '');
  }
  return lines.join('\n');
}

/** Values that break assumptions, for any place in a JSON document. */
export function hostileValue(random: Random, key: string | number | undefined, around: number): unknown {
  const offsetLike = typeof key === 'string' && /start|end|offset|begin|index|line/i.test(key);
  const options: (() => unknown)[] = [
    () => 1e308,
    () => -1,
    () => 2 ** 53 + 1,
    () => -(2 ** 31),
    () => 0.5,
    () => around + 1 + int(random, 1000),
    () => '12',
    () => null,
    () => true,
    () => [],
    () => ({}),
    () => 'x'.repeat(1 + int(random, 200_000)),
    () => deepNest(3000 + int(random, 5000), random() < 0.5 ? 'array' : 'object'),
    () => ({ __proto__: null, polluted: true }),
  ];
  if (offsetLike)
    options.push(
      () => around * 10,
      () => -5,
      () => around,
    );
  return pick(random, options)();
}

type Json = unknown;
interface Place {
  parent: Record<string | number, Json>;
  key: string | number;
}

function places(root: Json): Place[] {
  const out: Place[] = [];
  const stack: Json[] = [root];
  while (stack.length && out.length < 50_000) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
      out.push({ parent: value as Record<string | number, Json>, key });
      stack.push((value as Record<string | number, Json>)[key]);
    }
  }
  return out;
}

/** A JSON text with one place changed (or a prototype key added); falls back to text damage when it does not parse. */
export function mutateJson(random: Random, text: string, textLength: number): string {
  let root: Json;
  try {
    root = JSON.parse(text);
  } catch {
    return insertText(random, text, pick(random, JSON_SNIPPETS));
  }
  const all = places(root);
  if (all.length === 0 || random() < 0.1) return insertText(random, text, pick(random, JSON_SNIPPETS));
  for (let i = 0, n = 1 + int(random, 3); i < n; i++) {
    const place = pick(random, all);
    if (random() < 0.15 && typeof place.parent === 'object' && !Array.isArray(place.parent)) {
      Object.defineProperty(place.parent, pick(random, ['__proto__', 'constructor', 'prototype']), {
        value: { polluted: true, prototype: { polluted: true } },
        enumerable: true,
        configurable: true,
        writable: true,
      });
    } else place.parent[place.key] = hostileValue(random, place.key, textLength);
  }
  try {
    return toJson(root);
  } catch {
    // A document already nested thousands deep (an earlier mutation) is too deep to re-serialise.
    return insertText(random, text, pick(random, JSON_SNIPPETS));
  }
}

export const JSON_SNIPPETS = [
  '"__proto__":{"polluted":true},',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '1e999',
  '-0',
  '9007199254740993',
  '"\\ud800"',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '}}}}]]]',
  '\u0000',
  '"start":-1,"end":99999999,',
  '/* comment */',
  ',,,',
];
