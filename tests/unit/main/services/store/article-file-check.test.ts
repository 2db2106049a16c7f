import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canonicalDoc } from '../../../../../src/core/edits/apply';
import { articleIdFromHash } from '../../../../../src/core/model/article';
import { ArticleFileSchema, articleCodec, docProblem, isParsedArticleFile, sha256Hex, versioned } from '../../../../../src/main/services/store/file-formats';
import { quickCheck } from '../../../../../src/core/model/quick-check';

/**
 * The fast check of stored article files against zod itself: on valid files and on every kind of
 * single change to one, the quick check says yes exactly when zod accepts the file and gives it
 * back unchanged (same keys, values and key order), and the article codec decodes every file to
 * the same outcome as the zod-only codec it replaced: the same value, or the same problem.
 */

/** The article codec as it was: zod for every file. */
const zodOnly = versioned(
  'article',
  ArticleFileSchema.transform(({ article, annotations, relations }) => canonicalDoc({ article, annotations, relations })),
  (raw) => articleCodec.decode(raw),
  docProblem,
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀', '"', '\\'), minLength: 1, maxLength: 60 });
const short = fc.string({ maxLength: 12 });
const name = fc.string({ minLength: 1, maxLength: 12 });
const time = fc.constantFrom('2026-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z', 'yesterday', '');

/** Sorted, disjoint, non-empty fragments inside a text of `length` UTF-16 units. */
function fragments(length: number) {
  return fc.uniqueArray(fc.integer({ min: 0, max: length }), { minLength: 2, maxLength: 6 }).map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const out: { start: number; end: number }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: sorted[i]!, end: sorted[i + 1]! });
    return out;
  });
}

/**
 * A valid article file in the order Lede writes it (the schema's), with the optional fields
 * sometimes present, through JSON text as a file holds it.
 */
const articleFile = text.chain((t) => {
  const hash = sha256Hex(t);
  const annotation = (i: number) =>
    fc
      .record(
        {
          label: name,
          fragments: fragments(t.length),
          quote: short,
          prefix: short,
          suffix: short,
          attributes: fc.dictionary(name, fc.oneof(short, fc.boolean()), { maxKeys: 3 }),
          note: short,
          author: fc.constantFrom('me', 'colleague', 'Zoë'),
          created: time,
          modified: time,
          normalizations: fc.array(fc.record({ resource: short, ref: short, text: short }), { maxLength: 2 }),
          entity: name,
        },
        { requiredKeys: ['label', 'fragments', 'quote', 'prefix', 'suffix', 'attributes', 'note', 'author', 'created', 'modified'] },
      )
      .map((a) => ({ id: `ann_${i}`, ...a }));
  return fc
    .record({
      article: fc
        .record(
          {
            title: short,
            source: short,
            importedAt: time,
            infoChangedAt: fc.constant('2026-02-03T04:05:06.000Z'),
            outlet: name,
            url: fc.constant('https://example.org/a'),
            language: fc.constantFrom('en', 'de-CH'),
            tags: fc.array(name, { maxLength: 3 }),
          },
          { requiredKeys: ['title', 'source', 'importedAt'] },
        )
        .map(({ title, source, importedAt, ...rest }) => ({ id: articleIdFromHash(hash), title, source, importedAt, hash, text: t, ...rest })),
      count: fc.nat({ max: 5 }),
    })
    .chain(({ article, count }) =>
      fc.tuple(...Array.from({ length: count }, (_, i) => annotation(i))).chain((annotations) =>
        fc
          .array(
            fc.record(
              {
                type: fc.constantFrom('speaker', 'source'),
                ends: fc.tuple(fc.nat(), fc.nat()),
                author: fc.constantFrom('me', 'colleague'),
                created: time,
                modified: time,
                note: short,
              },
              { requiredKeys: ['type', 'ends', 'author', 'created', 'modified'] },
            ),
            { maxLength: annotations.length ? 3 : 0 },
          )
          .map((links) => ({
            schemaVersion: 1,
            article,
            annotations,
            relations: links.map(({ type, ends, ...rest }, i) => ({
              id: `rel_${i}`,
              type,
              from: annotations[ends[0] % annotations.length]!.id,
              to: annotations[ends[1] % annotations.length]!.id,
              ...rest,
            })),
          })),
      ),
    )
    .map((file) => JSON.parse(JSON.stringify(file)) as Json);
});

/** Every place in a value: the path of keys to it. */
function pathsOf(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...path, i])));
  if (value !== null && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...path, k])));
  return here;
}

