import { test, expect } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, dragSelect, find, openArticle, start } from './editor-helpers';
import { SEED_TITLE } from './seed-tags';

/**
 * Counts read as English ("1 annotation", never "1 annotations" or "annotation(s)"), and
 * tooltips promise only shortcuts that work here: in the browser the menu's Ctrl+O, Ctrl+Shift+O,
 * Ctrl+E and Ctrl+Shift+R belong to the browser, so they are not offered.
 */
test('one annotation is "1 annotation", and browser tooltips offer only keys the page handles', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  await expect(page.locator('.article-header')).toContainText('0 annotations');

  const { start: s, end } = find(doc.article.text, 'President Donald Trump');
  await dragSelect(page, s, end);
  await page.keyboard.press('3');
  await expect(page.locator('.article-header')).toContainText(/· 1 annotation ·/);
  await expect(page.locator('.article-item.current .article-count')).toHaveAttribute('title', '1 annotation');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo new annotation (Ctrl+Z)');

  // Shortcuts the page itself handles are named, with this computer's key names…
  await expect(page.getByRole('button', { name: 'Settings' })).toHaveAttribute('title', 'Settings (Ctrl+,)');
  await expect(page.getByRole('searchbox', { name: 'Search all articles' })).toHaveAttribute('title', 'Search all articles (Ctrl+Shift+F)');
  // …the desktop menu's are not promised in the browser.
  await expect(page.getByRole('button', { name: 'Import articles…' })).toHaveAttribute('title', 'Import articles');
  await expect(page.getByRole('button', { name: 'Import annotations…' })).toHaveAttribute('title', "Import a colleague's annotations as a layer");
  await expect(page.getByRole('button', { name: 'Export…' })).toHaveAttribute('title', 'Export annotations');
  await expect(page.getByRole('button', { name: 'Review' })).toHaveAttribute('title', 'Review two layers and measure agreement');
  for (const title of await page.locator('[title]').evaluateAll((els) => els.map((e) => e.getAttribute('title')!))) {
    expect(title).not.toMatch(/Ctrl\/Cmd|\(s\)|desktop app/);
  }
});
