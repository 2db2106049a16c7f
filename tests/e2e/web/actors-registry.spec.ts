import type { Page } from '@playwright/test';
import { test, expect, type RunningHost } from '../support/host';
import { createEntity, linkMention } from '../../../src/core/actors';
import type { ActorEntity } from '../../../src/core/actors/entity';
import type { ActorList } from '../../../src/core/api';
import { createAnnotation } from '../../../src/core/edits/builders';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, find, start, waitSaved } from './editor-helpers';

/**
 * The Actors view as an analyst uses it (issue 15): rename an entity, edit its properties, add
 * and remove aliases, split mentions off into a new entity, merge it back (every mention moves)
 * and undo — each checked in the registry and, by opening a mention, in the article's inspector.
 */

const FIRST = 'President Donald Trump said Monday';
const SECOND = 'The Kremlin has downplayed';
const NOW = '2026-03-01T10:00:00.000Z';

function must<T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** One entity "Volodymyr Zelenskyy" with three mentions: one in the first seed article, two in the second. */
async function zelenskyyMentioned(page: Page, host: RunningHost): Promise<ActorEntity> {
  const articles = await api<ArticleSummary[]>(page, host, 'listArticles');
  const made = must(createEntity({ entities: [] }, { name: 'Volodymyr Zelenskyy', kind: 'person' }, NOW));
  await api(page, host, 'applyEdit', { edit: made.edit });
  const registry = { entities: [made.entity] };
  const spans: [string, string, number][] = [
    [FIRST, 'Volodymyr Zelenskyy', 0],
    [SECOND, 'Volodymyr Zelensky', 0],
    [SECOND, 'Zelensky and seven', 'Zelensky'.length],
  ];
  for (const [title, phrase, length] of spans) {
    const id = articles.find((a) => a.title.startsWith(title))!.id;
    const doc = await api<ArticleDoc>(page, host, 'getArticle', { id });
    const at = find(doc.article.text, phrase);
    const inserted = must(
      createAnnotation(
        doc,
        { label: 'actor', fragments: [{ start: at.start, end: length ? at.start + length : at.end }] },
        { author: 'Ana Analyst', now: NOW },
      ),
    );
    await api(page, host, 'applyEdit', { edit: { kind: 'doc', articleId: id, command: inserted.command } });
    const after = await api<ArticleDoc>(page, host, 'getArticle', { id });
    await api(page, host, 'applyEdit', { edit: must(linkMention(registry, after, inserted.annotation.id, made.entity.id, NOW)) });
  }
  return made.entity;
}

const inspector = (page: Page) => page.getByRole('region', { name: 'Selected annotation' });
const row = (page: Page, name: string) =>
  page.locator('.registry-row', { has: page.locator('.registry-name', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) });

/** Opens the mention whose quote is `quote` from the open entity, and checks the article's inspector names `entity`. */
async function mentionShows(page: Page, quote: string, entity: string): Promise<void> {
  await page
    .locator('.registry-mentions li', { hasText: `“${quote}”` })
    .getByRole('button')
    .click();
  await expect(page.locator('.article-header h1')).toBeVisible();
  await expect(inspector(page).getByTestId('actor-entity-name')).toHaveText(entity);
  await expect(inspector(page)).toContainText(quote);
  await page.getByRole('button', { name: 'Actors' }).click();
}

