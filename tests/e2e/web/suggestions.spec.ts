import { test, expect } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import type { WorkspaceInfo } from '../../../src/core/api/articles';
import { computeSuggestions } from '../../../src/core/suggest';
import { api, clickAt, openArticle, paintedRanges, start } from './editor-helpers';
import { SEED_TITLE } from './seed-tags';

/**
 * Issue 16 in the editor: suggestions are shown on demand, are no annotations until accepted,
 * and accept / reject by keyboard last across a reload.
 */
test('a suggested quote is accepted with its speaker by keyboard, another is rejected, and both hold after a reload', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  await page.locator('.article-text').click();
  await page.keyboard.press('Shift+S');
  const count = page.getByTestId('suggestion-count');
  await expect(count).toHaveText(/^[1-9]\d*$/);
  const open = Number(await count.textContent());
  // Suggestions are not annotations.
  await expect(page.locator('.article-header')).toContainText('0 annotations');
  await expect(page.getByTestId('visible-count')).toHaveText('0');
  expect(await paintedRanges(page)).toEqual([]);
  expect(await suggestedPainted(page)).toBeGreaterThan(0);

  const card = page.getByTestId('current-suggestion');
  let found = false;
  for (let i = 0; i < open && !found; i++) {
    await page.keyboard.press('Shift+J');
    await expect(card).toBeVisible();
    found = (await card.getAttribute('data-kind')) === 'quote' && (await card.getAttribute('data-has-speaker')) === 'yes';
  }
  expect(found, 'the seed article has a suggested quote with a named speaker').toBe(true);
  await expect(card).toContainText('score');
  await page.keyboard.press('Shift+A');
  await expect(page.locator('.article-header')).toContainText(/· [23] annotations\b/);

  await page.keyboard.press('Shift+J');
  const rejected = (await card.getAttribute('data-suggestion-id'))!;
  await page.keyboard.press('Shift+R');
  await expect(card).not.toHaveAttribute('data-suggestion-id', rejected);
  await page.screenshot({ path: test.info().outputPath('suggestions.png') });
  const rejectedNow = async () => (await api<WorkspaceInfo>(page, host, 'getWorkspace')).settings.rejectedSuggestions?.[articleId] ?? [];
  await expect.poll(rejectedNow).toContain(rejected);

  // A rejection is an edit like any other: Mod+Z brings that suggestion back as the current one
  // (and leaves the accepted quote alone), Mod+Shift+Z rejects it again.
  const annotated = (await page.locator('.article-header').textContent())!.match(/· (\d+) annotations/)![1];
  await page.keyboard.press('Control+z');
  await expect(card).toHaveAttribute('data-suggestion-id', rejected);
  await expect.poll(rejectedNow).not.toContain(rejected);
  await expect(page.locator('.article-header')).toContainText(`· ${annotated} annotations`);
  await expect(page.getByRole('button', { name: 'Redo' })).toHaveAttribute('title', /^Redo rejection of a suggestion/);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(rejectedNow).toContain(rejected);
  await page.reload();
  await openArticle(page, SEED_TITLE);
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  const quote = doc.annotations.find((a) => a.label === 'quote')!;
  expect(quote.attributes.suggested).toBeTruthy();
  expect(quote.author).toBe('Ana Analyst');
  const link = doc.relations.find((r) => r.type === 'speaker' && r.from === quote.id)!;
  expect(doc.annotations.find((a) => a.id === link.to)?.label).toBe('actor');

  // Shown again after the reload: the rejected one stays away, the accepted one is no longer suggested.
  await page.locator('.article-text').click();
  await page.keyboard.press('Shift+S');
  await expect(count).toHaveText(/^\d+$/);
  const now = Number(await count.textContent());
  const seen = new Set<string>();
  for (let i = 0; i < now; i++) {
    await page.keyboard.press('Shift+J');
    seen.add((await card.getAttribute('data-suggestion-id'))!);
  }
  expect(seen.has(rejected)).toBe(false);
  expect(now).toBeLessThan(open);
  await expect(page.locator('.article-header')).toContainText(`${doc.annotations.length} annotations`);

  // The mouse: clicking a suggested passage where nothing is tagged shows it in the card (the
  // innermost one there); S hides them all.
  const startOf = (id: string) => Number(/@(\d+)-/.exec(id)![1]);
  const tagged = (at: number) => doc.annotations.some((a) => a.fragments.some((f) => f.start <= at + 1 && at + 1 < f.end));
  const other = [...seen].filter((id) => !tagged(startOf(id))).sort((x, y) => (x.startsWith('actor') ? -1 : 0) - (y.startsWith('actor') ? -1 : 0))[0]!;
  const at = startOf(other);
  await page.keyboard.press('Shift+K');
  await clickAt(page, at + 1);
  await expect(card).toHaveAttribute('data-suggestion-id', other);
  await page.keyboard.press('Shift+S');
  await expect.poll(() => suggestedPainted(page)).toBe(0);
  await expect(page.getByTestId('suggestion-count')).toBeHidden();
});

