import { test, expect } from '../support/host';
import type { WorkspaceInfo } from '../../../src/core/api';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, clickAt, openArticle, start, waitSaved } from './editor-helpers';
import { SEED_TITLE, tagSeedArticle } from './seed-tags';

/**
 * The schema editor beyond labels: a date attribute is added to Event and set with the date field
 * in the sidebar; relation types are added, renamed (links keep it) and removed (asked first, with
 * the count; the links go too) — and one undo brings a removed type and its links back.
 */
test('a date attribute added in Settings is picked in the sidebar and stored as YYYY-MM-DD', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  await tagSeedArticle(page, host, articleId);
  await page.reload();
  await openArticle(page, SEED_TITLE);

  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const attributes = settings.getByRole('region', { name: 'Attributes' });
  await attributes.getByLabel('Attributes of').selectOption({ label: 'Event' });
  await attributes.getByLabel('New attribute', { exact: true }).fill('Happened on');
  await attributes.getByLabel('Type of the new attribute').selectOption({ label: 'Date' });
  await attributes.getByRole('button', { name: 'Add attribute' }).click();
  await expect(attributes.locator('[data-attribute-id="happened-on"]')).toContainText('Date');
  await waitSaved(page);
  await settings.getByRole('button', { name: 'Close' }).click();

  let doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  const event = doc.annotations.find((a) => a.label === 'event')!;
  await clickAt(page, event.fragments[0]!.start + 2);
  const field = page.getByLabel('Happened on');
  await expect(field).toHaveAttribute('type', 'date');
  await field.fill('2025-08-15');
  await waitSaved(page);
  doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations.find((a) => a.id === event.id)!.attributes['happened-on']).toBe('2025-08-15');
  await field.fill('');
  await waitSaved(page);
  doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.annotations.find((a) => a.id === event.id)!.attributes).not.toHaveProperty('happened-on');
});

test('relation types are added, renamed keeping their links, and removed after a question; undo restores', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, SEED_TITLE);
  const tagged = await tagSeedArticle(page, host, articleId);
  await page.reload();
  await openArticle(page, SEED_TITLE);
  const participants = tagged.relations.filter((r) => r.type === 'participant').length;
  expect(participants).toBe(2);

  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const types = settings.getByRole('region', { name: 'Relation types' });
  await expect(types.getByLabel('Name of relation type Speaker')).toHaveValue('Speaker');
  await expect(types.locator('[data-relation-type-id="speaker"]')).toContainText('Quote → Actor');

  await types.getByLabel('New relation type').fill('Target');
  await types.getByRole('button', { name: 'Add relation type' }).click();
  await expect(types.getByLabel('Name of relation type Target')).toBeVisible();
  await types.getByLabel('New relation type').fill('speaker');
  await types.getByRole('button', { name: 'Add relation type' }).click();
  await expect(types.getByRole('alert')).toHaveText('There is already a relation type called "Speaker".');

  const name = types.getByLabel('Name of relation type Speaker');
  await name.fill('Said by');
  await name.press('Enter');
  await expect(types.getByLabel('Name of relation type Said by')).toBeVisible();
  await waitSaved(page);
  let info = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  expect(info.labelSchema.relationTypes.map((t) => t.name)).toEqual(['Said by', 'Source', 'Participant', 'Target']);
  let doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.relations).toEqual(tagged.relations);

  await types.getByRole('button', { name: 'Remove relation type Participant' }).click();
  const ask = types.getByRole('group', { name: 'Remove relation type Participant' });
  await expect(ask).toContainText('2 links in 1 article are “Participant”');
  await ask.getByRole('button', { name: 'Delete all 2 and remove' }).click();
  await expect(ask).toBeHidden();
  await waitSaved(page);
  info = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  expect(info.labelSchema.relationTypes.map((t) => t.id)).toEqual(['speaker', 'source', 'target']);
  doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.relations.map((r) => r.type).sort()).toEqual(['source', 'speaker']);

  await types.getByRole('button', { name: 'Remove relation type Target' }).click();
  await expect(types.getByRole('group', { name: 'Remove relation type Target' })).toContainText('No link is a “Target”. Remove it?');
  await types.getByRole('group', { name: 'Remove relation type Target' }).getByRole('button', { name: 'Cancel' }).click();

  await settings.getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('Control+z');
  await waitSaved(page);
  doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(doc.relations.filter((r) => r.type === 'participant')).toHaveLength(2);
  info = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  expect(info.labelSchema.relationTypes.map((t) => t.id)).toEqual(['speaker', 'source', 'participant', 'target']);
  // The arcs of the restored links carry the renamed type's name.
  const quote = doc.annotations.find((a) => doc.relations.some((r) => r.type === 'speaker' && r.from === a.id))!;
  await clickAt(page, quote.fragments[0]!.start + 2);
  await expect(page.locator('.link-arrows text')).toHaveText(['Said by']);
});
