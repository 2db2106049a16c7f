import { test, expect } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import type { WorkspaceInfo } from '../../../src/core/api';
import { api, clickAt, dragSelect, essentials, expectedRanges, find, openArticle, paintedRanges, start, waitSaved } from './editor-helpers';

const SEED_TITLE = 'President Donald Trump said Monday';

test('an analyst tags, nests, splits, links and notes; every step undoes and redoes; all survives reload and restart', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const stored = () => api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  const text = (await stored()).article.text;
  const states: ReturnType<typeof essentials>[] = [essentials(await stored())];
  const count = page.getByTestId('annotation-count');
  const popup = page.getByRole('toolbar', { name: 'Tag the selection' });
  const step = async (expectedCount: number) => {
    await expect(count).toHaveText(String(expectedCount));
    await waitSaved(page);
    states.push(essentials(await stored()));
  };

  // One span of each label with the mouse: drag, then choose in the popup.
  const claim = find(text, 'he is uncertain whether Ukraine’s Volodymyr Zelenskyy and Russia’s Vladimir Putin will meet soon');
  await dragSelect(page, claim.start, claim.end);
  await popup.getByRole('button', { name: /^Claim/ }).click();
  await step(1);
  const kyivQuote = find(text, '“And then, unfortunately, a bomb is loaded up into Kyiv or some place, and then I get very angry about it.”');
  await dragSelect(page, kyivQuote.start, kyivQuote.end);
  await popup.getByRole('button', { name: /^Quote/ }).click();
  await step(2);
  // A nested actor inside that quote.
  const kyiv = find(text, 'Kyiv', kyivQuote.start);
  await dragSelect(page, kyiv.start, kyiv.end);
  await popup.getByRole('button', { name: /^Actor/ }).click();
  await step(3);
  const trump = find(text, 'Trump told reporters');
  await dragSelect(page, trump.start, trump.start + 'Trump'.length);
  await popup.getByRole('button', { name: /^Actor/ }).click();
  await step(4);
  const event = find(text, 'he hosted Putin in Alaska');
  await dragSelect(page, event.start, event.end);
  await popup.getByRole('button', { name: /^Event/ }).click();
  await step(5);

  // One with the keyboard only: caret before "Sergei", Shift+Ctrl+Right twice, key 3 (actor).
  const lavrov = find(text, 'Sergei Lavrov');
  await clickAt(page, lavrov.start);
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('3');
  await step(6);

  // A two-fragment quote: tag the first part, then add the second with F.
  const first = find(text, '“I don’t know that they’ll meet,”');
  const second = find(text, '“Maybe they will, maybe they won’t.”');
  await dragSelect(page, first.start, first.end);
  await page.keyboard.press('2');
  await step(7);
  await dragSelect(page, second.start, second.end);
  await page.keyboard.press('f');
  await step(7);

  // Link the quote to its speaker: L, filter, Enter.
  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: 'Link this Quote' });
  await expect(picker).toBeVisible();
  await picker.getByLabel('Filter link targets').fill('Trump');
  await page.keyboard.press('Enter');
  await expect(page.locator('.inspector .link-item')).toContainText('Speaker → Trump');
  await step(7);

  // A note.
  await page.keyboard.press('n');
  await expect(page.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('Direct quote, interrupted by the attribution.');
  await page.keyboard.press('Escape');
  await step(7);
  await expect(page.locator('.list-row.selected')).toContainText('note');

  // Check what was built.
  const built = await stored();
  const quote = built.annotations.find((a) => a.fragments[0]!.start === first.start)!;
  expect(quote).toMatchObject({ label: 'quote', author: 'Ana Analyst', note: 'Direct quote, interrupted by the attribution.' });
  expect(quote.fragments).toEqual([first, second]);
  const kyivActor = built.annotations.find((a) => a.label === 'actor' && a.fragments[0]!.start === kyiv.start)!;
  expect(kyivActor.fragments).toEqual([kyiv]);
  expect(built.annotations.find((a) => a.label === 'actor' && a.quote === 'Sergei Lavrov')).toBeTruthy();
  expect(built.relations).toEqual([expect.objectContaining({ type: 'speaker', from: quote.id, to: built.annotations.find((a) => a.quote === 'Trump')!.id })]);

  // Undo every step back to the empty article, checking each state; then redo them all.
  for (let i = states.length - 2; i >= 0; i--) {
    await page.keyboard.press('Control+z');
    await waitSaved(page);
    await expect.poll(async () => essentials(await stored())).toEqual(states[i]);
  }
  for (let i = 1; i < states.length; i++) {
    await page.keyboard.press(i % 2 ? 'Control+Shift+z' : 'Control+y');
    await waitSaved(page);
    await expect.poll(async () => essentials(await stored())).toEqual(states[i]);
  }
  const final = states[states.length - 1]!;

  // Rename a label: every annotation keeps it.
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const nameField = settings.getByLabel('Name of Quote');
  await nameField.fill('Quotation');
  await nameField.press('Enter');
  await expect(settings.getByLabel('Name of Quotation')).toHaveValue('Quotation');
  await waitSaved(page);
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.list-group', { hasText: 'Quotation' })).toContainText('2');
  const info = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  expect(info.labelSchema.labels.find((l) => l.id === 'quote')!.name).toBe('Quotation');
  expect(essentials(await stored())).toEqual(final);

  // Reload, then restart the host: every annotation is where it was, in the store and on screen.
  const check = async () => {
    await expect(page.locator('.article-header h1')).toContainText(SEED_TITLE);
    await expect(count).toHaveText(String(final.annotations.length));
    const doc = await stored();
    expect(essentials(doc)).toEqual(final);
    const schema = (await api<WorkspaceInfo>(page, host, 'getWorkspace')).labelSchema;
    await expect.poll(() => paintedRanges(page)).toEqual(expectedRanges(doc, schema));
  };
  await check();
  await page.reload();
  await check();
  await host.restart();
  await page.goto(`${host.url}#${articleId}`);
  await check();
});