/** How many ranges the suggestion highlight holds. */
function suggestedPainted(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.get('lede-suggested')?.size ?? 0);
}

test('Shift+Y accepts every open suggestion of one kind as one undo step', async ({ page, host }) => {
  await start(page, host);
  await openArticle(page, SEED_TITLE);
  await page.locator('.article-text').click();
  await page.keyboard.press('Shift+S');
  await expect(page.getByTestId('suggestion-count')).toHaveText(/^[1-9]\d*$/);
  const card = page.getByTestId('current-suggestion');
  for (let i = 0; i < 50; i++) {
    await page.keyboard.press('Shift+J');
    if ((await card.getAttribute('data-kind')) === 'actor') break;
  }
  await expect(card).toHaveAttribute('data-kind', 'actor');
  const all = Number(/Accept all: (\d+)/.exec((await card.textContent())!)![1]);
  expect(all).toBeGreaterThan(1);
  await page.keyboard.press('Shift+Y');
  await expect(page.locator('.article-header')).toContainText(`· ${all} annotations`);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.article-header')).toContainText('· 0 annotations');
});

const INTRO = 'Talks in Geneva ended without a deal.';
const QUOTE_A = (verb: string) => `“We ${verb} these accusations and we will say so at the United Nations,” Dmitry Peskov told reporters.`;
const QUOTE_B = '“The sanctions will hurt ordinary families far more than any government,” said Maria Lopez, an economist.';
const GENEVA_1 = [`${INTRO} Both sides blamed each other.`, QUOTE_A('categorically reject'), QUOTE_B].join('\n\n');
const GENEVA_2 = [`${INTRO} Both sides blamed each other for the failure, diplomats said on Wednesday evening.`, QUOTE_A('firmly reject'), QUOTE_B].join(
  '\n\n',
);

/** The id the rules give the quote suggestion that starts with `opening` (the same rules the page runs). */
function quoteId(text: string, opening: string): string {
  const r = computeSuggestions({ text }, { kinds: ['quote'] });
  if (!r.ok) throw new Error('no suggestions');
  return r.value.find((s) => text.slice(s.fragments[0]!.start).startsWith(opening))!.id;
}

