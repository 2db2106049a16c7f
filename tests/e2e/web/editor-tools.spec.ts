import { test, expect } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import type { SearchResults, WorkspaceInfo } from '../../../src/core/api';
import { REVIEW_KEYS, SHORTCUTS } from '../../../src/renderer/commands/shortcuts';
import { api, dragSelect, find, openArticle, start, waitSaved } from './editor-helpers';

const SEED_TITLE = 'President Donald Trump said Monday';

test('find in article steps through matches, and Escape leaves the match selected to tag', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).article.text;
  const all = [...text.matchAll(/Zelenskyy/g)].map((m) => m.index);
  await page.locator('.article-text').click();
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(box).toBeFocused();
  await box.fill('zelenskyy');
  const status = page.locator('.find-status');
  await expect(status).toHaveText(new RegExp(`of ${all.length}$`));
  const before = await status.textContent();
  await box.press('Enter');
  await expect(status).not.toHaveText(before!);
  const current = Number(/^(\d+)/.exec((await status.textContent())!)![1]) - 1;
  await box.press('Escape');
  await expect(box).toBeHidden();
  await page.keyboard.press('3');
  await waitSaved(page);
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations).toHaveLength(1);
  expect(doc.annotations[0]).toMatchObject({ label: 'actor', fragments: [{ start: all[current], end: all[current]! + 'Zelenskyy'.length }] });
});

test('search across articles opens a result in place, ready to tag', async ({ page, host }) => {
  await start(page, host);
  await openArticle(page, SEED_TITLE);
  await page.keyboard.press('Control+Shift+f');
  const search = page.getByRole('searchbox', { name: 'Search all articles' });
  await expect(search).toBeFocused();
  await search.fill('Trilat');
  const results = page.getByRole('navigation', { name: 'Search results' });
  const hit = results.locator('.search-hit').first();
  await expect(hit).toContainText(/trilat/i);
  const [first] = (await api<SearchResults>(page, host, 'searchArticles', { query: 'Trilat' })).hits;
  await hit.click();
  await expect(page.locator('.article-text')).toHaveAttribute('data-article-id', first!.articleId);
  const articleId = first!.articleId;
  const at = first!.start;
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toBeVisible();
  await page.keyboard.press('4');
  await waitSaved(page);
  const tagged = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(tagged.annotations[0]!.fragments[0]!.start).toBe(at);
  expect(tagged.annotations[0]!.label).toBe('event');
});

test('removing a label in use asks, reassigns its annotations in one undoable step', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).article.text;
  for (const [phrase, key] of [
    ['he hosted Putin in Alaska', '4'],
    ['he met European leaders', '4'],
    ['Keith Kellogg', '3'],
  ] as const) {
    const r = find(text, phrase);
    await dragSelect(page, r.start, r.end);
    await page.keyboard.press(key);
  }
  await waitSaved(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Remove Event' }).click();
  const ask = settings.getByRole('group', { name: 'Remove Event' });
  await expect(ask).toContainText('2 annotations in 1 article');
  await ask.getByLabel('Reassign to').selectOption({ label: 'Claim' });
  await ask.getByRole('button', { name: 'Reassign and remove' }).click();
  await waitSaved(page);
  await expect(settings.locator('tr[data-label-id="event"]')).toHaveCount(0);
  let doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations.map((a) => a.label).sort()).toEqual(['actor', 'claim', 'claim']);
  let info = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  expect(info.labelSchema.labels.map((l) => l.id)).toEqual(['claim', 'quote', 'actor']);
  await settings.getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('Control+z');
  await waitSaved(page);
  doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations.map((a) => a.label).sort()).toEqual(['actor', 'event', 'event']);
  info = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  expect(info.labelSchema.labels.map((l) => l.id)).toEqual(['claim', 'quote', 'actor', 'event']);
});

test('the help overlay lists every shortcut', async ({ page, host }) => {
  await start(page, host);
  await openArticle(page, SEED_TITLE);
  await page.locator('.article-text').click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.locator('tr[data-shortcut]')).toHaveCount(SHORTCUTS.length);
  for (const s of SHORTCUTS) await expect(help.locator(`tr[data-shortcut="${s.id}"]`)).toContainText(s.description.slice(0, 30));
  await expect(help.locator('tr[data-review-key]')).toHaveCount(REVIEW_KEYS.length);
  for (const k of REVIEW_KEYS) await expect(help.locator(`tr[data-review-key="${k.keys}"]`)).toContainText(k.what);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('a label can be added, recoloured and re-keyed, and its key tags at once', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('New label').fill('Statistic');
  await settings.getByRole('button', { name: 'Add label' }).click();
  await expect(settings.getByLabel('Key of Statistic')).toHaveValue('5');
  await settings.getByLabel('Key of Statistic').fill('s');
  await expect(settings.getByLabel('Key of Statistic')).toHaveValue('s');
  await settings.getByLabel('Colour of Statistic').evaluate((input: HTMLInputElement) => {
    input.value = '#123456';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitSaved(page);
  const label = (await api<WorkspaceInfo>(page, host, 'getWorkspace')).labelSchema.labels.find((l) => l.name === 'Statistic');
  expect(label).toMatchObject({ key: 's', color: '#123456' });
  await settings.getByRole('button', { name: 'Close' }).click();
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).article.text;
  const r = find(text, 'three and a half years');
  await dragSelect(page, r.start, r.end);
  await page.keyboard.press('s');
  await waitSaved(page);
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations[0]).toMatchObject({ label: label!.id, fragments: [r] });
});

test('attributes from the label schema are set in the sidebar, and undo in the note field stays the field’s own', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).article.text;
  const claim = find(text, 'he is uncertain');
  await dragSelect(page, claim.start, claim.end);
  await page.keyboard.press('1');
  await page.getByLabel('Check-worthy').check();
  await waitSaved(page);
  const quote = find(text, '“Maybe they will, maybe they won’t.”');
  await dragSelect(page, quote.start, quote.end);
  await page.keyboard.press('2');
  await page.getByLabel('Type').selectOption('indirect');
  await waitSaved(page);
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations.map((a) => [a.label, a.attributes])).toEqual([
    ['claim', { checkWorthy: true }],
    ['quote', { type: 'indirect' }],
  ]);
  // In the note field, Ctrl+Z undoes typing, not the last annotation edit.
  const note = page.getByLabel('Note');
  await note.click();
  await note.pressSequentially('first');
  await note.press('Control+z');
  const typed = await note.inputValue();
  expect(typed).not.toBe('first');
  await expect(page.getByTestId('annotation-count')).toHaveText('2');
  await note.press('Escape');
  await waitSaved(page);
  const quoteNow = async () => (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).annotations.find((a) => a.label === 'quote')!;
  expect(await quoteNow()).toMatchObject({ note: typed, attributes: { type: 'indirect' } });
  // Out of the field, Ctrl+Z is Lede's undo again: first the note, then the attribute.
  await page.keyboard.press('Control+z');
  await waitSaved(page);
  expect(await quoteNow()).toMatchObject({ note: '', attributes: { type: 'indirect' } });
  await page.keyboard.press('Control+z');
  await waitSaved(page);
  const last = await quoteNow();
  expect([last.note, last.attributes]).toEqual(['', {}]);
});
