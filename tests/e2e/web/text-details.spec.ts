import type { Page } from '@playwright/test';
import { test, expect } from '../support/host';
import { tagPhrase } from '../support/tagging';
import { clickAt, openArticle, start, startOnArticle } from './editor-helpers';
import { SEED_TITLE, tagSeedArticle } from './seed-tags';

/**
 * Small texts a first-time analyst reads: counts in the singular when there is one ("1 annotation
 * in 1 article uses …"), the search field's placeholder whole in its box at both window sizes,
 * and two layers' copies of one span told apart by author where the editor lists spans.
 */

/** How much of the placeholder does not fit the field's content box (0 when it fits). */
async function placeholderOverflow(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return Math.max(0, canvas.measureText(input.placeholder).width - room);
  });
}

test('one of a thing is said in the singular in Settings’ removal questions', async ({ page, host }) => {
  const { text } = await startOnArticle(page, host, SEED_TITLE);
  await tagPhrase(page, text, 'he is uncertain', '1');

  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Remove Claim' }).click();
  await expect(settings.getByRole('group', { name: 'Remove Claim' })).toContainText('1 annotation in 1 article uses “Claim”. What should happen to it?');
  await expect(settings.getByRole('button', { name: 'Delete it and remove' })).toBeVisible();
  await settings.getByRole('group', { name: 'Remove Claim' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(settings.locator('[data-label-id="event"]')).toContainText('Event');
  await expect(settings.locator('[data-label-id="claim"]')).toContainText('Span');
});

test('the search placeholder fits its field at 1360×900 and in the 1024×700 drawer', async ({ page, host }) => {
  await start(page, host);
  expect(await placeholderOverflow(page, 'input[placeholder="Search all articles"]')).toBe(0);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: 'Articles', exact: true }).click();
  await expect(page.locator('input[placeholder="Search all articles"]')).toBeVisible();
  expect(await placeholderOverflow(page, 'input[placeholder="Search all articles"]')).toBe(0);
});

test('two layers’ copies of one span show their authors in the span chooser', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const doc = await tagSeedArticle(page, host, articleId, 'Ben Colleague');
  await tagSeedArticle(page, host, articleId);
  await page.reload();
  await openArticle(page, SEED_TITLE);
  const quote = doc.annotations.find((a) => a.label === 'quote')!;
  await clickAt(page, quote.fragments[0]!.start + 2);
  const chooser = page.getByRole('menu', { name: 'Spans here' });
  await expect(chooser.getByRole('menuitemradio')).toHaveCount(2);
  await expect(chooser.getByRole('menuitemradio', { name: /· Ana Analyst$/ })).toHaveCount(1);
  await expect(chooser.getByRole('menuitemradio', { name: /· Ben Colleague$/ })).toHaveCount(1);
});