test('rename, properties, aliases, split, merge and undo in the Actors view, as the registry and the article show them', async ({ page, host }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await start(page, host);
  const entity = await zelenskyyMentioned(page, host);
  await page.reload();
  await page.getByRole('button', { name: 'Actors' }).click();
  await expect(row(page, 'Volodymyr Zelenskyy')).toContainText('3 mentions · 2 articles');
  await row(page, 'Volodymyr Zelenskyy').click();
  const detail = page.getByRole('region', { name: 'Actor Volodymyr Zelenskyy' });
  await expect(detail.locator('.registry-mentions li')).toHaveCount(3);

  // Rename: the old name stays an alias; the article's inspector shows the new name.
  await detail.getByLabel('Name', { exact: true }).fill('Volodymyr Oleksandrovych Zelenskyy');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Volodymyr Oleksandrovych Zelenskyy')).toContainText('3 mentions · 2 articles');
  await expect(row(page, 'Volodymyr Oleksandrovych Zelenskyy').locator('.registry-aliases')).toHaveText('Volodymyr Zelenskyy');
  const opened = page.getByRole('region', { name: 'Actor Volodymyr Oleksandrovych Zelenskyy' });
  await expect(opened.locator('.registry-alias-list li')).toHaveText(['Volodymyr Zelenskyy ×']);
  await waitSaved(page);
  await mentionShows(page, 'Volodymyr Zelensky', 'Volodymyr Oleksandrovych Zelenskyy');

  // Properties: add two, change one, remove one.
  await expect(opened.getByText('None yet')).toBeVisible();
  await opened.getByLabel('New property name').fill('role');
  await opened.getByLabel('New property value').fill('President');
  await opened.getByLabel('New property value').press('Enter');
  await opened.getByLabel('New property name').fill('country');
  await opened.getByLabel('New property value').fill('Ukraine');
  await opened.getByRole('button', { name: 'Add', exact: true }).first().click();
  await expect(opened.getByLabel('Property country', { exact: true })).toHaveValue('Ukraine');
  await opened.getByLabel('Property role', { exact: true }).fill('President of Ukraine');
  await opened.getByLabel('Property role', { exact: true }).press('Enter');
  await opened.getByRole('button', { name: 'Remove property country' }).click();
  await expect(opened.getByLabel('Property country', { exact: true })).toHaveCount(0);
  await expect(opened.getByLabel('Property role', { exact: true })).toHaveValue('President of Ukraine');

  // Aliases: add one (the row lists it), remove it again.
  await opened.getByLabel('New alias').fill('Zelenskiy');
  await opened.getByLabel('New alias').press('Enter');
  await expect(row(page, 'Volodymyr Oleksandrovych Zelenskyy').locator('.registry-aliases')).toHaveText('Volodymyr Zelenskyy, Zelenskiy');
  await opened.getByRole('button', { name: 'Remove alias Zelenskiy' }).click();
  await expect(opened.locator('.registry-alias-list li')).toHaveText(['Volodymyr Zelenskyy ×']);
  await waitSaved(page);
  const stored = (await api<ActorList>(page, host, 'listActors')).entities;
  expect(stored.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, properties: e.properties }))).toEqual([
    { id: entity.id, name: 'Volodymyr Oleksandrovych Zelenskyy', aliases: ['Volodymyr Zelenskyy'], properties: { role: 'President of Ukraine' } },
  ]);

  // Split the surname-only mention off into a new entity: the article says so.
  await opened.getByLabel(/^Select mention “Zelensky” in /).check();
  await opened.getByLabel('Name of the new actor').fill('Zelensky (a namesake)');
  await opened.getByRole('button', { name: 'Split 1 off' }).click();
  await expect(row(page, 'Zelensky (a namesake)')).toContainText('1 mention · 1 article');
  await expect(row(page, 'Volodymyr Oleksandrovych Zelenskyy')).toContainText('2 mentions · 2 articles');
  await expect(opened.locator('.registry-mentions li')).toHaveCount(2);
  await waitSaved(page);
  await row(page, 'Zelensky (a namesake)').click();
  await mentionShows(page, 'Zelensky', 'Zelensky (a namesake)');

  // Merge it back: every mention moves, the merged name becomes an alias; undo restores both.
  await row(page, 'Volodymyr Oleksandrovych Zelenskyy').click();
  await opened.getByLabel('Find an actor to merge into this one').fill('namesake');
  await opened
    .getByRole('list', { name: 'Actors to merge' })
    .getByRole('button', { name: /^Zelensky \(a namesake\) — person, 1 mention, ent_/ })
    .click();
  await expect(opened).toContainText('“Zelensky (a namesake)” (1 mention) will become “Volodymyr Oleksandrovych Zelenskyy”');
  await opened.getByRole('button', { name: 'Merge into Volodymyr Oleksandrovych Zelenskyy' }).click();
  await expect(page.locator('.registry-row')).toHaveCount(1);
  await expect(row(page, 'Volodymyr Oleksandrovych Zelenskyy')).toContainText('3 mentions · 2 articles');
  await expect(opened.locator('.registry-mentions li')).toHaveCount(3);
  await waitSaved(page);
  await page.screenshot({ path: test.info().outputPath('registry-merged.png') });
  await mentionShows(page, 'Zelensky', 'Volodymyr Oleksandrovych Zelenskyy');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.registry-row')).toHaveCount(2);
  await expect(row(page, 'Zelensky (a namesake)')).toContainText('1 mention · 1 article');
  await waitSaved(page);
  await row(page, 'Zelensky (a namesake)').click();
  await mentionShows(page, 'Zelensky', 'Zelensky (a namesake)');
  // And the split undone too: one entity with its three mentions, as at the start (renamed).
  await page.keyboard.press('Control+z');
  await expect(page.locator('.registry-row')).toHaveCount(1);
  await expect(row(page, 'Volodymyr Oleksandrovych Zelenskyy')).toContainText('3 mentions · 2 articles');
  await waitSaved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Actors' }).click();
  await expect(row(page, 'Volodymyr Oleksandrovych Zelenskyy')).toContainText('3 mentions · 2 articles');
  expect(pageErrors).toEqual([]);
});

test('a first visit to the Actors view says how actors get there, and typing goes to the filter', async ({ page, host }) => {
  await start(page, host);
  await page.getByRole('button', { name: 'Actors' }).click();
  await expect(page.getByText('No actors yet.')).toBeVisible();
  await expect(page.getByLabel('Filter actors')).toBeFocused();
  const made = must(createEntity({ entities: [] }, { name: 'Olena Zelenska', kind: 'person' }, NOW));
  await api(page, host, 'applyEdit', { edit: made.edit });
  await page.reload();
  await page.getByRole('button', { name: 'Actors' }).click();
  await expect(row(page, 'Olena Zelenska')).toContainText('0 mentions · 0 articles');
  await page.keyboard.type('Putin');
  await expect(page.getByText('No actor matches the filter.')).toBeVisible();
  await expect(page.getByText('No actors yet.')).toBeHidden();
});