test('a rejected suggestion stays away after Update text changed the text before it; one whose words changed comes back', async ({ page, host }) => {
  await start(page, host);
  await page.getByTestId('import-articles-input').setInputFiles([{ name: 'geneva.txt', mimeType: 'text/plain', buffer: Buffer.from(GENEVA_1) }]);
  const articleId = await openArticle(page, 'Talks in Geneva');
  await page.locator('.article-text').click();
  await page.keyboard.press('Shift+S');
  const count = page.getByTestId('suggestion-count');
  await expect(count).toHaveText(/^[1-9]\d*$/);
  const card = page.getByTestId('current-suggestion');
  const rejectByKeyboard = async (id: string) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Shift+J');
      await expect(card).toBeVisible();
      if ((await card.getAttribute('data-suggestion-id')) === id) break;
    }
    await expect(card).toHaveAttribute('data-suggestion-id', id);
    await page.keyboard.press('Shift+R');
    await expect(card).not.toHaveAttribute('data-suggestion-id', id);
  };
  const [a1, b1] = [quoteId(GENEVA_1, '“We categorically'), quoteId(GENEVA_1, '“The sanctions')];
  await rejectByKeyboard(a1);
  await rejectByKeyboard(b1);
  const rejectedNow = async () => (await api<WorkspaceInfo>(page, host, 'getWorkspace')).settings.rejectedSuggestions?.[articleId] ?? [];
  await expect.poll(rejectedNow).toEqual([a1, b1]);

  await page.getByTestId('update-text-input').setInputFiles([{ name: 'geneva-2.txt', mimeType: 'text/plain', buffer: Buffer.from(GENEVA_2) }]);
  await expect(page.locator('.article-text')).toContainText('diplomats said on Wednesday evening');
  const [a2, b2] = [quoteId(GENEVA_2, '“We firmly'), quoteId(GENEVA_2, '“The sanctions')];
  expect(b2).not.toBe(b1);
  await expect.poll(rejectedNow).toEqual([b2]);

  // Every open suggestion of the new text: the moved rejection is not among them, the changed quote is.
  await expect(count).toHaveText(/^[1-9]\d*$/);
  const open = Number(await count.textContent());
  const seen = new Set<string>();
  for (let i = 0; i < open; i++) {
    await page.keyboard.press('Shift+J');
    seen.add((await card.getAttribute('data-suggestion-id'))!);
  }
  expect(seen.has(b2)).toBe(false);
  expect(seen.has(a2)).toBe(true);

  // And a rejection made after the update is stored next to the re-anchored one, not over it.
  await rejectByKeyboard(a2);
  await expect.poll(rejectedNow).toEqual([b2, a2]);
});

const TRANSCRIPT = [
  'Debate Night Interview',
  'On Sunday, Gov. Mike Pence spoke to Chris Wallace. Partial transcript as follows:',
  '"WALLACE: Why would Trump invite her to the debate tomorrow night?',
  '"PENCE: Well, look, this is serious business, Chris. The American people have an important choice to make."',
].join('\n\n');

test('a transcript turn is suggested with its label as the speaker, accepted by keyboard, and kept after a reload', async ({ page, host }) => {
  await start(page, host);
  await page.getByTestId('import-articles-input').setInputFiles([{ name: 'interview.txt', mimeType: 'text/plain', buffer: Buffer.from(TRANSCRIPT) }]);
  const articleId = await openArticle(page, 'Debate Night Interview');
  await page.locator('.article-text').click();
  await page.keyboard.press('Shift+S');
  await expect(page.getByTestId('suggestion-count')).toHaveText(/^[1-9]\d*$/);
  const card = page.getByTestId('current-suggestion');
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Shift+J');
    if ((await card.textContent())!.includes('a turn of a transcript') && (await card.textContent())!.includes('PENCE')) break;
  }
  await expect(card).toContainText('a turn of a transcript');
  await expect(card).toContainText('Speaker: PENCE');
  await page.keyboard.press('Shift+A');
  await expect(page.locator('.article-header')).toContainText('· 2 annotations');
  await page.reload();
  await openArticle(page, 'Debate Night Interview');
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  const quote = doc.annotations.find((a) => a.label === 'quote')!;
  // The turn without its label and the paragraph's marks; its speaker is the label, tagged as an actor.
  expect(doc.article.text.slice(quote.fragments[0]!.start, quote.fragments[0]!.end)).toBe(
    'Well, look, this is serious business, Chris. The American people have an important choice to make.',
  );
  expect(quote.attributes.suggested).toBe('transcript');
  const link = doc.relations.find((r) => r.type === 'speaker' && r.from === quote.id)!;
  const speaker = doc.annotations.find((a) => a.id === link.to)!;
  expect(speaker.label).toBe('actor');
  expect(doc.article.text.slice(speaker.fragments[0]!.start, speaker.fragments[0]!.end)).toBe('PENCE');
});
