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
    expect(sent).toEqual([{ query: 'minister', limit: 200, caller: expect.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) }]);
  });

  it('names this window in every search, the same name each time (its newer search cancels only its own older one)', async () => {
    await searchArticles('minister', 10);
    await searchArticles('said', 10);
    const [first, second] = sent as { caller: string }[];
    expect(first!.caller).toBe(second!.caller);
  });

  it('searches inside one label’s annotations only when a label is given (the empty choice is everywhere)', async () => {
    await searchArticles('"the deal"', 50, 'quote');
    await searchArticles('deal', 50, '');
    expect(sent).toEqual([
      { query: '"the deal"', limit: 50, label: 'quote', caller: expect.any(String) },
      { query: 'deal', limit: 50, caller: expect.any(String) },
    ]);
  });
});
