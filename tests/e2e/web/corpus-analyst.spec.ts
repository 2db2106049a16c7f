import { test, expect } from '../support/host';
import { importPortStrikePage } from '../support/news-article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, dragSelect, find, start, waitSaved } from './editor-helpers';

/**
 * The analyst's corpus, end to end: a saved news page imported with its details, its title
 * corrected, its text replaced by a corrected version pasted in, the review queue worked through
 * (re-attach, confirm, undo), the details used to find it in the list, and the article deleted
 * and restored from the trash with everything on it.
 */
test('import a news page, retitle it, paste a corrected text, re-attach and confirm in the review queue, undo, delete and restore', async ({ page, host }) => {
  await start(page, host);
  const header = await importPortStrikePage(page);
  const id = (await page.locator('.article-text').getAttribute('data-article-id'))!;

  // The title, corrected in the details panel.
  await header.getByRole('button', { name: 'Details…' }).click();
  const form = page.getByRole('form', { name: 'Article details' });
  await form.getByLabel('Title').fill('Dockers accept pay deal, ending port strike');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(header.locator('h1')).toHaveText('Dockers accept pay deal, ending port strike');

  // Two actors and a claim.
  const v1 = (await api<ArticleDoc>(page, host, 'getArticle', { id })).article.text;
  const popup = page.getByRole('toolbar', { name: 'Tag the selection' });
  for (const [quote, label] of [
    ['Peter Lindqvist', /^Actor/],
    ['Amir Haddad', /^Actor/],
    ['Dock workers at the country’s two largest container ports will return to work on Monday', /^Claim/],
  ] as const) {
    const at = find(v1, quote);
    await dragSelect(page, at.start, at.end);
    await popup.getByRole('button', { name: label }).click();
  }
  await expect(page.getByTestId('annotation-count')).toHaveText('3');
  await waitSaved(page);

  // The outlet corrects two names and a day; the analyst pastes its new version.
  const v2 = v1.replace('Peter Lindqvist', 'Peter Lindkvist').replace('Amir Haddad', 'Amir Hadad').replace('on Monday', 'on Tuesday');
  await header.getByRole('button', { name: 'Paste new text…' }).click();
  await page.getByLabel('The new version of the text').fill(v2);
  await page.getByRole('button', { name: 'Update text', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Text updated from pasted text.txt: 3 annotations re-anchored, 3 to review' })).toBeVisible();
  await expect(page.locator('.article-text')).toContainText('Amir Hadad of the Chamber');
  const queue = page.getByRole('region', { name: 'Annotations to review after the text update' });
  await expect(queue.getByRole('listitem')).toHaveCount(3);
  // A short name one letter off is never matched approximately: orphaned, not moved onto "Amir Hadad".
  const orphan = queue.getByRole('listitem').filter({ hasText: 'orphaned' });
  await expect(orphan).toContainText('Amir Haddad');
  await page.screenshot({ path: test.info().outputPath('corpus-review-queue.png') });

  // Re-attach the orphan: select the corrected name, press Re-attach.
  const hadad = find(v2, 'Amir Hadad');
  await dragSelect(page, hadad.start, hadad.end);
  await orphan.getByRole('button', { name: 'Re-attach' }).click();
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  await waitSaved(page);
  let doc = await api<ArticleDoc>(page, host, 'getArticle', { id });
  const reattached = doc.annotations.find((a) => a.quote === 'Amir Hadad')!;
  expect(reattached).toMatchObject({ label: 'actor', fragments: [hadad], attributes: {} });

  // Confirm the approximate matches.
  for (const name of ['Peter Lindkvist', 'return to work on Tuesday'])
    await queue.getByRole('listitem').filter({ hasText: name }).getByRole('button', { name: 'Confirm' }).click();
  await expect(queue).toBeHidden();
  await waitSaved(page);

  // Undo the last confirm and the re-attach: the claim is back to review, the actor orphaned on its old quote, with the same id.
  await page.locator('.article-text').click();
  await page.keyboard.press('Control+z');
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(queue.getByRole('listitem')).toHaveCount(3);
  await expect(queue.getByRole('listitem').filter({ hasText: 'orphaned' })).toContainText('Amir Haddad');
  await waitSaved(page);
  doc = await api<ArticleDoc>(page, host, 'getArticle', { id });
  expect(doc.article.text).toBe(v2);
  expect(doc.article.title).toBe('Dockers accept pay deal, ending port strike');
  expect(doc.annotations.find((a) => a.id === reattached.id)).toMatchObject({ quote: 'Amir Haddad', attributes: { reanchored: 'orphaned' } });

  // Found again by its details: the outlet filter and the newest-published sort.
  await page.getByLabel('Outlet').selectOption('The Harbour Courier');
  await expect(page.locator('.article-list .article-item')).toHaveCount(1);
  await page.getByLabel('Outlet').selectOption('');

  // Delete it, and restore it from the trash with its annotations and history.
  const row = page.locator(`.article-item[data-article-id="${id}"]`);
  await row.focus();
  await page.keyboard.press('Delete');
  await expect(row).toHaveCount(0);
  await page.getByRole('button', { name: /Trash/ }).click();
  await page.getByRole('button', { name: 'Restore Dockers accept pay deal, ending port strike' }).click();
  await expect(row).toBeVisible();
  const restored = await api<ArticleDoc>(page, host, 'getArticle', { id });
  expect(restored.annotations).toHaveLength(3);
  expect(restored.article.history?.map((v) => v.text)).toEqual([v1]);
});
