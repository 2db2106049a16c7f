import { test, expect } from '../support/host';

test('the article list sorts, filters, deletes two articles, restores one, and renames', async ({ page, host }) => {
  await page.goto(host.url);
  const items = page.locator('.article-list .article-item');
  await expect(items).toHaveCount(5);

  // Filter by file name, then clear with Escape.
  const filter = page.getByLabel('Filter articles by title or file');
  await filter.fill('002_fd8699');
  await expect(items).toHaveCount(1);
  await expect(page.locator('.pane-title .count').first()).toHaveText('1 of 5');
  await filter.press('Escape');
  await expect(items).toHaveCount(5);

  // Sort by title: the titles come in alphabetical order.
  await page.getByLabel('Sort articles').selectOption('title');
  const titles = await page.locator('.article-item .article-title').allTextContents();
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })));
  await page.getByLabel('Sort articles').selectOption('imported');

  // Open one, Ctrl-click a second (the open one counts as selected), and delete both.
  const first = (await items.nth(1).getAttribute('data-article-id'))!;
  const second = (await items.nth(2).getAttribute('data-article-id'))!;
  await items.nth(1).click();
  await items.nth(2).click({ modifiers: ['Control'] });
  await expect(page.locator('.article-selection')).toContainText('2 articles selected');
  await page.locator('.article-selection').getByRole('button', { name: 'Delete' }).click();
  await expect(items).toHaveCount(3);
  await page.getByRole('button', { name: /Trash/ }).click();
  await expect(page.locator('.trash-item')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('article-list-trash.png') });

  // Restore one: it is back in the list, the other stays in the trash.
  await page.locator('.trash-item').first().getByRole('button', { name: 'Restore' }).click();
  await expect(items).toHaveCount(4);
  await expect(page.locator('.trash-item')).toHaveCount(1);
  const listed = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
  expect(listed.filter((id) => id === first || id === second)).toHaveLength(1);

  // Rename with F2: the new title shows in the list and survives a reload.
  await items.nth(0).focus();
  await page.keyboard.press('F2');
  const field = page.getByLabel('Article title');
  await field.fill('Renamed by the analyst');
  await field.press('Enter');
  await expect(items.nth(0)).toContainText('Renamed by the analyst');
  await page.reload();
  await expect(page.locator('.article-item', { hasText: 'Renamed by the analyst' })).toHaveCount(1);
  await expect(page.locator('.article-list .article-item')).toHaveCount(4);
});
