import { readFileSync } from 'node:fs';
import { test, expect } from '../support/host';
import { api, start, waitSaved } from './editor-helpers';

const PAGE = readFileSync(new URL('../../fixtures/articles/news-page-meta.html', import.meta.url));

test('a saved news page brings its details; the analyst corrects the title and undo restores it', async ({ page, host }) => {
  await start(page, host);
  await page.getByTestId('import-articles-input').setInputFiles([{ name: 'port-strike.html', mimeType: 'text/html', buffer: PAGE }]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article' })).toBeVisible();
  await page.locator('.article-item', { hasText: 'Port strike ends after ministers agree pay deal' }).click();
  const header = page.locator('.article-header');
  await expect(header.locator('.article-dateline')).toHaveText('The Harbour Courier · Jane Okafor · 2025-03-14');

  await header.getByRole('button', { name: 'Details…' }).click();
  const form = page.getByRole('form', { name: 'Article details' });
  await expect(form.getByLabel('URL')).toHaveValue('https://www.harbourcourier.example/news/2025/03/14/port-strike-ends-pay-deal');
  await expect(form.getByLabel('Language')).toHaveValue('en-GB');
  await expect(form.getByLabel('Tags')).toHaveValue('Ports, Strikes');

  // A bad value is shown by its field and changes nothing.
  await form.getByLabel('Published').fill('last Friday');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form.getByRole('alert')).toContainText('The published date must be a date such as 2026-12-02');
  await form.getByLabel('Published').fill('2025-03-14');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByLabel('Title').fill('Port strike ends: dockers accept pay deal');
  await form.getByLabel('Tags').fill('Ports, Strikes, Labour');
  await page.screenshot({ path: test.info().outputPath('article-info.png') });
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form).toBeHidden();
  await expect(header.locator('h1')).toHaveText('Port strike ends: dockers accept pay deal');
  await expect(page.locator('.article-item', { hasText: 'Port strike ends: dockers accept pay deal' })).toBeVisible();
  await waitSaved(page);
  const id = (await page.locator('.article-text').getAttribute('data-article-id'))!;
  const stored = await api<{ article: { title: string; tags: string[] } }>(page, host, 'getArticle', { id });
  expect(stored.article).toMatchObject({ title: 'Port strike ends: dockers accept pay deal', tags: ['Ports', 'Strikes', 'Labour'] });

  await page.locator('.article-text').click();
  await page.keyboard.press('Control+z');
  await expect(header.locator('h1')).toHaveText('Port strike ends after ministers agree pay deal');
  await waitSaved(page);
  const undone = await api<{ article: { title: string; tags: string[] } }>(page, host, 'getArticle', { id });
  expect(undone.article).toMatchObject({ title: 'Port strike ends after ministers agree pay deal', tags: ['Ports', 'Strikes'] });
});
