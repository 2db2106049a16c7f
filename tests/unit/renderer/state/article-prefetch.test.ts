import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LedeApi } from '../../../../src/core/api';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { countingWrites, startPrefetch, takePrefetched } from '../../../../src/renderer/state/article-prefetch';
import { article } from './fake-backend';

/** A backend whose getArticle counts its calls and whose applyEdit settles when told to. */
function backend() {
  const fetched: string[] = [];
  let settle: () => void = () => {};
  const raw = {
    getArticle: ({ id }: { id: string }) => {
      fetched.push(id);
      return Promise.resolve<ArticleDoc>(article(id, `text of ${id}`));
    },
    applyEdit: () => new Promise<void>((done) => (settle = done)),
  } as unknown as LedeApi;
  return { api: countingWrites(raw), fetched, settle: () => settle() };
}

describe('article prefetch', () => {
  afterEach(() => vi.useRealTimers());

  it('hands a prefetched article to the open once, asking the host once', async () => {
    const { api, fetched } = backend();
    startPrefetch(api, 'a');
    startPrefetch(api, 'a');
    const doc = takePrefetched('a');
    expect((await doc)?.article.id).toBe('a');
    expect(fetched).toEqual(['a']);
    expect(takePrefetched('a')).toBeNull();
  });

  it('never hands out a prefetch asked for before, or while, a write', async () => {
    const { api, settle } = backend();
    startPrefetch(api, 'a');
    const write = api.applyEdit({} as never);
    expect(takePrefetched('a')).toBeNull();
    // Asked for while the write is on its way: the host may answer with the text before it.
    startPrefetch(api, 'b');
    settle();
    await write;
    expect(takePrefetched('b')).toBeNull();
    // After it: good.
    startPrefetch(api, 'c');
    expect(takePrefetched('c')).not.toBeNull();
  });

  it('lets reads through without making prefetches stale', async () => {
    const { api } = backend();
    startPrefetch(api, 'a');
    await api.getArticle({ id: 'other' });
    expect(takePrefetched('a')).not.toBeNull();
  });

  it('does not hand out a prefetch older than ten seconds', () => {
    vi.useFakeTimers();
    const { api } = backend();
    startPrefetch(api, 'a');
    vi.advanceTimersByTime(10_001);
    expect(takePrefetched('a')).toBeNull();
  });
});
