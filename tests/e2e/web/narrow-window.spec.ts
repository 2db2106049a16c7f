import type { Page } from '@playwright/test';
import { test, expect } from '../support/host';
import { openArticle, start } from './editor-helpers';
import { SEED_TITLE, tagSeedArticle } from './seed-tags';

/**
 * The smallest window Lede supports, 1024 × 700: nothing is cut off or scrolls sideways, every
 * top-bar control is on screen and usable, the article list is a drawer behind an Articles
 * button, and the review view fits too. Wide windows keep the reading column's measure.
 */

/** Elements whose content is wider than their box (and that do not scroll it on purpose). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    const boxes = '.topbar, .topbar *, .workspace, .review-view, .review-toolbar, .review-body, .review-items, .review-items-head, .review-right';
    for (const el of document.querySelectorAll<HTMLElement>(boxes)) {
      const style = getComputedStyle(el);
      if (style.overflowX === 'auto' || style.overflowX === 'scroll' || style.textOverflow === 'ellipsis') continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className || el.tagName} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });
}

/** Every button of the top bar lies wholly inside the window. */
async function expectTopBarReachable(page: Page) {
  const buttons = page.locator('.topbar button:visible');
  const size = page.viewportSize()!;
  expect(await buttons.count()).toBeGreaterThanOrEqual(8);
  for (const button of await buttons.all()) {
    const box = (await button.boundingBox())!;
    const name = (await button.getAttribute('aria-label')) ?? (await button.textContent());
    expect(box.x, name!).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, name!).toBeLessThanOrEqual(size.width);
    expect(box.y + box.height, name!).toBeLessThanOrEqual(size.height);
  }
}

test('at 1024 × 700 every control is reachable, nothing overflows, and the articles are a drawer', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await start(page, host);
  await expect(page.locator('.left-pane')).toBeHidden();
  const toggle = page.getByRole('button', { name: 'Articles', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const articleId = await openArticle(page, SEED_TITLE);
  // Opening an article closes the drawer: the text gets the room.
  await expect(page.locator('.left-pane')).toBeHidden();
  await tagSeedArticle(page, host, articleId, 'Ben Colleague');
  const doc = await tagSeedArticle(page, host, articleId);
  await page.reload();
  await expect(page.getByTestId('annotation-count')).toHaveText(String(doc.annotations.length));

  expect(await overflowing(page)).toEqual([]);
  await expectTopBarReachable(page);
  // The text, the sidebar and the top bar share the window without covering one another.
  const text = (await page.locator('.article-text').boundingBox())!;
  const sidebar = (await page.locator('.sidebar').boundingBox())!;
  expect(text.x + text.width).toBeLessThanOrEqual(sidebar.x);
  expect(sidebar.x + sidebar.width).toBeLessThanOrEqual(1024);
  expect(text.width).toBeGreaterThan(400);
  await page.screenshot({ path: test.info().outputPath('editor-1024.png') });

  // Search opens the drawer (Ctrl+Shift+F) and Escape closes it again.
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByRole('searchbox', { name: 'Search all articles' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('drawer-1024.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.locator('.left-pane')).toBeHidden();

  // Every top-bar button works from here: Settings and the shortcuts open their dialogs.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.locator('.review-view')).toBeVisible();
  await page.getByLabel('Layer B').selectOption('Ben Colleague');
  await page.getByLabel('Which items to list').selectOption('all');
  await expect(page.locator('.review-item').first()).toBeVisible();
  await page.locator('.review-item').first().click();
  await expect(page.locator('.review-card')).toBeVisible();
  expect(await overflowing(page)).toEqual([]);
  await expectTopBarReachable(page);
  const reviewText = (await page.locator('.review-text-scroll').boundingBox())!;
  expect(reviewText.width).toBeGreaterThan(380);
  await page.screenshot({ path: test.info().outputPath('review-1024.png') });
  await page.getByLabel('Scope').selectOption('workspace');
  await expect(page.locator('.review-articles')).toBeVisible();
  expect(await overflowing(page)).toEqual([]);
  expect((await page.locator('.review-text-scroll').boundingBox())!.width).toBeGreaterThan(300);
  await page.screenshot({ path: test.info().outputPath('review-workspace-1024.png') });
});

test('on a wide window the three panes show and the reading column keeps its measure', async ({ page, host }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await start(page, host);
  await expect(page.locator('.left-pane')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Articles', exact: true })).toBeHidden();
  await openArticle(page, SEED_TITLE);
  const measure = await page.locator('.article-text').evaluate((el) => el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize));
  expect(measure).toBeLessThanOrEqual(46.5);
  expect(await overflowing(page)).toEqual([]);
});