/** Values at and around the schema's bounds, and of every JSON type. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    '',
    'x',
    'a'.repeat(100),
    'a'.repeat(101),
    'a'.repeat(200),
    'a'.repeat(201),
    'a'.repeat(1000),
    'a'.repeat(1001),
    '0'.repeat(64),
    'A'.repeat(64),
    '0'.repeat(63),
    '2026-01-01T',
    'https://x',
    'ftp://x',
    'en',
    'e',
    -1,
    0,
    1,
    1.5,
    2 ** 53,
    2 ** 53 - 1,
    -0,
    true,
    false,
    null,
    [],
    {},
    [{ start: 0, end: 1 }],
    { k: true },
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

type Mutation = { kind: 'replace'; value: Json } | { kind: 'delete' } | { kind: 'add'; key: string; value: Json } | { kind: 'move-last' } | { kind: 'proto' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  oddValue.map((value) => ({ kind: 'replace' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ key: fc.constantFrom('extra', 'id', 'note', 'entity', '1', '__proto__'), value: oddValue }).map((m) => ({ kind: 'add' as const, ...m })),
  fc.constant({ kind: 'move-last' as const }),
  fc.constant({ kind: 'proto' as const }),
);

/** The file with one change at `path`, through JSON text as a file would carry it. */
function mutated(file: Json, path: (string | number)[], m: Mutation): Json {
  const copy = JSON.parse(JSON.stringify(file)) as Json;
  if (path.length === 0) return m.kind === 'replace' ? m.value : copy;
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  const target = parent[key]!;
  if (m.kind === 'replace') parent[key] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (m.kind === 'move-last' && !Array.isArray(parent)) {
    delete parent[key];
    parent[key] = target;
  } else if (m.kind === 'add' && target !== null && typeof target === 'object' && !Array.isArray(target)) {
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else if (m.kind === 'proto' && target !== null && typeof target === 'object' && !Array.isArray(target)) {
    Object.defineProperty(target, '__proto__', { value: true, enumerable: true, writable: true, configurable: true });
  }
  // Through text, as read from a file: JSON.parse makes `__proto__` an own key like any other.
  return JSON.parse(JSON.stringify(copy)) as Json;
}

/** What zod makes of it: whether it accepts it unchanged (keys, values and key order). */
function zodKeepsAsIs(value: Json): boolean {
  const parsed = ArticleFileSchema.safeParse(value);
  return parsed.success && isDeepStrictEqual(parsed.data, value) && JSON.stringify(parsed.data) === JSON.stringify(value);
}

function sameDecoding(value: Json): void {
  const fast = articleCodec.decode(value);
  const slow = zodOnly.decode(value);
  expect(fast).toEqual(slow);
  if (fast.ok && slow.ok) expect(JSON.stringify(fast.value)).toBe(JSON.stringify(slow.value));
}

describe('the quick check of stored article files', () => {
  it('accepts every valid file as written, as zod does, and the codec decodes it the same', () => {
    fc.assert(
      fc.property(articleFile, (file) => {
        expect(zodKeepsAsIs(file)).toBe(true);
        expect(isParsedArticleFile(file)).toBe(true);
        sameDecoding(file);
      }),
      { numRuns: 300 },
    );
  });

  it('after any one change, says yes exactly when zod accepts the file unchanged; the codec decodes it as zod alone did', () => {
    const seen = { kept: 0, 'changed by zod': 0, 'refused by zod': 0 };
    fc.assert(
      fc.property(articleFile, fc.nat(), mutation, (file, at, m) => {
        const paths = pathsOf(file);
        const value = mutated(file, paths[at % paths.length]!, m);
        const yes = isParsedArticleFile(value);
        expect(yes).toBe(zodKeepsAsIs(value));
        sameDecoding(value);
        seen[yes ? 'kept' : ArticleFileSchema.safeParse(value).success ? 'changed by zod' : 'refused by zod']++;
      }),
      { numRuns: 3000 },
    );
    // The changes reach every outcome: still valid, valid but not as is (zod would rebuild it), invalid.
    expect(Object.values(seen).every((n) => n > 100)).toBe(true);
  });

  it('says no to what it cannot prove zod keeps as is', () => {
    const json = (s: string) => JSON.parse(s) as unknown;
    const exact = (schema: z.ZodType) => quickCheck(schema, { exact: true });
    const record = exact(z.record(z.string(), z.boolean()));
    expect(record(json('{"a":true}'))).toBe(true);
    expect(record(json('{"__proto__":true}'))).toBe(false); // zod drops the key
    expect(exact(z.string().transform((s) => s.trim()))('x')).toBe(false);
    expect(exact(z.object({ a: z.string().default('x') }))({ a: 'x' })).toBe(false);
    expect(exact(z.string().refine((s) => s !== 'x'))('y')).toBe(false);
    const object = exact(z.object({ a: z.string(), b: z.string().optional() }));
    expect(object({ a: 'x' })).toBe(true);
    expect(object({ b: 'y', a: 'x' })).toBe(false); // zod reorders
    expect(object({ a: 'x', c: 1 })).toBe(false); // zod strips
    expect(object({ a: 'x', b: undefined })).toBe(true); // zod keeps the key as it is
  });
});

describe('docProblem for an article read from its file (articleVerified)', () => {
  it('skips only the hash checks: every other problem is still found, the same as without it', () => {
    fc.assert(
      fc.property(articleFile, fc.nat(), mutation, (file, at, m) => {
        const paths = pathsOf(file).filter((p) => p[0] !== 'article');
        const value = paths.length ? mutated(file, paths[at % paths.length]!, m) : file;
        const decoded = ArticleFileSchema.safeParse(value);
        if (!decoded.success) return;
        const doc = canonicalDoc(decoded.data);
        // The article as read (its hashes right): the same answer either way.
        expect(docProblem(doc, { articleVerified: true })).toBe(docProblem(doc));
        // A text that no longer matches its hash is only missed when the caller vouches for it.
        const damaged = { ...doc, article: { ...doc.article, text: `${doc.article.text}!` } };
        expect(docProblem(damaged)).toMatch(/does not match its hash/);
        expect(docProblem(damaged, { articleVerified: true })).toBe(docProblem({ ...damaged, article: doc.article }));
      }),
      { numRuns: 500 },
    );
  });
});
