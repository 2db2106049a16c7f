import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from '@playwright/test';
import { test, expect } from '../support/host';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../support/shared';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { importAnnotationFiles, openSeed } from '../support/exchange';
import { api, dragSelect, find, openArticle, start, startOnArticle, waitSaved } from './editor-helpers';

const SEED_TITLE = 'President Donald Trump said Monday';

/** Chooses a format in the open Export dialog, exports, and returns the saved download. */
async function exportAs(page: Page, format: RegExp): Promise<{ download: Download; bytes: Buffer }> {
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog
    .getByLabel('Format')
    .selectOption({ label: (await dialog.getByLabel('Format').locator('option').allTextContents()).find((t) => format.test(t))! });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  return { download, bytes: readFileSync(await download.path()) };
}

test('an analyst tags a few spans and exports them in several formats through the dialog', async ({ page, host }) => {
  const { text } = await startOnArticle(page, host, SEED_TITLE);
  const popup = page.getByRole('toolbar', { name: 'Tag the selection' });
  const claim = find(text, 'he is uncertain whether Ukraine’s Volodymyr Zelenskyy and Russia’s Vladimir Putin will meet soon');
  await dragSelect(page, claim.start, claim.end);
  await popup.getByRole('button', { name: /^Claim/ }).click();
  const trump = find(text, 'Trump told reporters');
  await dragSelect(page, trump.start, trump.start + 'Trump'.length);
  await popup.getByRole('button', { name: /^Actor/ }).click();
  await expect(page.getByTestId('annotation-count')).toHaveText('2');
  await waitSaved(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(dialog.getByLabel('The open article')).toBeChecked();

  const lede = await exportAs(page, /^Lede JSON/);
  expect(lede.download.suggestedFilename()).toBe('annotations.lede.json');
  const file = JSON.parse(lede.bytes.toString('utf8')) as { articles: ArticleDoc[] };
  expect(file.articles).toHaveLength(1);
  expect(file.articles[0]!.annotations.map((a) => `${a.label}:${a.quote}:${a.author}`).sort()).toEqual([
    `actor:Trump:Ana Analyst`,
    `claim:${text.slice(claim.start, claim.end)}:Ana Analyst`,
  ]);
  await expect(dialog.getByRole('region', { name: 'Export report' })).toContainText('Saved annotations.lede.json: 2 annotations, 1 article.');

  const w3c = await exportAs(page, /^W3C/);
  const items = (JSON.parse(w3c.bytes.toString('utf8')) as { first: { items: { target: { selector: { exact?: string }[] }[] }[] } }).first.items;
  expect(items.map((i) => i.target[0]!.selector[0]!.exact).sort()).toEqual(['Trump', text.slice(claim.start, claim.end)].sort());

  const brat = await exportAs(page, /^brat/);
  expect(brat.download.suggestedFilename()).toBe('lede-brat.zip');
  const zip = unzipSync(new Uint8Array(brat.bytes));
  const ann = Object.entries(zip).find(([name]) => name.endsWith('.ann'))!;
  expect(strFromU8(ann[1])).toMatch(/^T\d+\tactor \d+ \d+\tTrump$/m);
  expect(Object.keys(zip)).toContain('annotation.conf');

  const csv = await exportAs(page, /^CSV/);
  expect(csv.bytes.toString('utf8')).toContain('Trump');
  await expect(dialog.getByRole('region', { name: 'Export report' })).toBeVisible();
});

test("a colleague's brat .ann for a seed article becomes a named layer; a bad file is refused with its location and changes nothing", async ({
  page,
  host,
}) => {
  await start(page, host);
  const { articleId, seed, text } = await openSeed(page, host, SEED_TITLE);
  const name = seed.source.replace(/\.txt$/, '.ann');
  const trump = find(text, 'Trump');
  const ann = `T1\tPerson ${trump.start} ${trump.end}\tTrump\n#1\tAnnotatorNotes T1\tthe president\n`;

  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByTestId('import-annotations-files').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(ann) });
  await expect(dialog.getByLabel('Layer name')).toHaveValue(name.replace(/\..*$/, ''));
  await dialog.getByLabel('Layer name').fill('Carla');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  // Person matches none of our labels: the mapping step asks; kept as a new label.
  await expect(dialog.getByLabel('Map Person')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Import with these labels' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('row', { name: /Carla 1 1 0/ })).toBeVisible();
  await expect(report).toContainText('label Person');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The layer is in the editor: its annotation in the sidebar list, with its author.
  await expect(page.locator('.row-author', { hasText: 'Carla' })).toHaveCount(1);
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(stored.annotations.filter((a) => a.author === 'Carla').map((a) => [a.label, a.quote, a.note])).toEqual([['Person', 'Trump', 'the president']]);

  // A bad file: the error names file, line and annotation; nothing changes.
  const before = await api<ArticleSummary[]>(page, host, 'listArticles');
  await importAnnotationFiles(page, { name, mimeType: 'text/plain', buffer: Buffer.from(`${ann}T2\tPerson 0 5\tNOT THE TEXT\n`) }, 'Dmitri');
  const problems = dialog.getByRole('alert');
  await expect(problems).toContainText('Nothing was imported: the workspace is unchanged.');
  await expect(problems).toContainText(`${name}:3 text annotation T2:`);
  expect(await api<ArticleSummary[]>(page, host, 'listArticles')).toEqual(before);
  expect(await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).toEqual(stored);
});

