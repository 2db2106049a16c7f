import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnnotationSchema, RelationSchema } from '../../../../src/core/model/annotation';
import { ArticleSchema } from '../../../../src/core/model/article';
import { ArticleDocSchema } from '../../../../src/core/model/document';
import { LabelSchemaSchema } from '../../../../src/core/model/label-schema';
import { quickCheck } from '../../../../src/core/model/quick-check';
import { JsonlLineSchema, LabelSpanSchema } from '../../../../src/core/formats/jsonl/shape';

type Def = {
  type: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; length?: number; value?: number } } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  items?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Lengths at and around a schema's bounds, and a few small ones. */
function lengthAround(def: Def): fc.Arbitrary<number> {
  const bounds = (def.checks ?? []).flatMap((c) => [c._zod.def.minimum, c._zod.def.maximum, c._zod.def.length]).filter((n): n is number => n !== undefined);
  return fc.oneof(
    { weight: 3 * bounds.length + 3, arbitrary: fc.integer({ min: Math.min(...bounds, 1), max: Math.min(...bounds.filter((b) => b > 1), 6) }) },
    ...bounds.flatMap((b) => [fc.constant(b), fc.constant(b + 1), fc.constant(Math.max(0, b - 1))]),
  );
}

/**
 * Values near what `schema` accepts: mostly shaped like it, at and just past its bounds, with a
 * wrong type, a missing, an extra or a moved key now and then (and anything at all).
 */
function near(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const wrong = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.integer(),
    fc.constant(1.5),
    fc.constant(NaN),
    fc.constant(Infinity),
    fc.string(),
    fc.boolean(),
    fc.constant({}),
    fc.constant([]),
  );
  const shaped = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'string':
        return fc.oneof(
          // Long strings repeat a short one: building 100,000 random characters per value is slow.
          lengthAround(def).chain((n) =>
            n > 40
              ? fc.constantFrom('a', 'é', '\u{1F600}').map((c) => c.repeat(n).slice(0, n))
              : fc.string({ minLength: n, maxLength: n, unit: fc.constantFrom('a', '0', 'f', ' ', '-', 'T', ':', 'é', '\u{1F600}') }),
          ),
          fc.constantFrom('', '2026-12-02', '2026-12-02T09:30Z', 'en', 'pt-BR', 'https://x.example/a', 'a'.repeat(64), '0'.repeat(64), 'ann_1', 'x'),
        );
      case 'number': {
        const values = (def.checks ?? []).flatMap((c) => (c._zod.def.value === undefined ? [] : [c._zod.def.value]));
        return fc.oneof(
          fc.integer({ min: -3, max: 2000 }),
          fc.constant(-0),
          fc.constant(0.5),
          fc.constant(2 ** 53),
          ...values.map((v) => fc.constantFrom(v, v - 1, v + 1)),
        );
      }
      case 'boolean':
        return fc.boolean();
      case 'literal':
        return fc.constantFrom(...(def.values ?? []));
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries ?? {}));
      case 'unknown':
        return fc.anything({ maxDepth: 1 });
      case 'optional':
        return fc.oneof(fc.constant(undefined), near(def.innerType!, depth));
      case 'nullable':
        return fc.oneof(fc.constant(null), near(def.innerType!, depth));
      case 'array':
        return lengthAround(def).chain((n) =>
          fc.array(near(def.element!, depth + 1), { minLength: Math.min(n, depth > 1 ? 2 : 8), maxLength: Math.min(n, depth > 1 ? 2 : 8) }),
        );
      case 'tuple':
        return fc.oneof(fc.tuple(...(def.items ?? []).map((i) => near(i, depth + 1))), fc.array(fc.integer(), { maxLength: 4 }));
      case 'record':
        return fc.dictionary(near(def.keyType!, depth + 1) as fc.Arbitrary<string>, near(def.valueType!, depth + 1), { maxKeys: 3 });
      case 'union':
        return fc.oneof(...(def.options ?? []).map((o) => near(o, depth)));
      case 'object': {
        const shape = def.shape ?? {};
        const entries = Object.entries(shape).map(([k, s]) => fc.tuple(fc.constant(k), near(s, depth + 1), fc.nat(60)));
        return fc.tuple(fc.tuple(...entries), fc.nat(60), fc.nat(60), fc.nat(60)).map(([fields, drop, extra, move]) => {
          const out: Record<string, unknown> = {};
          const kept = fields.filter(([, v, skip]) => skip !== 0 && !(v === undefined && skip < 10));
          if (move === 0 && kept.length > 1) kept.push(kept.shift()!);
          for (const [k, v] of kept) if (drop !== 1) out[k] = v;
          if (extra === 0) out.extra = 1;
          return out;
        });
      }
      default:
        throw new Error(`no generator for ${def.type}`);
    }
  })();
  return fc.oneof({ weight: 40, arbitrary: shaped }, { weight: 1, arbitrary: wrong });
}

const schemas: [string, z.ZodType][] = [
  ['AnnotationSchema', AnnotationSchema],
  ['RelationSchema', RelationSchema],
  ['ArticleSchema', ArticleSchema],
  ['ArticleDocSchema', ArticleDocSchema],
  ['LabelSchemaSchema', LabelSchemaSchema],
  ['JsonlLineSchema', JsonlLineSchema],
  ['LabelSpanSchema', LabelSpanSchema],
];

