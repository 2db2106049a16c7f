import { test, expect } from '../support/host';
import { linkMention } from '../../../src/core/actors';
import type { ActorEntity } from '../../../src/core/actors/entity';
import { createAnnotation } from '../../../src/core/edits/builders';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, find, start, waitSaved } from './editor-helpers';

/**
 * The Actors view at 10,000 entities (issue 15: "filter and sort; keyboard-usable; virtualised
 * for 10,000 entities"), with the keyboard only: filter, sort, arrows, Page Down, End, Enter.
 * Only the rows in sight are in the page.
 */

const NOW = '2026-03-01T10:00:00.000Z';
const COUNT = 10_000;

function entity(i: number, name: string): ActorEntity {
  return {
    id: `ent_${String(i).padStart(5, '0')}`,
    name,
    kind: i % 5 === 0 ? 'organisation' : 'person',
    aliases: [],
    properties: {},
    note: '',
    created: NOW,
    modified: NOW,
  };
}

test('10,000 actors: filter, sort, arrows, Page Down, End and Enter work from the keyboard, and only the rows in sight are rendered', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await start(page, host);
  const entities = Array.from({ length: COUNT }, (_, i) =>
    entity(i, i === 4321 ? 'Volodymyr Zelenskyy' : `Actor ${String(i).padStart(5, '0')} Surname${i % 97}`),
  );
  await api(page, host, 'applyEdit', { edit: { kind: 'actors', command: { op: 'insert', entities } } });
  // One mention, so sorting by mentions has something to put first.
  const first = (await api<ArticleSummary[]>(page, host, 'listArticles')).find((a) => a.title.startsWith('President Donald Trump said Monday'))!;
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id: first.id });
  const at = find(doc.article.text, 'Volodymyr Zelenskyy');
  const made = createAnnotation(doc, { label: 'actor', fragments: [at] }, { author: 'Ana Analyst', now: NOW });
  if (!made.ok) throw new Error('annotation');
  await api(page, host, 'applyEdit', { edit: { kind: 'doc', articleId: first.id, command: made.value.command } });
  const linked = linkMention({ entities }, await api<ArticleDoc>(page, host, 'getArticle', { id: first.id }), made.value.annotation.id, 'ent_04321', NOW);
  if (!linked.ok) throw new Error('link');
  await api(page, host, 'applyEdit', { edit: linked.value });
  await page.reload();

  await page.getByRole('button', { name: 'Actors' }).click();
  const list = page.getByRole('listbox', { name: 'Actor list' });
  await expect(page.getByText('10,000 actors · ↑/↓ to move, Enter to open')).toBeVisible();
  const rendered = async () => list.getByRole('option').count();
  expect(await rendered()).toBeLessThan(60);
  const active = () => list.getAttribute('aria-activedescendant');

  // Filter from the keyboard, Enter opens the one match.
  const filter = page.getByLabel('Filter actors');
  await filter.focus();
  await page.keyboard.type('zelensk');
  await expect(page.getByText('1 of 10,000 actors')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Actor Volodymyr Zelenskyy' })).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await expect(page.getByText('10,000 actors ·')).toBeVisible();

  // Tab to the kind and sort choices; the arrow keys change them.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Kind', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Sort by')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Sort by')).toHaveValue('mentions');
  await expect(list.getByRole('option').first()).toContainText('Volodymyr Zelenskyy');

  // Into the list: arrows, Page Down, End, Home; the row under the cursor is in sight.
  await page.keyboard.press('Tab');
  await expect(list).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await active()).toBe(await list.getByRole('option').nth(2).getAttribute('id'));
  for (let i = 0; i < 30; i++) await page.keyboard.press('PageDown');
  const deep = await active();
  await expect(page.locator(`#${deep}`)).toBeInViewport();
  expect(await rendered()).toBeLessThan(60);
  await page.keyboard.press('End');
  await expect(page.locator(`#${await active()}`)).toBeInViewport();
  const lastName = await page.locator(`#${await active()} .registry-name`).innerText();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: `Actor ${lastName}` })).toBeVisible();
  // To the editor and back: the same entity is open, and the cursor is on it, in sight.
  await page.getByRole('button', { name: 'Editor' }).click();
  await page.getByRole('button', { name: 'Actors' }).click();
  await expect(page.getByRole('region', { name: `Actor ${lastName}` })).toBeVisible();
  await expect(page.locator('.registry-row.cursor .registry-name')).toHaveText(lastName);
  await expect(page.locator('.registry-row.cursor')).toBeInViewport();
  // Merging into it: the other actor is found by name among 10,000, a few at a time.
  await page.getByLabel('Find an actor to merge into this one').fill('surname8');
  await expect(page.getByRole('list', { name: 'Actors to merge' }).getByRole('button')).toHaveCount(8);
  await expect(page.getByRole('list', { name: 'Actors to merge' })).toContainText('more: type more of the name');
  await page.getByLabel('Find an actor to merge into this one').fill('');
  await list.focus();
  await page.keyboard.press('Home');
  await expect(page.locator(`#${await active()}`)).toContainText('Volodymyr Zelenskyy');
  await page.screenshot({ path: test.info().outputPath('registry-10000.png') });
  await waitSaved(page);
});
