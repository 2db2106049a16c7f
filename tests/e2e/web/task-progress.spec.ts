import type { Route } from '@playwright/test';
import { test, expect } from '../support/host';
import { openArticle, start } from './editor-helpers';
import { SEED_TITLE, tagSeedArticle } from './seed-tags';

/**
 * Work that can take more than a second shows the one progress bar with Cancel: an export (in
 * its dialog, since the page under a modal is inert) and agreement over the workspace (in the
 * corner). The host's answer is held back here so the work lasts as long as the test needs;
 * a cancelled export saves nothing, a cancelled agreement offers to compute again.
 */
test('an export that takes a while shows a bar with Cancel; cancelled, nothing is saved; then it exports', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const doc = await tagSeedArticle(page, host, articleId);
  await page.reload();
  await openArticle(page, SEED_TITLE);
  const held: Route[] = [];
  await page.route('**/api/exportAnnotations', (route) => void held.push(route));
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const bar = dialog.getByTestId('progress');
  await expect(bar).toContainText('Exporting');
  await expect(bar.getByRole('progressbar', { name: 'Exporting' })).toBeVisible();
  await expect(page.getByTestId('progress')).toHaveCount(1); // one bar: the corner one stays away
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toContainText('Stopping…');
  await expect.poll(() => held.length).toBe(1);
  await held[0]!.continue();
  await expect(page.getByText('Export cancelled; nothing was saved.')).toBeVisible();
  await expect(bar).toBeHidden();
  expect(downloads).toEqual([]);

  await page.unroute('**/api/exportAnnotations');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('annotations.lede.json');
  await expect(page.getByText(`Exported ${doc.annotations.length} annotations of 1 article as annotations.lede.json`)).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Export report' })).toContainText(`${doc.annotations.length} annotations, 1 article.`);
});

test('agreement that takes a while shows a bar with Cancel; cancelled, the panel offers to compute again', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  await tagSeedArticle(page, host, articleId, 'Ben Colleague');
  await tagSeedArticle(page, host, articleId);
  await page.reload();
  const held: Route[] = [];
  await page.route('**/api/agreementReport', (route) => void held.push(route));

  await openArticle(page, SEED_TITLE);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const review = page.getByRole('main', { name: 'Review' });
  await review.getByRole('tab', { name: 'Agreement' }).click();
  const bar = page.getByTestId('progress');
  await expect(bar).toContainText('Agreement');
  await expect(bar.getByRole('progressbar', { name: 'Agreement' })).toBeVisible();
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => held.length).toBe(1);
  await held[0]!.continue();
  await expect(bar).toBeHidden();
  await expect(review.getByText('Cancelled.')).toBeVisible();
  await expect(review.getByTestId('agreement-summary')).toBeHidden();

  await page.unroute('**/api/agreementReport');
  await review.getByRole('button', { name: 'Compute again' }).click();
  await expect(review.getByTestId('agreement-summary')).toContainText('2 annotators · 1 document compared');
});
