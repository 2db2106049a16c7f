import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Annotation } from '../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { MAX_TERMS, parseQuery, searchDoc } from '../../../../src/core/search/article-search';

const NOW = '2026-01-01T00:00:00.000Z';

function annotation(id: string, label: string, start: number, end: number, note = ''): Annotation {
  return { id, label, fragments: [{ start, end }], quote: '', prefix: '', suffix: '', attributes: {}, note, author: 'me', created: NOW, modified: NOW };
}

function docOf(text: string, annotations: Annotation[] = []): ArticleDoc {
  return { article: { id: 'a1', title: 'T', source: 'seed', importedAt: NOW, hash: '0'.repeat(64), text }, annotations, relations: [] };
}

describe('parseQuery', () => {
  it('splits words, keeps quoted phrases whole (straight or curly), drops duplicates', () => {
    expect(parseQuery('minister  resign')).toEqual(['minister', 'resign']);
    expect(parseQuery('"prime minister" said Said')).toEqual(['prime minister', 'said']);
    expect(parseQuery('“prime   minister” “open')).toEqual(['prime minister', 'open']);
    expect(parseQuery('  "" ')).toEqual([]);
  });

  it('never yields more than MAX_TERMS terms', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (q) => parseQuery(q).length <= MAX_TERMS));
  });
});

describe('searchDoc', () => {
  const text = 'The minister said he would resign. Later the prime minister denied it.';

  it('finds words in any order, and needs every one of them', () => {
    const found = searchDoc(docOf(text), parseQuery('resign minister'), { limit: 100 });
    expect(found.hits.map((h) => h.match)).toEqual(['minister', 'resign', 'minister']);
    expect(found.count).toBe(3);
    expect(searchDoc(docOf(text), parseQuery('resign banana'), { limit: 100 }).count).toBe(0);
  });

  it('matches a quoted phrase only as a phrase', () => {
    expect(searchDoc(docOf(text), parseQuery('"prime minister"'), { limit: 100 }).hits.map((h) => h.start)).toEqual([text.indexOf('prime')]);
    expect(searchDoc(docOf(text), parseQuery('"minister prime"'), { limit: 100 }).count).toBe(0);
  });

  it('searches notes, pointing at the annotation', () => {
    const doc = docOf(text, [annotation('n1', 'claim', 4, 12, 'Check against the cabinet record')]);
    const found = searchDoc(doc, parseQuery('cabinet'), { limit: 100 });
    expect(found.hits).toHaveLength(1);
    expect(found.hits[0]).toMatchObject({ where: 'note', annotationId: 'n1', label: 'claim', start: 4, end: 12, match: 'cabinet' });
  });

  it('with a label, looks only inside annotations of that label: their text and notes', () => {
    const doc = docOf(text, [annotation('q1', 'quote', 0, 34, 'denial follows'), annotation('c1', 'claim', 35, text.length, 'cabinet')]);
    const inQuotes = searchDoc(doc, parseQuery('minister'), { label: 'quote', limit: 100 });
    expect(inQuotes.hits.map((h) => [h.start, h.annotationId])).toEqual([[4, 'q1']]);
    expect(searchDoc(doc, parseQuery('cabinet'), { label: 'quote', limit: 100 }).count).toBe(0);
    expect(searchDoc(doc, parseQuery('cabinet'), { label: 'claim', limit: 100 }).hits[0]?.where).toBe('note');
    expect(searchDoc(doc, parseQuery('minister'), { label: 'actor', limit: 100 }).count).toBe(0);
  });

  it('lists at most the limit but counts every match', () => {
    const found = searchDoc(docOf('a a a a a'), ['a'], { limit: 2 });
    expect(found.hits).toHaveLength(2);
    expect(found.count).toBe(5);
  });

  it('every listed text hit is the text at its offsets, in order', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab ]{0,60}$/), fc.stringMatching(/^[ab ]{1,8}$/), (t, q) => {
        const { hits } = searchDoc(docOf(t), parseQuery(q), { limit: 1000 });
        for (const h of hits) expect(t.slice(h.start, h.end)).toBe(h.match);
        for (let i = 1; i < hits.length; i++) expect(hits[i]!.start).toBeGreaterThanOrEqual(hits[i - 1]!.start);
      }),
    );
  });
});
