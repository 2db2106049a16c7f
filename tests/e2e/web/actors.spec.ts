import { test, expect } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, dragSelect, find, openArticle, start, waitSaved } from './editor-helpers';

test('an analyst tags Zelenskyy in one article, accepts the proposal for Zelensky in another, and sees both mentions in the registry', async ({ page, host }) => {
  await start(page, host);
  const first = await openArticle(page, 'President Donald Trump said Monday');
  const firstText = (await api<ArticleDoc>(page, host, 'getArticle', { id: first })).article.text;
  const a = find(firstText, 'Volodymyr Zelenskyy');
  await dragSelect(page, a.start, a.end);
  await page.keyboard.press('3');
  const inspector = page.getByRole('region', { name: 'Selected annotation' });
  await expect(inspector.getByText('Not linked')).toBeVisible();
  await page.keyboard.press('Shift+N');
  await expect(inspector.getByTestId('actor-entity-name')).toHaveText('Volodymyr Zelenskyy');
  await waitSaved(page);

  const second = await openArticle(page, 'The Kremlin has downplayed');
  const secondText = (await api<ArticleDoc>(page, host, 'getArticle', { id: second })).article.text;
  const b = find(secondText, 'Volodymyr Zelensky');
  await dragSelect(page, b.start, b.end);
  await page.keyboard.press('3');
  const proposal = inspector.getByTestId('actor-proposal');
  await expect(proposal).toContainText('Lede proposes Volodymyr Zelenskyy');
  await page.screenshot({ path: 'test-results/actors-proposal.png' });
  await page.keyboard.press('Shift+P');
  await expect(inspector.getByTestId('actor-entity-name')).toHaveText('Volodymyr Zelenskyy');
  await waitSaved(page);

  // A separate "Zelensky" entity, made on purpose, to merge in the registry.
  const c = find(secondText, 'Zelensky and seven');
  await dragSelect(page, c.start, c.start + 'Zelensky'.length);
  await page.keyboard.press('3');
  await page.keyboard.press('Shift+N');
  await expect(inspector.getByTestId('actor-entity-name')).toHaveText('Zelensky');
  await waitSaved(page);

  await page.getByRole('button', { name: 'Actors' }).click();
  const row = page.locator('.registry-row', { hasText: 'Volodymyr Zelenskyy' });
  await expect(row).toContainText('2 mentions · 2 articles');
  await row.click();
  await expect(page.locator('.registry-mentions li')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/actors-registry.png' });

  await page.getByLabel('Merge into this actor').selectOption({ label: 'Zelensky (1)' });
  await page.getByRole('button', { name: 'Merge into Volodymyr Zelenskyy' }).click();
  await expect(row).toContainText('3 mentions · 2 articles');
  await expect(page.locator('.registry-row')).toHaveCount(1);
  await waitSaved(page);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.registry-row')).toHaveCount(2);
  await expect(row).toContainText('2 mentions · 2 articles');
  await waitSaved(page);

  await page.reload();
  await page.getByRole('button', { name: 'Actors' }).click();
  await expect(page.locator('.registry-row', { hasText: 'Volodymyr Zelenskyy' })).toContainText('2 mentions · 2 articles');
  await expect(page.locator('.registry-row')).toHaveCount(2);
});

test('a new actor can be made an organisation from the inspector', async ({ page, host }) => {
  await start(page, host);
  const id = await openArticle(page, 'President Donald Trump said Monday');
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id })).article.text;
  const span = find(text, 'White House');
  await dragSelect(page, span.start, span.end);
  await page.keyboard.press('3');
  const inspector = page.getByRole('region', { name: 'Selected annotation' });
  await expect(inspector.getByText('Not linked')).toBeVisible();
  await inspector.getByLabel('Kind of the new actor').selectOption('organisation');
  await inspector.getByRole('button', { name: /New actor “White House”/ }).click();
  await expect(inspector.getByTestId('actor-entity-name')).toHaveText('White House');
  await waitSaved(page);
  const { entities: actors } = await api<{ entities: { name: string; kind: string }[] }>(page, host, 'listActors', {});
  expect(actors.filter((a) => a.name === 'White House').map((a) => a.kind)).toEqual(['organisation']);
});
