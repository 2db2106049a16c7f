import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLede, serializeLede } from '../../../../../src/core/formats/lede';
import { docsArb, schema } from '../arbitraries';

const content = (docs: { annotations: unknown[]; relations: unknown[] }[]) => docs.map((d) => ({ annotations: d.annotations, relations: d.relations }));

describe('Lede JSON', () => {
  it('round-trips every field of random documents exactly (ids, authors, times included)', () => {
    fc.assert(
      fc.property(docsArb, (docs) => {
        const out = serializeLede(docs, schema(), { exportedAt: '2026-01-01T00:00:00.000Z' });
        const back = parseLede(out.files[0]!.content, { author: 'ignored', keepAuthors: true });
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(back.value.documents.map((d) => d.article)).toEqual(docs.map((d) => d.article));
        expect(content(back.value.documents)).toEqual(content(docs));
        expect(back.value.schema).toEqual(schema());
      }),
      { numRuns: 60 },
    );
  });

  it('puts everything in the importing layer unless asked to keep authors, and filters by author on export', () => {
    fc.assert(
      fc.property(docsArb, (docs) => {
        const only = serializeLede(docs, schema(), { author: 'ana' });
        const back = parseLede(only.files[0]!.content, { author: 'colleague' });
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        const expected = docs.map((d) => d.annotations.filter((a) => a.author === 'ana').map((a) => ({ ...a, author: 'colleague' })));
        expect(back.value.documents.map((d) => d.annotations)).toEqual(expected);
        expect(back.value.documents.every((d) => d.relations.every((r) => r.author === 'colleague'))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses bad input with located errors', () => {
    const good = JSON.parse(
      serializeLede(
        [{ article: { id: 'a_1', title: 't', source: 's', importedAt: 'x', hash: 'a'.repeat(64), text: 'Hello 😀 world' }, annotations: [], relations: [] }],
        schema(),
      ).files[0]!.content,
    );
    const ann = {
      id: 'x1',
      label: 'claim',
      fragments: [{ start: 0, end: 5 }],
      quote: 'Hello',
      prefix: '',
      suffix: ' 😀 world',
      attributes: {},
      note: '',
      author: 'a',
      created: 'c',
      modified: 'm',
    };
    const run = (doc: unknown) => {
      const r = parseLede(typeof doc === 'string' ? doc : JSON.stringify(doc), { author: 'x', file: 'in.json' });
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.errors;
    };
    expect(run('{"format": "lede-annotations",\n "version": 1,\n }')[0]).toMatchObject({ file: 'in.json', line: 3 });
    expect(run({ ...good, version: 99 })[0]).toMatchObject({ field: 'version' });
    expect(run({ hello: 1 })[0]).toMatchObject({ field: 'format' });
    const withAnn = (a: object) => ({ ...good, articles: [{ ...good.articles[0], annotations: [{ ...ann, ...a }] }] });
    expect(run(withAnn({ fragments: [{ start: 0, end: 99 }] }))[0]).toMatchObject({ field: 'articles[0].annotations[0].fragments', annotation: 'x1' });
    expect(run(withAnn({ fragments: [{ start: 5, end: 2 }] }))[0]!.message).toMatch(/reversed/);
    expect(run(withAnn({ quote: 'Jello' }))[0]).toMatchObject({ field: 'articles[0].annotations[0].quote' });
    expect(run(withAnn({ label: 7 }))[0]).toMatchObject({ field: 'articles[0].annotations[0].label' });
    expect(run(`{"format":"lede-annotations","version":1,"schema":{"labels":[],"relationTypes":[]},"articles":[],"__proto__":{"x":1}}`)[0]).toMatchObject({
      field: '__proto__',
    });
    expect(run(`{"constructor":{"prototype":{}}}`)[0]!.message).toMatch(/not allowed/);
    expect(run(`${'['.repeat(100)}${']'.repeat(100)}`)[0]!.message).toMatch(/nested/);
    expect(run(' '.repeat(51 * 1024 * 1024))[0]!.message).toMatch(/larger than 50 MB/);
  });
});
