import { test, expect } from '../support/host';
import type { WorkspaceInfo } from '../../../src/core/api';
import type { ArticleDoc } from '../../../src/core/model/document';
import { tagPhrase } from '../support/tagging';
import { api, clickAt, startOnArticle, waitSaved } from './editor-helpers';

const SEED_TITLE = 'President Donald Trump said Monday';

function stanceValues(info: WorkspaceInfo): string[] | undefined {
  return info.labelSchema.labels.find((l) => l.id === 'claim')?.attributes.find((a) => a.id === 'stance')?.values;
}

/**
 * An analyst adds a choice attribute to Claim in Settings, sets it on a claim in the sidebar,
 * renames one of its values (the claim follows) and undoes the rename (both come back).
 */
test('a choice attribute added in Settings is set in the sidebar; renaming a value carries it; undo restores', async ({ page, host }) => {
  const { articleId, text } = await startOnArticle(page, host, SEED_TITLE);
  const r = await tagPhrase(page, text, 'Keith Kellogg', '1');

  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const attributes = settings.getByRole('region', { name: 'Attributes' });
  await attributes.getByLabel('Attributes of').selectOption({ label: 'Claim' });
  await attributes.getByLabel('New attribute', { exact: true }).fill('Stance');
  await attributes.getByLabel('Type of the new attribute').selectOption({ label: 'Choice' });
  await attributes.getByRole('button', { name: 'Add attribute' }).click();
  for (const v of ['for', 'against']) {
    await attributes.getByLabel('New value of Stance').fill(v);
    await attributes.getByRole('button', { name: 'Add value' }).click();
  }
  await waitSaved(page);
  expect(stanceValues(await api<WorkspaceInfo>(page, host, 'getWorkspace'))).toEqual(['for', 'against']);
  await settings.getByRole('button', { name: 'Close' }).click();

  await clickAt(page, r.start + 2);
  await page.getByLabel('Stance').selectOption('for');
  await waitSaved(page);
  let doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations[0]!.attributes.stance).toBe('for');

  await page.keyboard.press('Control+Comma');
  await attributes.getByLabel('Attributes of').selectOption({ label: 'Claim' });
  const value = attributes.getByLabel('Value for of Stance', { exact: true });
  await value.fill('supports');
  await value.press('Enter');
  await waitSaved(page);
  await expect(attributes.getByLabel('Value supports of Stance', { exact: true })).toBeVisible();
  doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations[0]!.attributes.stance).toBe('supports');
  expect(stanceValues(await api<WorkspaceInfo>(page, host, 'getWorkspace'))).toEqual(['supports', 'against']);
  await settings.getByRole('button', { name: 'Close' }).click();

  await page.keyboard.press('Control+z');
  await waitSaved(page);
  doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations[0]!.attributes.stance).toBe('for');
  expect(stanceValues(await api<WorkspaceInfo>(page, host, 'getWorkspace'))).toEqual(['for', 'against']);
});