test('a brat project folder chosen with the folder picker becomes one layer per annotator folder', async ({ page, host }) => {
  test.skip(!sharedAvailable, SHARED_MISSING_REASON);
  const project = mkdtempSync(join(tmpdir(), 'lede-e2e-project-'));
  const doc = 'nyt_2016-01-29_it-s-still-bill-but-old-magic-se';
  for (const annotator of ['4b22', '5fec']) {
    mkdirSync(join(project, 'polnear', annotator), { recursive: true });
    for (const ext of ['txt', 'ann'])
      cpSync(sharedPath('corpora/polnear-multi', annotator, `${doc}.${ext}`), join(project, 'polnear', annotator, `${doc}.${ext}`));
  }
  try {
    await start(page, host);
    await page.getByRole('button', { name: 'Import annotations…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import annotations' });
    await dialog.getByTestId('import-annotations-folder').setInputFiles(join(project, 'polnear'));
    await expect(dialog).toContainText('A brat project: each annotator folder becomes a layer (4b22, 5fec).');
    await expect(dialog.getByLabel('Layer name')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    // PolNeAR's Source, Cue, Content match none of our labels: kept as new ones in the mapping step.
    await expect(dialog.getByLabel('Map Source')).toBeVisible();
    await dialog.getByRole('button', { name: 'Import with these labels' }).click();
    const report = dialog.getByRole('region', { name: 'Import report' });
    await expect(report.getByRole('row', { name: /^4b22 1 / })).toBeVisible();
    await expect(report.getByRole('row', { name: /^5fec 1 / })).toBeVisible();
    await expect(report).toContainText('Articles added (1)');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('.article-item')).toHaveCount(6);
    await openArticle(page, "It's still Bill, but old magic seems missing");
    await expect(page.locator('[aria-label="Authors shown"]')).toContainText('4b22');
    await expect(page.locator('[aria-label="Authors shown"]')).toContainText('5fec');
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

test("the export dialog exports the analyst's own layer by default, and all layers only kept apart, with what each format loses", async ({ page, host }) => {
  await start(page, host);
  const { seed, text } = await openSeed(page, host, SEED_TITLE);
  const trump = find(text, 'Trump told reporters');
  await dragSelect(page, trump.start, trump.start + 'Trump'.length);
  await page
    .getByRole('toolbar', { name: 'Tag the selection' })
    .getByRole('button', { name: /^Actor/ })
    .click();
  await waitSaved(page);
  // A colleague's set for the same article, with a note CoNLL cannot hold.
  const ann = `T1\tactor ${trump.start} ${trump.start + 5}\tTrump\n#1\tAnnotatorNotes T1\tthe president\n`;
  const importer = await importAnnotationFiles(
    page,
    { name: seed.source.replace(/\.txt$/, '.ann'), mimeType: 'text/plain', buffer: Buffer.from(ann) },
    'Carla',
  );
  await expect(importer.getByRole('region', { name: 'Import report' })).toBeVisible();
  await importer.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(dialog.getByLabel('Layer', { exact: true })).toHaveValue('Ana Analyst');
  await expect(dialog.getByLabel('Layers in the export')).toHaveText("Only the layer Ana Analyst (yours): no one else's annotations.");
  const mine = await exportAs(page, /^Lede JSON/);
  expect((JSON.parse(mine.bytes.toString('utf8')) as { articles: ArticleDoc[] }).articles[0]!.annotations.map((a) => a.author)).toEqual(['Ana Analyst']);
  await expect(dialog.getByLabel('Layers exported')).toHaveText('Only the layer Ana Analyst.');

  await dialog.getByLabel('Layer', { exact: true }).selectOption({ label: 'All layers, one set per annotator' });
  await dialog
    .getByLabel('Format')
    .selectOption({ label: (await dialog.getByLabel('Format').locator('option').allTextContents()).find((t) => /^brat/.test(t))! });
  await expect(dialog.getByLabel('Layers in the export')).toHaveText(
    'All layers, one set per annotator (Ana Analyst, Carla): a brat project: one folder per annotator, <annotator>/<doc>.txt and .ann.',
  );
  const brat = await exportAs(page, /^brat/);
  expect(brat.download.suggestedFilename()).toBe('lede-brat-by-annotator.zip');
  const names = Object.keys(unzipSync(new Uint8Array(brat.bytes))).sort();
  expect(names.filter((n) => n.endsWith('.ann')).map((n) => n.split('/')[0])).toEqual(['Ana Analyst', 'Carla']);
  expect(names).toEqual(expect.arrayContaining(['annotation.conf', 'visual.conf']));
  await expect(dialog.getByLabel('Layers exported')).toContainText('2 layers (Ana Analyst, Carla), kept apart');

  await exportAs(page, /^CoNLL/);
  const report = dialog.getByRole('region', { name: 'Export report' });
  await expect(report).toContainText('Carla: 1 annotation note: CoNLL has no notes; not exported');
  await expect(report).not.toContainText('Everything was represented exactly');
  await page.screenshot({ path: 'test-results/export-all-layers.png' });
});
