import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ArticleSummary } from '../../../../../src/core/model/article';
import { filterChoices, orderArticles, type ArticleSort } from '../../../../../src/renderer/features/articles/article-order';

const summary = (id: string, title: string, source: string, annotationCount = 0): ArticleSummary => ({
  id,
  title,
  source,
  importedAt: '2026-01-01T00:00:00.000Z',
  hash: id,
  length: 10,
  annotationCount,
  authors: {},
});

const list = [
  summary('a', 'Zelensky meets envoys', 'kyiv-10.txt', 3),
  summary('b', 'Élections in Lyon', 'lyon.md', 9),
  summary('c', 'article 2', 'x2.txt', 3),
  summary('d', 'article 10', 'x10.txt', 0),
];

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
      fc.property(arb, fc.constantFrom<ArticleSort>('imported', 'title', 'annotations', 'published', 'outlet', 'changed'), (rows, sort) => {
        const input = rows.map((r) => summary(r.id, r.title, 'f.txt', r.n));
        const out = orderArticles(input, sort, '');
        expect(out.map((a) => a.id).sort()).toEqual(input.map((a) => a.id).sort());
        expect(orderArticles(out, sort, '').map((a) => a.id)).toEqual(out.map((a) => a.id));
      }),
    );
  });
});

describe('orderArticles with metadata', () => {
  const meta = (id: string, extra: Partial<ArticleSummary>): ArticleSummary => ({ ...summary(id, `Story ${id}`, `${id}.html`), ...extra });
  const news = [
    meta('p', {
      outlet: 'The Harbour Courier',
      published: '2025-03-14T09:30:00+00:00',
      tags: ['Ports', 'Strikes'],
      byline: 'Jane Okafor',
      changedAt: '2026-01-05T10:00:00.000Z',
    }),
    meta('q', { outlet: 'Daily Ledger', published: '2025-03-02', tags: ['ports'], changedAt: '2026-01-09T10:00:00.000Z' }),
    meta('r', { changedAt: '2026-01-07T10:00:00.000Z' }),
    meta('s', { outlet: 'the harbour courier', published: '2025-04-01T23:30+02:00', tags: ['Elections'] }),
  ];
  const ids = (rows: ArticleSummary[]) => rows.map((a) => a.id);
  it('sorts by date published (newest first), outlet and last change, articles without the field last', () => {
    expect(ids(orderArticles(news, 'published', ''))).toEqual(['s', 'p', 'q', 'r']);
    expect(ids(orderArticles(news, 'outlet', ''))).toEqual(['q', 'p', 's', 'r']);
    // No changedAt (an older summary): its import time stands in.
    expect(ids(orderArticles(news, 'changed', ''))).toEqual(['q', 'r', 'p', 's']);
  });
  it('filters by outlet and tag (any case), and by a published date range, ends included', () => {
    expect(ids(orderArticles(news, 'imported', '', { outlet: 'THE HARBOUR COURIER' }))).toEqual(['p', 's']);
    expect(ids(orderArticles(news, 'imported', '', { tag: 'Ports' }))).toEqual(['p', 'q']);
    expect(ids(orderArticles(news, 'imported', '', { from: '2025-03-02', to: '2025-03-14' }))).toEqual(['p', 'q']);
    // The day as the page gave it, not shifted to UTC.
    expect(ids(orderArticles(news, 'imported', '', { from: '2025-04-01' }))).toEqual(['s']);
    expect(ids(orderArticles(news, 'imported', '', { to: '2025-03-01' }))).toEqual([]);
    expect(ids(orderArticles(news, 'imported', 'ports', { outlet: 'Daily Ledger' }))).toEqual(['q']);
  });
  it('finds the words in the outlet, byline and tags too', () => {
    expect(ids(orderArticles(news, 'imported', 'okafor'))).toEqual(['p']);
    expect(ids(orderArticles(news, 'imported', 'ledger'))).toEqual(['q']);
    expect(ids(orderArticles(news, 'imported', 'elections'))).toEqual(['s']);
  });
  it('offers each outlet and tag once for the filter menus', () => {
    expect(filterChoices(news)).toEqual({ outlets: ['Daily Ledger', 'The Harbour Courier'], tags: ['Elections', 'Ports', 'Strikes'] });
  });
});
