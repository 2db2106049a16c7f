import { createAnnotation } from '../../../src/core/edits/builders';
import type { SearchResults } from '../../../src/core/api';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { test, expect } from '../support/host';
import { api, start } from './editor-helpers';

/**
 * Search across articles as an analyst uses it: words in any order, a quoted phrase, a word of
 * a note under a label filter, results grouped per article and a count of what is not listed.
 */
test('search finds words in any order, phrases, notes by label, grouped with an "N more" line', async ({ page, host }) => {
  await start(page, host);
  const search = page.getByRole('searchbox', { name: 'Search all articles' });
  const results = page.getByRole('navigation', { name: 'Search results' });

  // Two words in reverse order find the articles naming "Vladimir Putin", each title once.
  // What the store finds, asked before the page searches: a newer search cancels one still running
  // (the analyst typed on), so asking while the page's own search starts would cut this one short.
  const expected = await api<SearchResults>(page, host, 'searchArticles', { query: 'putin vladimir' });
  expect(expected.stoppedEarly).toBe(false);
  await search.fill('putin vladimir');
  const articles = new Set(expected.hits.map((h) => h.articleId));
  expect(articles.size).toBeGreaterThan(1);
  await expect(results.locator('.search-group')).toHaveCount(articles.size);
  await expect(results.locator('.search-hit mark').first()).toHaveText(/putin|vladimir/i);
  const firstGroup = results.locator('.search-group').first();
  await expect(firstGroup.locator('.hit-title')).toHaveCount(1);
  expect(await firstGroup.locator('.search-hit').count()).toBeGreaterThan(1);
  await expect(firstGroup.locator('.search-hit .hit-title')).toHaveCount(0);

  // A quoted phrase is matched as a phrase only.
  await search.fill('"Vladimir Putin"');
  await expect(results.locator('.search-hit mark').first()).toHaveText(/^vladimir\s+putin$/i);
  await search.fill('"Putin Vladimir"');
  await expect(results.getByText('No article contains that.')).toBeVisible();

  // A word only in a note, found with the label filter set to that annotation's label.
  const [first] = await api<ArticleSummary[]>(page, host, 'listArticles');
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: first!.id });
  const made = createAnnotation(
    doc,
    { label: 'claim', fragments: [{ start: 0, end: 9 }], note: 'verify with the zanzibar desk' },
    { author: 'Ana Analyst', now: new Date().toISOString() },
  );
  if (!made.ok) throw new Error('the annotation could not be made');
  await api(page, host, 'applyEdit', { edit: { kind: 'doc', articleId: first!.id, command: made.value.command } });
  await page.getByRole('combobox', { name: 'Search in' }).selectOption({ label: 'In Quote' });
  await search.fill('zanzibar');
  await expect(results.getByText('No article contains that.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Search in' }).selectOption({ label: 'In Claim' });
  const noteHit = results.locator('.search-hit');
  await expect(noteHit).toHaveCount(1);
  await expect(noteHit).toContainText('Note');
  await expect(noteHit.locator('mark')).toHaveText('zanzibar');
  await noteHit.click();
  await expect(page.locator('.article-text')).toHaveAttribute('data-article-id', first!.id);

  // A common word: more matches than the first page, and the pane says how many more.
  await page.getByRole('combobox', { name: 'Search in' }).selectOption({ label: 'Everywhere' });
  const all = await api<SearchResults>(page, host, 'searchArticles', { query: 'in', limit: 200 });
  expect(all.stoppedEarly).toBe(false);
  expect(all.total).toBeGreaterThan(200);
  await search.fill('in');
  await expect(results.locator('.search-more')).toHaveText(new RegExp(`^${all.total - 200} more matches not listed`));
  await expect(results.locator('.pane-title .count')).toHaveText(String(all.total));
});
