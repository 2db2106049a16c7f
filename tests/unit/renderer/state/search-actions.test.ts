import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../../src/core/api';
import { whenSaved } from '../../../../src/renderer/state/editor-history';
import { searchArticles } from '../../../../src/renderer/state/search-actions';
import { article, connectTo, FakeBackend } from './fake-backend';

const RESULTS: SearchResults = {
  hits: [{ articleId: 'a', title: 'a', start: 4, end: 12, before: 'The ', match: 'minister', after: ' said.', where: 'text' }],
  total: 1,
  stoppedEarly: false,
};

let sent: unknown[];
beforeEach(async () => {
  await whenSaved();
  const backend = new FakeBackend([article('a', 'The minister said.')]);
  connectTo(backend, 'a');
  sent = [];
  backend.api.searchArticles = async (args) => (sent.push(args), RESULTS);
});

describe('search actions (state/search-actions)', () => {
  it('asks for the query with its limit and gives the backend’s results', async () => {
    expect(await searchArticles('minister', 200)).toEqual(RESULTS);
    expect(sent).toEqual([{ query: 'minister', limit: 200 }]);
  });

  it('searches inside one label’s annotations only when a label is given (the empty choice is everywhere)', async () => {
    await searchArticles('"the deal"', 50, 'quote');
    await searchArticles('deal', 50, '');
    expect(sent).toEqual([
      { query: '"the deal"', limit: 50, label: 'quote' },
      { query: 'deal', limit: 50 },
    ]);
  });
});
