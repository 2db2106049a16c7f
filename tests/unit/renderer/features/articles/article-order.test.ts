import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ArticleSummary } from '../../../../../src/core/model/article';
import { orderArticles } from '../../../../../src/renderer/features/articles/article-order';

const summary = (id: string, title: string, source: string, annotationCount = 0): ArticleSummary => ({
  id, title, source, importedAt: '2026-01-01T00:00:00.000Z', hash: id, length: 10, annotationCount, authors: {},
});

const list = [summary('a', 'Zelensky meets envoys', 'kyiv-10.txt', 3), summary('b', 'Élections in Lyon', 'lyon.md', 9), summary('c', 'article 2', 'x2.txt', 3), summary('d', 'article 10', 'x10.txt', 0)];

describe('orderArticles', () => {
  it('keeps the host order for date imported', () => {
    expect(orderArticles(list, 'imported', '').map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('sorts titles naturally, ignoring case and accents', () => {
    expect(orderArticles(list, 'title', '').map((a) => a.title)).toEqual(['article 2', 'article 10', 'Élections in Lyon', 'Zelensky meets envoys']);
  });
  it('sorts by annotation count, most first, ties in import order', () => {
    expect(orderArticles(list, 'annotations', '').map((a) => a.id)).toEqual(['b', 'a', 'c', 'd']);
  });
  it('filters on every word, in title or file name, case- and accent-insensitive', () => {
    expect(orderArticles(list, 'imported', 'elections').map((a) => a.id)).toEqual(['b']);
    expect(orderArticles(list, 'imported', 'KYIV zelensky').map((a) => a.id)).toEqual(['a']);
    expect(orderArticles(list, 'imported', 'article lyon')).toEqual([]);
    expect(orderArticles(list, 'imported', '  ').length).toBe(4);
  });
  it('never loses or duplicates an article, whatever the sort', () => {
    const arb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1 }), title: fc.string(), n: fc.nat(5) }), { selector: (r) => r.id });
    fc.assert(
      fc.property(arb, fc.constantFrom('imported', 'title', 'annotations' as const), (rows, sort) => {
        const input = rows.map((r) => summary(r.id, r.title, 'f.txt', r.n));
        const out = orderArticles(input, sort, '');
        expect(out.map((a) => a.id).sort()).toEqual(input.map((a) => a.id).sort());
        expect(orderArticles(out, sort, '').map((a) => a.id)).toEqual(out.map((a) => a.id));
      }),
    );
  });
});
