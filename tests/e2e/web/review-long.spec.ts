import { test, expect } from '../support/host';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, putLayer, start } from './editor-helpers';

/**
 * Reviewing a long article with hundreds of differences: the list holds only the rows near the
 * screen and the text marks only the paragraphs near it, yet every difference is reachable by
 * scrolling, clicking and the keys, and the whole text is in the page.
 */
const LONG_SEED = '002_fd869992562ce700.txt';

test('a review of hundreds of differences: rows and marks near the screen only, every item still reachable', async ({ page, host }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await start(page, host, 'Ana Analyst');
  const seed = (await api<ArticleSummary[]>(page, host, 'listArticles')).find((a) => a.source === LONG_SEED)!;
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: seed.id });
  const text = doc.article.text;
  // Every word tagged by both; the colleague calls every other one a claim: a label difference each.
  const words = [...text.matchAll(/[A-Za-z]{3,}/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const layer = (label: (i: number) => string) => `${words.map((w, i) => `T${i + 1}\t${label(i)} ${w.start} ${w.end}\t${w.word}`).join('\n')}\n`;
  await putLayer(
    page,
    host,
    doc,
    layer(() => 'actor'),
    'Ana Analyst',
  );
  await putLayer(
    page,
    host,
    doc,
    layer((i) => (i % 2 ? 'claim' : 'actor')),
    'colleague',
  );
  const differences = Math.floor(words.length / 2);
  expect(differences).toBeGreaterThan(300);

  await page.goto(`${host.url}#${seed.id}`);
  await page.reload();
  await expect(page.locator('.article-item.current')).toContainText(LONG_SEED);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const review = page.getByRole('main', { name: 'Review' });
  await review.getByLabel('Layer B').selectOption('colleague');
  const list = review.getByRole('region', { name: 'Differences' });
  await expect(list.locator('.review-items-head .muted')).toHaveText(String(differences));

  // Only the rows near the screen are in the page; the text is all there, marked near the screen.
  const rows = list.locator('.review-item');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);
  const body = review.locator('.review-text');
  expect((await body.textContent())!.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  const marked = await body.locator('.mk').count();
  expect(marked).toBeGreaterThan(0);
  expect(marked).toBeLessThan(words.length);

  // The last difference: scroll the list to its end and click it; the text brings it into view.
  await list.locator('.review-item-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = rows.last();
  await expect(last.locator('.item-quote')).toHaveText(words[words.length % 2 ? words.length - 2 : words.length - 1]!.word);
  await last.click();
  const inFocus = body.locator('[data-current]');
  await expect(inFocus).toBeInViewport();
  await expect(inFocus).toHaveText(words[words.length % 2 ? words.length - 2 : words.length - 1]!.word);

  // The keys walk back from there, the list following: each step's row is the current one, in view.
  for (let i = 0; i < 25; i++) await page.keyboard.press('k');
  const current = list.locator('.review-item[aria-current="true"]');
  await expect(current).toBeInViewport();
  await expect(body.locator('[data-current]')).toBeInViewport();
  // N from the top of the list reaches the first open difference, marked in the text.
  await list.locator('.review-item-scroller').evaluate((el) => (el.scrollTop = 0));
  await rows.first().click();
  await expect(current.locator('.item-quote')).toHaveText(words[1]!.word);
  await page.keyboard.press('a');
  await expect(current.locator('.item-quote')).toHaveText(words[3]!.word);
  await expect(current).toBeInViewport();
  expect(pageErrors).toEqual([]);
});
