import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startHost, test } from '../support/host';
import type { WorkspaceInfo } from '../../../src/core/api';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { dropFile } from '../support/exchange';
import { api, putLayer, start, waitSaved } from './editor-helpers';

/**
 * Issue 10's whole round trip, as two analysts do it: in one workspace Ana and her colleague
 * Carla (who calls actors "Person") tag the same article; "All layers" is exported as brat; the zip
 * is dropped on a fresh workspace, Carla's "Person" is mapped onto Actor, and the two layers are
 * reviewed with A/B/C/R in walk order to the end with no dead end; then it is all undone.
 */

const SEED = '000_d052c3cef2812ef5.txt';
const ANALYST = 'Ana Analyst';

const ANA = [
  'T1\tactor 10 22\tDonald Trump',
  'T2\tclaim 35 58\the is uncertain whether',
  'T3\tquote 219 252\t“I don’t know that they’ll meet,”',
  'T4\tactor 253 258\tTrump',
  'R1\tspeaker Arg1:T3 Arg2:T4',
  '',
].join('\n');
const CARLA = [
  'T1\tPerson 0 22\tPresident Donald Trump',
  'T2\tclaim 164 217\tdespite his repeated efforts to push for direct talks',
  'T3\tquote 219 252\t“I don’t know that they’ll meet,”',
  'T4\tPerson 253 258\tTrump',
  '',
].join('\n');

