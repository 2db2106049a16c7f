import { strToU8, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/host';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import type { WorkspaceInfo } from '../../../src/core/api';
import { dropFile, importAnnotationFiles, openSeed } from '../support/exchange';
import { api, find, start } from './editor-helpers';

const SEED_TITLE = 'President Donald Trump said Monday';

/** The seed article's brat pair as a colleague would send it: capitalised labels, a README beside it, all zipped. */
async function colleagueZip(page: Page, host: Parameters<typeof api>[1], labels: [string, string]): Promise<{ zip: Buffer; articleId: string }> {
  const { articleId, seed, text } = await openSeed(page, host, SEED_TITLE);
  const trump = find(text, 'Trump');
  const told = find(text, 'Trump told reporters');
  const ann = `T1\t${labels[0]} ${trump.start} ${trump.end}\tTrump\nT2\t${labels[1]} ${told.start} ${told.end}\tTrump told reporters\n`;
  const base = seed.source.replace(/\.txt$/, '');
  const zip = zipSync({ [`${base}.txt`]: strToU8(text), [`${base}.ann`]: strToU8(ann), README: strToU8('our project'), 'tools.conf': strToU8('[search]\n') });
  return { zip: Buffer.from(zip), articleId };
}

const displayNames = async (page: Page, host: Parameters<typeof api>[1]) =>
  (await api<WorkspaceInfo>(page, host, 'getWorkspace')).labelSchema.labels.map((l) => l.name.toLowerCase());

test("a colleague's brat zip through the dialog: Actor and Quote land on ours, the README is skipped with a note", async ({ page, host }) => {
  await start(page, host);
  const { zip, articleId } = await colleagueZip(page, host, ['Actor', 'Quote']);
  const namesBefore = await displayNames(page, host);
  const dialog = await importAnnotationFiles(page, { name: 'lede-brat.zip', mimeType: 'application/zip', buffer: zip }, 'Carla');
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('row', { name: /Carla 1 2 0/ })).toBeVisible();
  await expect(report).toContainText("README: not an annotation file (a brat project's README, settings or cache); skipped");
  expect(await displayNames(page, host)).toEqual(namesBefore);
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(
    stored.annotations
      .filter((a) => a.author === 'Carla')
      .map((a) => a.label)
      .sort(),
  ).toEqual(['actor', 'quote']);
});

test('a zip dropped on the window opens Import annotations with it chosen', async ({ page, host }) => {
  await start(page, host);
  const { zip, articleId } = await colleagueZip(page, host, ['ACTOR', 'quote']);
  await dropFile(page, 'from-carla.zip', 'application/zip', zip);
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await expect(dialog.getByLabel('Chosen files')).toContainText('from-carla.zip');
  await expect(dialog.getByLabel('Layer name')).toHaveValue('from-carla');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Import report' }).getByRole('row', { name: /from-carla 1 2 0/ })).toBeVisible();
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(
    stored.annotations
      .filter((a) => a.author === 'from-carla')
      .map((a) => a.label)
      .sort(),
  ).toEqual(['actor', 'quote']);
  // An article file dropped still imports as an article.
  await page.getByRole('button', { name: 'Done' }).click();
  await dropFile(page, 'harbour.txt', 'text/plain', Buffer.from('Harbour Reopens\nThe harbour reopened on Monday.'));
  await expect(page.locator('.article-item', { hasText: 'Harbour Reopens' })).toBeVisible();
});

test('the mapping step: their Person goes onto our Actor, Statement stays new; no display name twice', async ({ page, host }) => {
  await start(page, host);
  const { zip, articleId } = await colleagueZip(page, host, ['Person', 'Statement']);
  const before = await api<ArticleSummary[]>(page, host, 'listArticles');
  const dialog = await importAnnotationFiles(page, { name: 'carla.zip', mimeType: 'application/zip', buffer: zip });
  const mapping = dialog.getByRole('region', { name: 'Label mapping' });
  await expect(mapping).toContainText('Their labels → yours');
  // Nothing is stored while the analyst decides.
  expect(await api<ArticleSummary[]>(page, host, 'listArticles')).toEqual(before);
  await mapping.getByLabel('Map Person').selectOption({ label: 'Actor' });
  await page.screenshot({ path: test.info().outputPath('mapping-step.png') });
  await dialog.getByRole('button', { name: 'Import with these labels' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('row', { name: /carla 1 2 0/ })).toBeVisible();
  const names = await displayNames(page, host);
  expect(new Set(names).size).toBe(names.length);
  expect(names).toContain('statement');
  expect(names).not.toContain('person');
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(
    stored.annotations
      .filter((a) => a.author === 'carla')
      .map((a) => a.label)
      .sort(),
  ).toEqual(['Statement', 'actor']);
});

test("a colleague's brat zip with actor links: the dialog reports each actor added, the span links it, the Wikidata reference is kept", async ({
  page,
  host,
}) => {
  await start(page, host);
  const { articleId, seed, text } = await openSeed(page, host, SEED_TITLE);
  const trump = find(text, 'Trump');
  // brat's own normalisation syntax: the Lede entity, and another resource's reference beside it.
  const ann = `T1\tActor ${trump.start} ${trump.end}\tTrump\nN1\tReference T1 Lede:ent_carla_trump\tDonald Trump\nN2\tReference T1 Wikidata:Q22686\tDonald Trump\n`;
  const base = seed.source.replace(/\.txt$/, '');
  const zip = Buffer.from(zipSync({ [`${base}.txt`]: strToU8(text), [`${base}.ann`]: strToU8(ann) }));
  const dialog = await importAnnotationFiles(page, { name: 'carla.zip', mimeType: 'application/zip', buffer: zip }, 'Carla');
  // Their actor is listed with what it will become before anything is stored.
  await expect(dialog.getByRole('region', { name: 'Their actors' }).getByRole('row', { name: 'Donald Trump added as a new actor' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import with these choices' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('row', { name: /Carla 1 1 0/ })).toBeVisible();
  await expect(report).toContainText('Actors added to the registry (1)');
  await expect(report).toContainText('Actor "Donald Trump" was added to the registry as ent_carla_trump.');
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  const span = stored.annotations.find((a) => a.author === 'Carla')!;
  expect(span.entity).toBe('ent_carla_trump');
  expect(span.normalizations).toEqual([{ resource: 'Wikidata', ref: 'Q22686', text: 'Donald Trump' }]);
});
