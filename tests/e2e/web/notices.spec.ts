import { expect, test } from '../support/host';
import { openArticle, start } from './editor-helpers';

/**
 * Notices as an analyst meets them: a report fades, an error stays until dismissed, a burst of
 * errors collapses into "N earlier", a long report is clamped with "Show all", and no notice
 * covers the article text or takes part in a text selection.
 */

const SEED_TITLE = 'President Donald Trump said Monday';
const badFile = (i: number) => ({ name: `broken-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20 + i]) });

test('reports fade, errors stay, a burst collapses, long reports are clamped, and the text is never covered', async ({ page, host }) => {
  await page.clock.install();
  await start(page, host);
  await openArticle(page, SEED_TITLE);
  const messages = page.getByRole('region', { name: 'Messages' });

  await page.locator('.article-text').click();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(messages.getByRole('status').filter({ hasText: 'Nothing to undo.' })).toHaveCount(1);
  await expect(messages.getByText('×2')).toBeVisible();
  await page.clock.fastForward(9000);
  await expect(messages.getByRole('status')).toHaveCount(0);

  // Four failed imports in a row: the newest three are on screen, the first behind "1 earlier message".
  const input = page.getByTestId('import-articles-input');
  for (let i = 0; i < 4; i++) {
    await input.setInputFiles([badFile(i)]);
    await expect(messages.getByRole('alert')).toHaveCount(Math.min(i + 1, 3));
  }
  await page.clock.fastForward(10 * 60_000);
  await expect(messages.getByRole('alert')).toHaveCount(3);
  await messages.getByRole('button', { name: '1 earlier message' }).click();
  await expect(messages.getByRole('alert')).toHaveCount(4);
  await expect(messages.getByRole('alert').first()).toContainText('broken-0.txt');

  // Twelve files refused at once: the report lists three and offers the rest.
  await messages.getByRole('button', { name: 'Dismiss all' }).click();
  await input.setInputFiles(Array.from({ length: 12 }, (_, i) => badFile(i)));
  const report = messages.getByRole('alert');
  await expect(report.locator('.message-details li')).toHaveCount(3);
  await report.getByRole('button', { name: 'Show all 12' }).click();
  await expect(report.locator('.message-details li')).toHaveCount(12);

  // The notice sits in the right-hand column: never over the article text, at the smallest window too.
  for (const viewport of [
    { width: 1360, height: 900 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(viewport);
    const notice = (await report.boundingBox())!;
    const text = (await page.locator('.article-text').boundingBox())!;
    expect(notice.x, `at ${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(text.x + text.width);
  }
  expect(await report.evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');
  await page.screenshot({ path: 'test-results/notices.png' });
  await report.getByRole('button', { name: 'Dismiss' }).click();
  await expect(messages).toHaveCount(0);
});
