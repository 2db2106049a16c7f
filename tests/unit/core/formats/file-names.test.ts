import { describe, expect, it } from 'vitest';
import { articleFileNames } from '../../../../src/core/formats/file-names';
import type { ArticleDoc } from '../../../../src/core/model/document';

/** The one maker of per-article file names, shared by brat projects and one-file-per-article exports. */
const doc = (id: string, source: string) => ({ article: { id, source } }) as unknown as ArticleDoc;

describe('articleFileNames', () => {
  it('uses the source name without its extension, made safe; the id where nothing usable is left', () => {
    expect(articleFileNames([doc('a1', 'folder/Rally speech.md'), doc('a2', 'x/../..'), doc('a3', 'C:\\news\\report.HTML'), doc('a4', '___.txt')])).toEqual([
      'Rally_speech',
      'a2',
      'report',
      'a4',
    ]);
  });

  it('adds the id to a name another article already has, also when they differ only in case', () => {
    expect(articleFileNames([doc('a1', 'news.txt'), doc('a2', 'News.md'), doc('a3', 'news.json')])).toEqual(['news', 'News-a2', 'news-a3']);
  });
});
