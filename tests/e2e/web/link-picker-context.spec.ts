import { test, expect } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, dragSelect, find, openArticle, start, waitSaved } from './editor-helpers';

const SEED_TITLE = 'President Donald Trump said Monday';

/**
 * Two actors both read "Putin" (paragraphs 3 and 5 of the seed article). Linking a quote, the
 * analyst sees in the picker where each one is — its paragraph and the words around it — picks
 * the one in paragraph 5 by that, and the link goes to that one. A name that occurs once shows
 * no context (nothing to tell apart).
 */
test('the link picker tells apart two candidates with the same name by paragraph and context', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).article.text;
  const hosted = find(text, 'Putin', text.indexOf('he hosted Putin'));
  const animosity = find(text, 'Putin', text.indexOf('animosity between Putin'));
  const zelenskyy = find(text, 'Zelenskyy', text.indexOf('animosity between Putin'));
  for (const r of [hosted, animosity, zelenskyy]) {
    await dragSelect(page, r.start, r.end);
    await page.keyboard.press('3');
    await page.keyboard.press('Escape');
  }
  const quote = find(text, '“They do not exactly get on well,”');
  await dragSelect(page, quote.start, quote.end);
  await page.keyboard.press('2');
  await waitSaved(page);

  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: 'Link this Quote' });
  await expect(picker).toBeVisible();
  const putins = picker.getByRole('option').filter({ has: page.locator('.link-text', { hasText: /^Putin$/ }) });
  await expect(putins).toHaveCount(2);
  const contexts = await putins.getByTestId('link-context').allTextContents();
  expect(contexts).toHaveLength(2);
  expect(contexts.some((c) => c.startsWith('¶3') && c.includes('he hosted Putin in Alaska'))).toBe(true);
  expect(contexts.some((c) => c.startsWith('¶5') && c.includes('animosity between Putin and Zelenskyy'))).toBe(true);
  const zelenskyyOption = picker.getByRole('option').filter({ has: page.locator('.link-text', { hasText: /^Zelenskyy$/ }) });
  await expect(zelenskyyOption).toHaveCount(1);
  await expect(zelenskyyOption.getByTestId('link-context')).toHaveCount(0);

  await page.screenshot({ path: test.info().outputPath('picker.png') });
  await putins.filter({ hasText: '¶5' }).click();
  await waitSaved(page);
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  const target = doc.annotations.find((a) => a.id === doc.relations[0]?.to);
  expect(doc.relations).toHaveLength(1);
  expect(target?.fragments[0]).toEqual({ start: animosity.start, end: animosity.end });
});
