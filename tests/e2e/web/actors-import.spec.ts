import { strToU8, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect, type RunningHost } from '../support/host';
import { createEntity } from '../../../src/core/actors';
import type { ActorList } from '../../../src/core/api';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { importAnnotationFiles } from '../support/exchange';
import { api, find, start } from './editor-helpers';

/**
 * "Importing a colleague's set links its entities to yours by id, else by name through the
 * matcher, and reports what it merged or created; nothing is merged silently" (issue 15), in the
 * dialog: before anything is stored the analyst sees each of their actors and what it becomes,
 * may turn a name match into a new actor, and cancelling imports nothing.
 */

const SEED = '000_d052c3cef2812ef5.txt';

/** Carla's brat zip of the first seed article: "Zelenskyy" and "Keith Kellogg", each linked to an entity of hers. */
async function carlasZip(page: Page, host: RunningHost): Promise<{ zip: Buffer; articleId: string }> {
  const seed = (await api<ArticleSummary[]>(page, host, 'listArticles')).find((a) => a.source === SEED)!;
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: seed.id })).article.text;
  const full = find(text, 'Volodymyr Zelenskyy');
  const z = { start: full.start + 'Volodymyr '.length, end: full.end };
  const k = find(text, 'Keith Kellogg');
  const ann = [
    `T1\tActor ${z.start} ${z.end}\tZelenskyy`,
    'N1\tReference T1 Lede:ent_carla_z\tZelenskyy',
    `T2\tActor ${k.start} ${k.end}\tKeith Kellogg`,
    'N2\tReference T2 Lede:ent_carla_k\tKeith Kellogg',
    '',
  ].join('\n');
  const base = SEED.replace(/\.txt$/, '');
  return { zip: Buffer.from(zipSync({ [`${base}.txt`]: strToU8(text), [`${base}.ann`]: strToU8(ann) })), articleId: seed.id };
}

/** Opens Lede with our "Volodymyr Zelenskyy" in the registry; Carla's zip. */
async function startWithOurZelenskyy(page: Page, host: RunningHost) {
  await start(page, host);
  const ours = createEntity({ entities: [] }, { name: 'Volodymyr Zelenskyy', kind: 'person' }, '2026-03-01T10:00:00.000Z');
  if (!ours.ok) throw new Error('entity');
  await api(page, host, 'applyEdit', { edit: ours.value.edit });
  await page.reload();
  return { ours: ours.value, ...(await carlasZip(page, host)) };
}

async function openPlan(page: Page, zip: Buffer) {
  const dialog = await importAnnotationFiles(page, { name: 'carla.zip', mimeType: 'application/zip', buffer: zip }, 'Carla');
  const plan = dialog.getByRole('region', { name: 'Their actors' });
  await expect(plan).toBeVisible();
  return { dialog, plan };
}

test("a colleague's actors: the plan shows each before anything is stored; cancel changes nothing; a name match turned into a new actor", async ({
  page,
  host,
}) => {
  const { zip, articleId } = await startWithOurZelenskyy(page, host);
  const before = { actors: await api<ActorList>(page, host, 'listActors'), doc: await api<ArticleDoc>(page, host, 'getArticle', { id: articleId }) };

  // The plan: Zelenskyy would be linked to ours by name (with reason and score); Kellogg is new.
  let { dialog, plan } = await openPlan(page, zip);
  const choice = plan.getByLabel('Their actor Zelenskyy');
  await expect(choice.locator('option:checked')).toHaveText(/^Link to your “Volodymyr Zelenskyy” — \w+, score 0\.\d\d$/);
  await expect(plan.getByRole('row', { name: 'Keith Kellogg added as a new actor' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('actor-plan.png') });
  expect(await api<ActorList>(page, host, 'listActors')).toEqual(before.actors);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await api<ActorList>(page, host, 'listActors')).toEqual(before.actors);
  expect(await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).toEqual(before.doc);

  // Again, and the analyst says Carla's "Zelenskyy" is someone else: added as new, not linked.
  ({ dialog, plan } = await openPlan(page, zip));
  await plan.getByLabel('Their actor Zelenskyy').selectOption({ label: 'Add as a new actor “Zelenskyy”' });
  await dialog.getByRole('button', { name: 'Import with these choices' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Actor "Zelenskyy" was added to the registry as ent_carla_z (you chose not to link it to your "Volodymyr Zelenskyy").');
  await expect(report).toContainText('Actor "Keith Kellogg" was added to the registry as ent_carla_k.');
  await page.screenshot({ path: test.info().outputPath('actor-plan-report.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(
    stored.annotations
      .filter((a) => a.author === 'Carla')
      .map((a) => `${a.quote} -> ${a.entity}`)
      .sort(),
  ).toEqual(['Keith Kellogg -> ent_carla_k', 'Zelenskyy -> ent_carla_z']);

  // The Actors view shows their actors at once (the page's registry was reloaded).
  await page.getByRole('button', { name: 'Actors' }).click();
  await expect(page.locator('.registry-row .registry-name')).toHaveText(['Keith Kellogg', 'Volodymyr Zelenskyy', 'Zelenskyy']);
});

test('accepting the proposed name match links their span to your actor', async ({ page, host }) => {
  const { ours, zip, articleId } = await startWithOurZelenskyy(page, host);
  const { dialog } = await openPlan(page, zip);
  await dialog.getByRole('button', { name: 'Import with these choices' }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText(`Actor "Zelenskyy" (ent_carla_z) was linked to your "Volodymyr Zelenskyy" (${ours.entity.id}) by name`);
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(stored.annotations.find((a) => a.author === 'Carla' && a.quote === 'Zelenskyy')!.entity).toBe(ours.entity.id);
  expect((await api<ActorList>(page, host, 'listActors')).entities.map((e) => e.name).sort()).toEqual(['Keith Kellogg', 'Volodymyr Zelenskyy']);
});
