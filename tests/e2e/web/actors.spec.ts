import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startHost, type RunningHost } from '../support/host';
import type { ActorList } from '../../../src/core/api';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { importAnnotationFiles } from '../support/exchange';
import { api, dragSelect, find, openArticle, start, waitSaved } from './editor-helpers';

/** Every linked span of a layer, by article text and offsets, with the name and kind of the entity it links. */
async function links(page: Page, host: RunningHost, author: string): Promise<string[]> {
  const { entities } = await api<ActorList>(page, host, 'listActors');
  const out: string[] = [];
  for (const s of await api<ArticleSummary[]>(page, host, 'listArticles')) {
    const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: s.id });
    for (const a of doc.annotations.filter((x) => x.author === author && x.entity)) {
      const e = entities.find((x) => x.id === a.entity)!;
      out.push(`${doc.article.hash} ${a.fragments.map((f) => `${f.start}-${f.end}`).join(',')} “${a.quote}” -> ${e.id} ${e.name} (${e.kind})`);
    }
  }
  return out.sort();
}

/** Exports the analyst's own layer of the whole workspace in `format` through the Export dialog; the downloaded file. */
async function exportAs(page: Page, format: string): Promise<{ name: string; buffer: Buffer }> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export annotations' });
  await exporter.getByRole('radio', { name: /The whole workspace/ }).check();
  const options = await exporter.getByLabel('Format').locator('option').allTextContents();
  await exporter.getByLabel('Format').selectOption({ label: options.find((t) => t.startsWith(format))! });
  const downloading = page.waitForEvent('download');
  await exporter.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  await page.keyboard.press('Escape');
  await expect(exporter).toBeHidden();
  return { name: download.suggestedFilename(), buffer: Buffer.concat(chunks) };
}

/** Imports a file through the dialog as `layer` ('' keeps a Lede JSON's own layers), confirming the actor plan; the plan's rows. */
async function importThrough(page: Page, file: { name: string; buffer: Buffer }, layer: string): Promise<string[]> {
  const dialog = await importAnnotationFiles(page, { name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer }, layer);
  const plan = dialog.getByRole('region', { name: 'Their actors' });
  await expect(plan.getByRole('row').first()).toBeVisible();
  const rows = await plan.getByRole('row').allInnerTexts();
  await dialog.getByRole('button', { name: 'Import with these choices' }).click();
  await expect(dialog.getByRole('region', { name: 'Import report' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  return rows.map((r) => r.replace(/\s+/g, ' ').trim()).sort();
}

test('the analyst round: tag Zelenskyy and Zelensky in two articles, accept the proposal, see both in the registry, open one, merge, undo, export brat and Lede JSON, re-import into a fresh workspace with every link intact', async ({
  page,
  host,
}) => {
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

  await page.getByLabel('Find an actor to merge into this one').fill('zel');
  await page
    .getByRole('list', { name: 'Actors to merge' })
    .getByRole('button', { name: /^Zelensky — person, 1 mention, ent_/ })
    .click();
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

  // A mention in the registry opens its article at the span.
  await page.locator('.registry-row', { hasText: 'Volodymyr Zelenskyy' }).click();
  await page.locator('.registry-mentions li', { hasText: '“Volodymyr Zelensky”' }).getByRole('button').click();
  await expect(page.locator('.article-header h1')).toContainText('The Kremlin has downplayed');
  await expect(inspector.getByTestId('actor-entity-name')).toHaveText('Volodymyr Zelenskyy');
  await expect(inspector).toContainText('Volodymyr Zelensky');
  await page.screenshot({ path: test.info().outputPath('mention-opened.png') });

  // Export brat and Lede JSON; re-import both into a fresh workspace: every link intact.
  const ours = await links(page, host, 'Ana Analyst');
  expect(ours).toHaveLength(3);
  const lede = await exportAs(page, 'Lede JSON');
  const brat = await exportAs(page, 'brat');
  expect(brat.name).toMatch(/\.zip$/);
  const dir = mkdtempSync(join(tmpdir(), 'lede-e2e-actors-fresh-'));
  const fresh = await startHost(dir);
  try {
    await start(page, fresh);
    // The entities are new here: the plan says so for each before anything is stored.
    expect(await importThrough(page, lede, '')).toEqual(['Volodymyr Zelenskyy added as a new actor', 'Zelensky added as a new actor'].sort());
    expect(await links(page, fresh, 'Ana Analyst')).toEqual(ours);
    // brat carries the entity ids: the same entities, linked by id.
    expect(await importThrough(page, brat, 'Ana via brat')).toEqual(
      ['Volodymyr Zelenskyy is your “Volodymyr Zelenskyy” (same id)', 'Zelensky is your “Zelensky” (same id)'].sort(),
    );
    expect(await links(page, fresh, 'Ana via brat')).toEqual(ours);
    await page.getByRole('button', { name: 'Actors' }).click();
    await expect(page.locator('.registry-row', { hasText: 'Volodymyr Zelenskyy' })).toContainText('4 mentions · 2 articles');
    await expect(page.locator('.registry-row')).toHaveCount(2);
    await page.screenshot({ path: test.info().outputPath('fresh-registry.png') });
  } finally {
    await fresh.stop();
    rmSync(dir, { recursive: true, force: true });
  }
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
