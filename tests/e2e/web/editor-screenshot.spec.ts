import { resolve } from 'node:path';
import { test, expect } from '../support/host';
import { clickAt, find, openArticle, start } from './editor-helpers';
import { SEED_TITLE, tagSeedArticle } from './seed-tags';

/**
 * A seed article with a realistic set of tags — claims, quotes with their speakers, actors,
 * events, a nested span, a note — checked for what the analyst must see (nesting bars under
 * nested spans, link arrows from the selected quote, the grouped sidebar), then photographed.
 * The picture goes to test-results/ normally and to docs/screenshot.png with
 * LEDE_SCREENSHOT=1 (`LEDE_SCREENSHOT=1 npx playwright test editor-screenshot --project web`);
 * nothing here compares pixels.
 */

test('a tagged seed article shows nesting, links and the sidebar (and makes the README screenshot)', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const doc = await tagSeedArticle(page, host, articleId);
  const text = doc.article.text;
  await page.reload();
  await expect(page.getByTestId('annotation-count')).toHaveText(String(doc.annotations.length));
  // Nested spans (actors inside the claim) get bars under them.
  await expect(page.locator('.nest-bar').first()).toBeAttached();
  // Selecting the quote draws its link to the speaker and frames both ends.
  await clickAt(page, find(text, 'don’t know').start);
  await expect(page.locator('#inspector-label')).toHaveValue('quote');
  await expect(page.locator('.link-arrows path').first()).toBeAttached();
  await expect(page.locator('.linked-box')).toHaveCount(1);
  await expect(page.locator('.chips .chip')).toHaveText(['Claim', 'Quote', 'Actor', 'Event']);
  await expect(page.locator('.list-group').first()).toContainText('Claim');
  await page.locator('.article-view').evaluate((v) => v.scrollTo({ top: 0 }));
  await page.mouse.move(5, 5);
  const path = process.env.LEDE_SCREENSHOT ? resolve(process.cwd(), 'docs/screenshot.png') : test.info().outputPath('screenshot.png');
  await page.screenshot({ path });
});
