import { test, expect } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, charPoint, dragSelect, find, startOnArticle, waitSaved } from './editor-helpers';
import { SEED_TITLE } from './seed-tags';

async function stored(page: import('@playwright/test').Page, host: Parameters<typeof api>[1], id: string) {
  await waitSaved(page);
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id });
  return { a: doc.annotations[0]!, text: doc.article.text };
}

test('an analyst adjusts a span with Alt+Shift+arrows and the drag handles; note kept, each move one undo step, a no-op none', async ({ page, host }) => {
  const { articleId, text } = await startOnArticle(page, host, SEED_TITLE);
  const putin = find(text, 'Vladimir Putin');
  // Tag only "Vladimir" as an actor, and give it a note.
  await dragSelect(page, putin.start, putin.start + 'Vladimir'.length);
  await page.keyboard.press('3');
  await page.keyboard.press('n');
  await page.keyboard.type('Russian president');
  await page.keyboard.press('Escape');
  let { a } = await stored(page, host, articleId);
  expect(a).toMatchObject({ label: 'actor', note: 'Russian president', fragments: [{ start: putin.start, end: putin.start + 8 }] });

  // Alt+Shift+→ takes in the next word: "Vladimir Putin".
  await page.keyboard.press('Alt+Shift+ArrowRight');
  ({ a } = await stored(page, host, articleId));
  expect([a.quote, a.note, a.fragments]).toEqual(['Vladimir Putin', 'Russian president', [putin]]);

  // Alt+Shift+↑ moves the start one word earlier: "Russia’s Vladimir Putin" (the apostrophe ends a word).
  await page.keyboard.press('Alt+Shift+ArrowUp');
  ({ a } = await stored(page, host, articleId));
  expect(a.quote).toBe('s Vladimir Putin');
  await page.keyboard.press('Alt+Shift+ArrowDown');
  ({ a } = await stored(page, host, articleId));
  expect(a.quote).toBe('Vladimir Putin');

  // The handles are drawn at both ends of the selected annotation.
  await expect(page.getByTestId('boundary-start')).toBeVisible();
  const endHandle = page.getByTestId('boundary-end');
  await expect(endHandle).toBeVisible();

  // Drag the end handle into "will": with snapping it lands after the whole word.
  const will = find(text, 'will', putin.end);
  const box = (await endHandle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const target = await charPoint(page, will.start + 1);
  await page.mouse.move(target.x, target.y, { steps: 6 });
  await expect(page.locator('.boundary-drop')).toBeVisible();
  await page.mouse.up();
  ({ a } = await stored(page, host, articleId));
  expect(a.quote).toBe('Vladimir Putin will');
  expect(a.note).toBe('Russian president');
  // The drag made no text selection (no tag popup).
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toBeHidden();

  // Undo walks back one move at a time: the drag, then the two keyboard steps (↓, ↑), then →.
  const undo = page.getByRole('button', { name: 'Undo' });
  await page.keyboard.press('Control+z');
  ({ a } = await stored(page, host, articleId));
  expect(a.quote).toBe('Vladimir Putin');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  ({ a } = await stored(page, host, articleId));
  expect(a.quote).toBe('Vladimir Putin');
  await page.keyboard.press('Control+z');
  ({ a } = await stored(page, host, articleId));
  expect(a.quote).toBe('Vladimir');

  // A move that cannot happen (shrinking a one-word span to nothing) records no undo step:
  // the next undo still undoes the note.
  const titleBefore = await undo.getAttribute('title');
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect(undo).toHaveAttribute('title', titleBefore!);
  await page.keyboard.press('Control+z');
  ({ a } = await stored(page, host, articleId));
  expect([a.quote, a.note]).toEqual(['Vladimir', '']);
});

test('without a selected annotation Alt+Shift+→ still extends the text selection by a word', async ({ page, host }) => {
  const { articleId, text } = await startOnArticle(page, host, SEED_TITLE);
  const donald = find(text, 'Donald');
  await dragSelect(page, donald.start, donald.end);
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await page.keyboard.press('3');
  await waitSaved(page);
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations.map((x) => x.quote)).toEqual(['Donald Trump']);
});