/** The same data with keys in the same order (JSON.stringify drops undefined, so compare that too). */
function sameData(a: unknown, b: unknown): boolean {
  const keys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(keys)
      : typeof v === 'object' && v !== null
        ? Object.entries(v).map(([k, x]) => [k, x === undefined ? '(undefined)' : keys(x)])
        : v;
  return JSON.stringify(keys(a)) === JSON.stringify(keys(b)) && JSON.stringify(a) === JSON.stringify(b);
}

describe('quickCheck', () => {
  for (const [name, schema] of schemas) {
    it(`never accepts what zod refuses, and exact only where zod's output is the same data: ${name}`, () => {
      // Whole documents are slow to generate: fewer of them, each holding many annotations.
      const RUNS = name === 'ArticleDocSchema' ? 150 : 600;
      const quick = quickCheck(schema);
      const exact = quickCheck(schema, { exact: true });
      let accepted = 0;
      let valid = 0;
      fc.assert(
        fc.property(near(schema), (value) => {
          const parsed = schema.safeParse(value);
          if (parsed.success) valid++;
          if (quick(value)) {
            accepted++;
            expect(parsed.success).toBe(true);
          } else if (parsed.success) {
            // Only a value zod would also accept loses nothing: asked of zod instead.
          }
          if (exact(value)) {
            expect(parsed.success && sameData(parsed.data, value)).toBe(true);
          }
          // What zod accepts and outputs unchanged, quick accepts (it is of use, not only safe).
          if (parsed.success) expect(quick(value)).toBe(true);
          if (parsed.success && sameData(parsed.data, value) && !hasUndefinedInArray(value)) expect(exact(value)).toBe(true);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      // The generator reaches the refused side (the accepted one: see the next test, and the line above).
      expect(accepted).toBeLessThan(RUNS);
      expect(valid).toBeLessThan(RUNS);
    }, 120_000);
  }

  it('accepts, exactly, a stored document as Lede writes it', () => {
    const text = 'He said: “We will.”';
    const article = {
      id: 'a_1',
      title: 'T',
      source: 'seed',
      importedAt: '2026-01-01T00:00:00.000Z',
      hash: 'f'.repeat(64),
      text,
      url: 'https://x.example/a',
      tags: ['x'],
    };
    const annotation = {
      id: 'ann_1',
      label: 'quote',
      fragments: [{ start: 9, end: 19 }],
      quote: '“We will.”',
      prefix: 'He said: ',
      suffix: '',
      attributes: { direct: true, tone: 'calm' },
      note: '',
      author: 'ana',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      entity: 'act_1',
    };
    const relation = { id: 'rel_1', type: 'speaker', from: 'ann_1', to: 'ann_1', author: 'ana', created: '', modified: '', note: 'n' };
    const doc = { article, annotations: [annotation], relations: [relation] };
    for (const [schema, value] of [
      [AnnotationSchema, annotation],
      [RelationSchema, relation],
      [ArticleSchema, article],
      [ArticleDocSchema, doc],
    ] as [z.ZodType, unknown][]) {
      expect(schema.safeParse(value).success).toBe(true);
      expect(quickCheck(schema, { exact: true })(value)).toBe(true);
    }
    // Another key order, or a key zod would strip: valid, but not the same data.
    const { id, ...rest } = annotation;
    expect(quickCheck(AnnotationSchema)({ ...rest, id })).toBe(true);
    expect(quickCheck(AnnotationSchema, { exact: true })({ ...rest, id })).toBe(false);
    expect(quickCheck(AnnotationSchema, { exact: true })({ ...annotation, extra: 1 })).toBe(false);
  });

  it('leaves to zod what it does not know (transforms, refinements, formats, catchall)', () => {
    for (const schema of [
      z.string().trim(),
      z.string().email(),
      z.number().refine((n) => n > 1),
      z.object({ a: z.string() }).transform((o) => o.a),
      z.object({ a: z.string() }).catchall(z.number()),
      z.string().default('x'),
      z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]),
    ] as z.ZodType[]) {
      expect(quickCheck(schema)('a@b.example')).toBe(false);
      expect(quickCheck(schema)({ a: 'x' })).toBe(false);
      expect(quickCheck(schema)(5)).toBe(false);
    }
  });

  it('refuses non-finite numbers, and what is not own, as zod does or more strictly', () => {
    const check = quickCheck(z.object({ n: z.number(), s: z.string().optional() }));
    expect(check({ n: Infinity })).toBe(false);
    expect(check({ n: NaN })).toBe(false);
    expect(check(Object.create({ s: 1 }) as unknown)).toBe(false);
    // Inherited, zod takes it too (`key in input`), but its output would own it: not the same data.
    expect(quickCheck(z.object({ n: z.number() }), { exact: true })(Object.create({ n: 1 }) as unknown)).toBe(false);
    expect(check({ n: 1 })).toBe(true);
    expect(quickCheck(z.record(z.string(), z.number()))(JSON.parse('{"__proto__": 1}'))).toBe(false);
  });
});

function hasUndefinedInArray(v: unknown): boolean {
  if (Array.isArray(v)) return v.some((x) => x === undefined || hasUndefinedInArray(x));
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasUndefinedInArray);
  return false;
}