test('export All layers as brat, drop the zip on a fresh workspace, map their label, review A/B/C/R to the end, undo it all', async ({ page, host }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // Workspace 1: Ana's and Carla's layers on the seed article; Carla's schema has a "Person" label.
  await start(page, host, ANALYST);
  const seed = (await api<ArticleSummary[]>(page, host, 'listArticles')).find((a) => a.source === SEED)!;
  const { labelSchema } = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  const withPerson = {
    ...labelSchema,
    labels: [...labelSchema.labels, { id: 'Person', name: 'Person', color: '#8a5cf6', key: '', kind: 'span' as const, attributes: [] }],
  };
  await api(page, host, 'applyEdit', { edit: { kind: 'schema', before: labelSchema, after: withPerson } });
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: seed.id });
  await putLayer(page, host, stored, ANA, ANALYST);
  await putLayer(page, host, stored, CARLA, 'Carla');
  await page.reload();

  await page.getByRole('button', { name: 'Export…' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export annotations' });
  await exporter.getByLabel('Layer', { exact: true }).selectOption({ label: 'All layers, one set per annotator' });
  await exporter
    .getByLabel('Format')
    .selectOption({ label: (await exporter.getByLabel('Format').locator('option').allTextContents()).find((t) => /^brat/.test(t))! });
  const downloading = page.waitForEvent('download');
  await exporter.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const zip = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  expect(download.suggestedFilename()).toBe('lede-brat-by-annotator.zip');

  // Workspace 2, fresh: the zip dropped on the window.
  const dir = mkdtempSync(join(tmpdir(), 'lede-e2e-fresh-'));
  const fresh = await startHost(dir);
  try {
    await start(page, fresh, ANALYST);
    await dropFile(page, 'lede-brat-by-annotator.zip', 'application/zip', zip);
    const importer = page.getByRole('dialog', { name: 'Import annotations' });
    await expect(importer.getByLabel('Chosen files')).toContainText('lede-brat-by-annotator.zip');
    // The zip is a brat project: its folders name the layers (a name taken from the zip's file name was refused).
    await expect(importer.getByText(`A brat project: each annotator folder becomes a layer (${ANALYST}, Carla).`)).toBeVisible();
    await importer.getByRole('button', { name: 'Import', exact: true }).click();
    const mapping = importer.getByRole('region', { name: 'Label mapping' });
    await mapping.getByLabel('Map Person').selectOption({ label: 'Actor' });
    await importer.getByRole('button', { name: 'Import with these labels' }).click();
    const report = importer.getByRole('region', { name: 'Import report' });
    await expect(report).toContainText('Carla');
    await expect(report).toContainText(ANALYST);
    await expect(report).toContainText('Person → Actor (as you mapped it)'); // our label by its name, not its id "actor"
    await importer.getByRole('button', { name: 'Done' }).click();
    const names = (await api<WorkspaceInfo>(page, fresh, 'getWorkspace')).labelSchema.labels.map((l) => l.name.toLowerCase());
    expect(names).not.toContain('person');
    expect(new Set(names).size).toBe(names.length);

    const id = (await api<ArticleSummary[]>(page, fresh, 'listArticles')).find((a) => a.source === SEED)!.id;
    const before = await api<ArticleDoc>(page, fresh, 'getArticle', { id });
    expect(
      before.annotations
        .filter((a) => a.author === 'Carla')
        .map((a) => a.label)
        .sort(),
    ).toEqual(['actor', 'actor', 'claim', 'quote']);
    await page.goto(`${fresh.url}#${id}`);
    await page.reload();

    // Review A (Ana) against B (Carla) with the keyboard, in walk order, to the end.
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    const review = page.getByRole('main', { name: 'Review' });
    await review.getByLabel('Layer A').selectOption(ANALYST);
    await review.getByLabel('Layer B').selectOption('Carla');
    await expect(review.locator('.review-item .item-class')).toHaveText(['boundary differs', 'only in A', 'only in B', 'link only in A']);
    const card = review.getByRole('complementary', { name: 'Difference in focus' });
    const cls = card.locator('.card-class');
    const notice = card.getByTestId('item-notice');
    const progress = review.getByTestId('review-progress-article');
    await page.keyboard.press('n');
    await expect(cls).toHaveText('boundary differs');
    await page.keyboard.press('b'); // Carla's span with the title
    await expect(cls).toHaveText('only in A');
    await page.keyboard.press('c'); // nothing to combine: says why, stays
    await expect(notice).toHaveText('Only A has this annotation, so there is nothing to combine: A takes it, R rejects it.');
    await expect(cls).toHaveText('only in A');
    await page.keyboard.press('r');
    await expect(cls).toHaveText('only in B');
    await page.keyboard.press('b');
    await expect(cls).toHaveText('link only in A');
    await expect(card.locator('.review-relation')).toContainText('Speaker'); // the link type by its name, as the sidebar shows it
    await expect(review.locator('.review-item[aria-current="true"]')).toContainText('Speaker');
    await page.keyboard.press('b'); // cannot apply: says why, stays
    await expect(notice).toHaveText('Only A has this link: A keeps it, R rejects it.');
    await expect(cls).toHaveText('link only in A');
    await page.keyboard.press('a'); // its ends are not in the reviewed layer yet: offered
    await expect(notice).toContainText('press A again');
    await page.keyboard.press('a');
    await expect(card.getByTestId('item-status')).toHaveText('accepted A');
    await page.keyboard.press('Shift+A'); // the rest of the agreed annotations
    await expect(progress).toContainText('0 open');
    await page.keyboard.press('n');
    await expect(page.getByRole('status').filter({ hasText: 'Every difference in this article is settled.' }).first()).toBeVisible();
    await waitSaved(page);
    const reviewed = (await api<ArticleDoc>(page, fresh, 'getArticle', { id })).annotations.filter((a) => a.author === 'reviewed');
    expect(reviewed.map((a) => a.quote).sort()).toEqual(
      ['President Donald Trump', 'Trump', 'despite his repeated efforts to push for direct talks', '“I don’t know that they’ll meet,”'].sort(),
    );

    // Undo it all: the article is exactly as imported.
    for (let i = 0; i < 10 && (await api<ArticleDoc>(page, fresh, 'getArticle', { id })).annotations.length !== before.annotations.length; i++) {
      await page.keyboard.press('Control+z');
      await waitSaved(page);
    }
    const undone = await api<ArticleDoc>(page, fresh, 'getArticle', { id });
    expect(undone.annotations).toEqual(before.annotations);
    expect(undone.relations).toEqual(before.relations);
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('status').filter({ hasText: 'Nothing to undo.' }).first()).toBeVisible();
    expect(pageErrors).toEqual([]);
  } finally {
    await fresh.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
