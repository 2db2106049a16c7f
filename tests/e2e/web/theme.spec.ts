import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/host';
import { contrastRatio, type Rgb } from '../../../src/core/model/contrast';
import { clickAt, find, openArticle, start } from './editor-helpers';
import { SEED_TITLE, tagSeedArticle } from './seed-tags';

/**
 * Dark mode: the window follows the operating system until the analyst picks Light or Dark in
 * Settings; the choice is stored with the workspace's settings and survives a reload. What the
 * analyst sees is checked as colours: the reading surface, its text and their contrast.
 * With LEDE_SCREENSHOT=1 the dark picture goes to docs/screenshot-dark.png.
 */

async function colours(page: Page) {
  return page.evaluate(() => {
    const rgb = (css: string) => css.match(/\d+/g)!.slice(0, 3).map(Number);
    const view = getComputedStyle(document.querySelector('.article-view')!);
    const text = getComputedStyle(document.querySelector('.article-text')!);
    const bar = getComputedStyle(document.querySelector('.sidebar')!);
    return { theme: document.documentElement.dataset.theme, paper: rgb(view.backgroundColor), ink: rgb(text.color), frame: rgb(bar.backgroundColor) };
  });
}
const brightness = ([r, g, b]: number[]) => (r! + g! + b!) / 3;

async function chooseTheme(page: Page, name: 'System' | 'Light' | 'Dark') {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('group', { name: 'Appearance' }).getByLabel(name).check();
  // "Settings saved." may still be showing from the choice before, so it does not prove that this
  // choice was applied: callers wait for the colours themselves (a busy machine once read them
  // before the new theme arrived).
  await expect(page.getByText('Settings saved.').last()).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
}

test('the window follows a dark system, and the Settings choice overrides it and is kept', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const doc = await tagSeedArticle(page, host, articleId);
  await page.reload();
  await expect(page.getByTestId('annotation-count')).toHaveText(String(doc.annotations.length));

  const dark = await colours(page);
  expect(dark.theme).toBe('dark');
  expect(brightness(dark.paper)).toBeLessThan(60);
  expect(brightness(dark.frame)).toBeLessThan(60);
  expect(brightness(dark.ink)).toBeGreaterThan(200);
  expect(contrastRatio(dark.ink as unknown as Rgb, dark.paper as unknown as Rgb)).toBeGreaterThan(7);

  // The quote selected, its speaker linked: what the README's dark picture shows.
  await clickAt(page, find(doc.article.text, 'don’t know').start);
  await expect(page.locator('#inspector-label')).toHaveValue('quote');
  await page.locator('.article-view').evaluate((v) => v.scrollTo({ top: 0 }));
  await page.mouse.move(5, 5);
  const path = process.env.LEDE_SCREENSHOT ? resolve(process.cwd(), 'docs/screenshot-dark.png') : test.info().outputPath('screenshot-dark.png');
  await page.screenshot({ path });

  // Light, chosen in Settings, wins over the dark system, and is still chosen after a reload.
  await chooseTheme(page, 'Light');
  await expect.poll(async () => (await colours(page)).theme).toBe('light');
  const light = await colours(page);
  expect(brightness(light.paper)).toBeGreaterThan(240);
  expect(brightness(light.ink)).toBeLessThan(40);
  // Even before the settings arrive from the host, the window is painted in the chosen theme.
  let answer: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/getWorkspace', async (route) => {
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  answer();
  await expect(page.locator('.article-header h1')).toContainText(SEED_TITLE);
  expect((await colours(page)).theme).toBe('light');

  // System follows the OS again, also when the OS changes while the window is open.
  await chooseTheme(page, 'System');
  await expect.poll(async () => (await colours(page)).theme).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => (await colours(page)).theme).toBe('light');
  await chooseTheme(page, 'Dark');
  await expect.poll(async () => brightness((await colours(page)).paper)).toBeLessThan(60);
});
