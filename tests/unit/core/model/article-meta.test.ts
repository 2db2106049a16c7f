import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../../../src/core/model/article';
import { ArticleMetaSchema, cleanArticleMeta, META_LIMITS, normalisePublished } from '../../../../src/core/model/article-meta';

const article = { id: 'a_1', title: 'T', source: 's.txt', importedAt: '2026-12-02T00:00:00.000Z', hash: 'a'.repeat(64), text: 'T' };

describe('article metadata', () => {
  it('is optional: an article stored before issue 17 reads unchanged', () => {
    expect(ArticleSchema.parse(article)).toEqual(article);
  });

  it('validates each field with a message an analyst understands', () => {
    expect(ArticleSchema.safeParse({ ...article, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(ArticleSchema.safeParse({ ...article, published: 'last Tuesday' }).success).toBe(false);
    expect(ArticleSchema.safeParse({ ...article, language: 'English please' }).success).toBe(false);
    expect(ArticleSchema.safeParse({ ...article, tags: Array(META_LIMITS.tags + 1).fill('x') }).success).toBe(false);
    const bad = ArticleMetaSchema.safeParse({ published: 'soon' });
    expect(bad.success || bad.error.issues[0]!.message).toContain('must be a date such as 2026-12-02');
    expect(
      ArticleSchema.parse({
        ...article,
        outlet: 'Le Monde',
        url: 'https://lemonde.fr/a',
        byline: 'A. B.',
        published: '2026-12-02T09:30Z',
        language: 'fr',
        tags: ['EU'],
      }),
    ).toMatchObject({ outlet: 'Le Monde' });
  });

  it('cleans what files offer: trims, drops "By", normalises dates and locales, dedupes tags, drops the malformed', () => {
    expect(
      cleanArticleMeta({
        outlet: '  The  Courier ',
        url: '/relative/path',
        byline: 'By Jane Okafor',
        published: 'Tue, 02 Dec 2026 09:30:00 GMT',
        language: 'en_GB',
        tags: ['Ports', ' ports ', '', null, 'Strikes'],
      }),
    ).toEqual({ outlet: 'The Courier', byline: 'Jane Okafor', published: '2026-12-02T09:30:00Z', language: 'en-GB', tags: ['Ports', 'Strikes'] });
    expect(cleanArticleMeta({ outlet: '', url: null, published: 'yesterday', language: '??' })).toEqual({});
    expect(normalisePublished('2025-03-14 09:30:00+00:00')).toBe('2025-03-14T09:30:00+00:00');
    expect(normalisePublished('2025-03-14')).toBe('2025-03-14');
  });

  it('always yields metadata the schema accepts, whatever the file offered', () => {
    const s = fc.option(fc.string({ maxLength: 3000 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          outlet: s,
          url: s,
          byline: s,
          published: s,
          language: s,
          tags: fc.option(fc.array(fc.string({ maxLength: 200 }), { maxLength: 80 }), { nil: undefined }),
        }),
        (raw) => {
          expect(ArticleMetaSchema.safeParse(cleanArticleMeta(raw)).success).toBe(true);
        },
      ),
    );
  });
});
