import { test, expect } from '../support/host';
import { importPortStrikePage } from '../support/news-article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, dragSelect, find, openArticle, start, waitSaved } from './editor-helpers';

test('a saved news page brings its details; the analyst corrects the title and undo restores it', async ({ page, host }) => {
  await start(page, host);
  const header = await importPortStrikePage(page);

  await header.getByRole('button', { name: 'Details…' }).click();
  const form = page.getByRole('form', { name: 'Article details' });
  // The title has the focus and reads from its first word (caret at the start, not scrolled to the end).
  const titleField = form.getByLabel('Title');
  await expect(titleField).toBeFocused();
  expect(await titleField.evaluate((el: HTMLInputElement) => [el.selectionStart, el.scrollLeft])).toEqual([0, 0]);
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

const V1 =
  'Port strike ends\n\nDock workers returned on Friday after a deal with the port authority.\n\nThe union leader Ana Ruiz called it a victory for every member.';
const V2 = 'Port strike ends\n\nUpdated at 18:00.\n\nDock workers returned on Friday after a pay deal with the port authority.';

test('updating the text with a corrected version re-anchors the annotations; the review queue confirms or deletes each', async ({ page, host }) => {
  await start(page, host);
  await page.getByTestId('import-articles-input').setInputFiles([{ name: 'strike.txt', mimeType: 'text/plain', buffer: Buffer.from(V1) }]);
  await openArticle(page, 'Port strike ends');
  const popup = page.getByRole('toolbar', { name: 'Tag the selection' });
  for (const quote of ['returned on Friday after a deal with the port authority', 'Ana Ruiz called it a victory']) {
    const at = find(V1, quote);
    await dragSelect(page, at.start, at.end);
    await popup.getByRole('button', { name: /^Claim/ }).click();
  }
  await expect(page.getByTestId('annotation-count')).toHaveText('2');
  await waitSaved(page);

  await page.getByTestId('update-text-input').setInputFiles([{ name: 'strike-corrected.txt', mimeType: 'text/plain', buffer: Buffer.from(V2) }]);
  await expect(page.getByRole('status').filter({ hasText: 'Text updated from strike-corrected.txt: 2 annotations re-anchored, 2 to review' })).toBeVisible();
  await expect(page.locator('.article-text')).toContainText('Updated at 18:00.');
  const queue = page.getByRole('region', { name: 'Annotations to review after the text update' });
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  await expect(queue).toContainText('needs review');
  await expect(queue).toContainText('orphaned');
  await expect(queue.getByRole('listitem').first()).toContainText('Claim');
  await page.screenshot({ path: test.info().outputPath('review-queue.png') });

  await queue.getByRole('listitem').filter({ hasText: 'needs review' }).getByRole('button', { name: 'Confirm' }).click();
  await queue.getByRole('listitem').filter({ hasText: 'orphaned' }).getByRole('button', { name: 'Delete' }).click();
  await expect(queue).toBeHidden();
  await expect(page.getByTestId('annotation-count')).toHaveText('1');
  await waitSaved(page);
  const id = (await page.locator('.article-text').getAttribute('data-article-id'))!;
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id });
  expect(doc.article.text).toBe(V2);
  expect(doc.annotations.map((a) => [a.quote, a.attributes])).toEqual([['returned on Friday after a pay deal with the port authority', {}]]);
});