test('clicking nested spans cycles through them and the chooser lists them', async ({ page, host }) => {
  await start(page, host);
  await openArticle(page, SEED_TITLE);
  const articleId = (await page.locator('.article-text').getAttribute('data-article-id'))!;
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).article.text;
  const outer = find(text, '“That’s going to be up to them,”');
  await dragSelect(page, outer.start, outer.end);
  await page.keyboard.press('2');
  const inner = find(text, 'them', outer.start);
  await dragSelect(page, inner.start, inner.end);
  await page.keyboard.press('3');
  await waitSaved(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.locator('.inspector.empty')).toBeVisible();
  await clickAt(page, inner.start + 1);
  const chooser = page.getByRole('menu', { name: 'Spans here' });
  await expect(chooser.getByRole('menuitemradio')).toHaveCount(2);
  await expect(page.locator('#inspector-label')).toHaveValue('actor');
  await clickAt(page, inner.start + 1);
  await expect(page.locator('#inspector-label')).toHaveValue('quote');
  await chooser.getByRole('menuitemradio', { name: /Actor/ }).click();
  await expect(page.locator('#inspector-label')).toHaveValue('actor');
  // J / K walk the annotations in reading order.
  await page.keyboard.press('k');
  await expect(page.locator('#inspector-label')).toHaveValue('quote');
  await page.keyboard.press('j');
  await expect(page.locator('#inspector-label')).toHaveValue('actor');
});

test('the caret moves by line and line edges on read-only text, and Shift extends the selection', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).article.text;
  const firstLineBreak = text.indexOf('\n');
  await clickAt(page, 0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('1');
  await waitSaved(page);
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  const [claim] = doc.annotations;
  // One visual line of the first paragraph: it starts at the start of a line inside it and ends at a line end.
  expect(claim!.fragments).toHaveLength(1);
  expect(claim!.fragments[0]!.start).toBeGreaterThan(0);
  expect(claim!.fragments[0]!.end).toBeLessThanOrEqual(firstLineBreak);
  expect(text[claim!.fragments[0]!.start - 1]).toMatch(/\s/);
});

test('a change the store refuses (made in a stale second window) is undone on screen and explained', async ({ page, host, context }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).article.text;
  const putin = find(text, 'Vladimir Putin');
  await dragSelect(page, putin.start, putin.end);
  await page.keyboard.press('3');
  await waitSaved(page);
  // A second window on the same workspace, open before the actor is deleted in the first.
  const other = await context.newPage();
  await other.goto(`${host.url}#${articleId}`);
  await expect(other.getByTestId('annotation-count')).toHaveText('1');
  await page.keyboard.press('Delete');
  await waitSaved(page);
  await expect(page.getByTestId('annotation-count')).toHaveText('0');
  // The stale window still shows the actor; relabelling it is refused by the store.
  await other.locator('.list-row').first().click();
  await other.keyboard.press('e');
  await other
    .getByRole('toolbar', { name: /Change the label/ })
    .getByRole('button', { name: /^Claim/ })
    .click();
  await expect(other.getByRole('alert')).toContainText('was not saved');
  await expect(other.getByTestId('annotation-count')).toHaveText('0');
  await expect(other.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'error');
  expect((await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).annotations).toEqual([]);
});
