import { strToU8, zipSync } from 'fflate';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../support/host';
import { importAnnotationFiles, openSeed } from '../support/exchange';
import type { WorkspaceInfo } from '../../../src/core/api';
import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import { api, find, start } from './editor-helpers';

/**
 * The rough edges a first week of real use finds, in the article list, the exchange dialogs and
 * the review view: what the analyst sees fits, reads right and keeps the keyboard's place.
 */

const SEED_TITLE = 'President Donald Trump said Monday';

type Box = { x: number; y: number; width: number; height: number };
const box = async (l: Locator): Promise<Box> => (await l.boundingBox())!;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;
const apart = (a: Box, b: Box) => a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5;

/** The selection bar's parts: each on one line, inside the bar and the article pane, none over another. */
async function expectSelectionBarFits(page: Page) {
  const bar = page.locator('.article-selection');
  const pane = await box(page.locator('.left-pane'));
  const barBox = await box(bar);
  expect(inside(barBox, pane)).toBe(true);
  const count = bar.getByText(/articles selected/);
  const parts = [
    count,
    bar.getByLabel('Tag the selected articles'),
    bar.getByRole('button', { name: 'Tag', exact: true }),
    bar.getByRole('button', { name: 'Delete' }),
    bar.getByRole('button', { name: 'Clear' }),
  ];
  const boxes = await Promise.all(parts.map(box));
  for (const b of boxes) expect(inside(b, barBox)).toBe(true);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(apart(boxes[i]!, boxes[j]!), `parts ${i} and ${j}`).toBe(true);
  // “3 articles selected” is one line, not three.
  const lineHeight = await count.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 18);
  expect(boxes[0]!.height).toBeLessThan(lineHeight * 1.5);
  // Two rows at most: the count with Clear, the tag box with Delete.
  expect(barBox.height).toBeLessThan(80);
}

for (const [width, height] of [
  [1280, 800],
  [1024, 700],
] as const) {
  test(`at ${width} × ${height} the selection bar fits the article list, and Delete and Clear keep the keyboard in the list`, async ({ page, host }) => {
    await page.setViewportSize({ width, height });
    await start(page, host);
    const drawer = page.getByRole('button', { name: 'Articles', exact: true });
    if (width < 1180) await drawer.click();
    const items = page.locator('.article-list .article-item');
    await expect(items).toHaveCount(5);
    await items.nth(0).click({ modifiers: ['Control'] });
    await items.nth(1).click({ modifiers: ['Control'] });
    await items.nth(2).click({ modifiers: ['Control'] });
    await expect(page.locator('.article-selection')).toContainText('3 articles selected');
    await expectSelectionBarFits(page);
    await page.screenshot({ path: test.info().outputPath(`selection-${width}.png`) });

    // Clear: the bar goes, the focus stays in the list (on the first selected row).
    await page.locator('.article-selection').getByRole('button', { name: 'Clear' }).click();
    await expect(page.locator('.article-selection')).toBeHidden();
    await expect(items.nth(0)).toBeFocused();

    // Open the fourth article (the drawer closes on opening: open it again), select the first two.
    await items.nth(3).click();
    if (width < 1180) await drawer.click();
    await items.nth(0).click({ modifiers: ['Control'] });
    await items.nth(3).click({ modifiers: ['Control'] });
    await items.nth(1).click({ modifiers: ['Control'] });
    await expect(page.locator('.article-selection')).toContainText('2 articles selected');
    // Delete them: the focus lands on the row that took their place, so ↓ and Delete go on from there.
    const third = (await items.nth(2).getAttribute('data-article-id'))!;
    await page.locator('.article-selection').getByRole('button', { name: 'Delete' }).click();
    await expect(items).toHaveCount(3);
    await expect(page.locator(`.article-item[data-article-id="${third}"]`)).toBeFocused();

    // Delete from the keyboard on the last row: the focus moves up to the new last row.
    await items.nth(2).focus();
    await page.keyboard.press('Delete');
    await expect(items).toHaveCount(2);
    await expect(items.nth(1)).toBeFocused();

    // Delete the open article from the keyboard: another opens, and the drawer stays open under
    // the analyst's hands (it closed, and the focus dropped to the page).
    const openId = (await page.locator('.article-text').getAttribute('data-article-id'))!;
    await page.locator(`.article-item[data-article-id="${openId}"]`).focus();
    await page.keyboard.press('Delete');
    await expect(items).toHaveCount(1);
    await expect(page.locator('.article-text')).not.toHaveAttribute('data-article-id', openId);
    if (width < 1180) await expect(page.locator('.workspace')).toHaveClass(/\barticles-open\b/);
    await expect(items.nth(0)).toBeFocused();
  });
}

/** The seed article's brat pair, as two colleagues who tagged the same two spans would send it. */
async function bratPair(page: Page, host: Parameters<typeof openSeed>[1]) {
  const { seed, text } = await openSeed(page, host, SEED_TITLE);
  const trump = find(text, 'Trump');
  const told = find(text, 'Trump told reporters');
  const ann = `T1\tActor ${trump.start} ${trump.end}\tTrump\nT2\tQuote ${told.start} ${told.end}\tTrump told reporters\n`;
  const base = seed.source.replace(/\.txt$/, '');
  return { name: 'pair.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({ [`${base}.txt`]: strToU8(text), [`${base}.ann`]: strToU8(ann) })) };
}

test('the exchange dialogs keep the dialog look inside the dark top bar; after an import Done is the next step', async ({ page, host }) => {
  await start(page, host);
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  const surface = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--surface').trim());
  const rgb = (colour: string) =>
    page.evaluate((c) => {
      const probe = document.createElement('span');
      probe.style.color = c;
      document.body.append(probe);
      const out = getComputedStyle(probe).color;
      probe.remove();
      return out;
    }, colour);
  const background = (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor);

  const dialog = await importAnnotationFiles(page, await bratPair(page, host), 'Carla');
  await expect(dialog.getByRole('region', { name: 'Import report' })).toBeVisible();
  // Choose files… is a plain dialog button (the top bar's dark chrome stays in the top bar).
  expect(await background(dialog.getByRole('button', { name: 'Choose files…' }))).toBe(await rgb(surface));
  // The import landed: Done is the main button and has the focus, Enter closes.
  const done = dialog.getByRole('button', { name: 'Done' });
  await expect(done).toBeFocused();
  expect(await background(done)).toBe(await rgb(accent));
  expect(await background(dialog.getByRole('button', { name: 'Import', exact: true }))).toBe(await rgb(surface));
  await page.screenshot({ path: test.info().outputPath('import-done.png') });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // Export: its Export button is the accent one too, not the top bar's.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export annotations' });
  expect(await background(exporter.getByRole('button', { name: 'Export', exact: true }))).toBe(await rgb(accent));
});

test('review: the empty state reads at full width; two layers that agree say what to do instead of “Press N”', async ({ page, host }) => {
  await start(page, host);
  await page.getByRole('button', { name: 'Review' }).click();
  const empty = page.locator('.review-body > .review-empty');
  await expect(empty).toContainText('Choose the two layers to compare');
  // Not squeezed into the first, narrow column: a readable line.
  expect((await box(empty)).width).toBeGreaterThan(500);
  await page.screenshot({ path: test.info().outputPath('review-empty.png') });
  await page.getByRole('button', { name: 'Editor', exact: true }).click();

  const pair = await bratPair(page, host);
  for (const layer of ['Carla', 'Ben']) {
    const dialog = await importAnnotationFiles(page, pair, layer);
    await expect(dialog.getByRole('region', { name: 'Import report' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
  }
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('main', { name: 'Review' });
  await review.getByLabel('Layer A').selectOption('Carla');
  await review.getByLabel('Layer B').selectOption('Ben');
  const card = review.getByRole('complementary', { name: 'Difference in focus' });
  await expect(card).toHaveText(
    'The two layers do not differ in this article. Accept all agreed (Shift+A) takes the 2 items both layers agree on into the reviewed layer.',
  );
  await page.keyboard.press('Shift+A');
  await expect(card).toHaveText('The two layers do not differ in this article. Nothing is left to review here.');
  await page.screenshot({ path: test.info().outputPath('review-agreed.png') });
  // The difference keys say so too, not "That was the last difference" or "Choose a difference first".
  const told = page.getByRole('status').filter({ hasText: 'The two layers do not differ in this article: there is no difference to decide.' });
  await page.keyboard.press('j');
  await expect(told).toBeVisible();
  await page.keyboard.press('a');
  await expect(told).toContainText('×2');
  await expect(page.getByText('That was the last difference')).toHaveCount(0);
  await expect(page.getByText('Choose a difference first')).toHaveCount(0);
});

test('after the welcome card (Start annotating or Later) the keyboard goes on in the open article', async ({ page, host }) => {
  await start(page, host);
  await expect(page.locator('.article-text')).toBeFocused();
  // The answer is confirmed as what it is for, not as "Settings saved.".
  await expect(page.getByRole('status').filter({ hasText: 'Welcome, Ana Analyst: your annotations carry this name.' })).toBeVisible();
  await expect(page.getByText('Settings saved.')).toHaveCount(0);
  // Later, in a new session: the same.
  await api(page, host, 'saveSettings', {
    settings: { ...(await api<WorkspaceInfo>(page, host, 'getWorkspace')).settings, analystName: DEFAULT_SETTINGS.analystName },
  });
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  const welcome = page.getByRole('dialog', { name: 'Welcome to Lede' });
  await welcome.getByRole('button', { name: 'Later' }).click();
  await expect(welcome).toBeHidden();
  await expect(page.locator('.article-text')).toBeFocused();
});

test('the shortcuts line up in every section, and a dialog header stays above what scrolls under it', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await start(page, host);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  // Per column of the overlay, every description starts at the same x; no key spills past its cell.
  const cells = await help.locator('.shortcut-table tr').evaluateAll((rows) =>
    rows.map((r) => {
      const th = r.querySelector('th')!.getBoundingClientRect();
      const td = r.querySelector('td')!.getBoundingClientRect();
      const keys = [...r.querySelectorAll('kbd')].map((k) => k.getBoundingClientRect().right);
      return { th: Math.round(th.left), td: Math.round(td.left), spill: Math.max(...keys) - td.left };
    }),
  );
  const columns = new Map<number, Set<number>>();
  for (const c of cells) columns.set(c.th, (columns.get(c.th) ?? new Set()).add(c.td));
  expect(columns.size).toBe(2);
  for (const starts of columns.values()) expect([...starts]).toHaveLength(1);
  for (const c of cells) expect(c.spill).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('help-1024.png') });
  await page.keyboard.press('Escape');

  // Settings, scrolled so the (disabled) Save name button passes under the header: the header is on top.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const save = settings.getByRole('button', { name: 'Save name' });
  await expect(save).toBeDisabled();
  const head = await box(settings.locator('.modal-head'));
  const saveBox = await box(save);
  await settings.evaluate((d, by) => (d.scrollTop = by), saveBox.y - head.y - 10);
  const under = await box(save);
  expect(under.y).toBeLessThan(head.y + head.height);
  const onTop = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.modal-head'), {
    x: under.x + under.width / 2,
    y: Math.max(under.y, head.y) + 4,
  });
  expect(onTop).toBe(true);
  await page.screenshot({ path: test.info().outputPath('settings-scrolled-1024.png') });
});

for (const [width, height] of [
  [1280, 800],
  [1024, 700],
] as const) {
  test(`at ${width} × ${height} the list's filters name their dates, line them up inside the pane, and say when nothing passes`, async ({ page, host }) => {
    await page.setViewportSize({ width, height });
    await start(page, host);
    if (width < 1180) await page.getByRole('button', { name: 'Articles', exact: true }).click();
    const items = page.locator('.article-list .article-item');
    await items.nth(1).click({ modifiers: ['Control'] });
    await items.nth(2).click({ modifiers: ['Control'] });
    const bar = page.locator('.article-selection');
    await bar.getByLabel('Tag the selected articles').fill('Ukraine talks');
    await bar.getByRole('button', { name: 'Tag', exact: true }).click();
    await expect(page.getByLabel('Tag', { exact: true })).toBeVisible();

    const filters = page.getByRole('group', { name: 'Filter articles by details' });
    const pane = await box(page.locator('.left-pane'));
    const from = filters.getByLabel('Published from');
    const to = filters.getByLabel('Published to');
    // Each date box has its name beside it, on the same line, and the two boxes line up.
    for (const [name, field] of [
      ['Published from', from],
      ['to', to],
    ] as const) {
      const label = await box(filters.getByText(name, { exact: true }));
      const input = await box(field);
      expect(label.x + label.width).toBeLessThanOrEqual(input.x);
      expect(Math.abs(label.y + label.height / 2 - (input.y + input.height / 2))).toBeLessThan(4);
      expect(inside(input, pane)).toBe(true);
    }
    expect((await box(from)).x).toBe((await box(to)).x);
    expect(inside(await box(page.getByLabel('Tag', { exact: true })), pane)).toBe(true);

    // A filter that keeps nothing: the note says so on the rows' text edge, and Clear filters (not
    // the selection bar's Clear) brings them back.
    await from.fill('2030-01-01');
    const none = page.locator('.article-list').getByText('No article passes these filters.');
    await expect(none).toBeVisible();
    expect((await box(none)).x).toBe((await box(page.locator('.article-list .pane-title'))).x);
    await page.screenshot({ path: test.info().outputPath(`filters-${width}.png`) });
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect(items).toHaveCount(5);
  });
}

test('at 1024 × 700 the review legend keeps each key whole beside a narrow text column', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await start(page, host);
  await page.getByRole('button', { name: 'Articles', exact: true }).click();
  const pair = await bratPair(page, host);
  for (const layer of ['Carla', 'Ben']) {
    const dialog = await importAnnotationFiles(page, pair, layer);
    await expect(dialog.getByRole('region', { name: 'Import report' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
  }
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('main', { name: 'Review' });
  await review.getByLabel('Layer A').selectOption('Carla');
  await review.getByLabel('Layer B').selectOption('Ben');
  await review.getByLabel('Scope').selectOption('workspace');
  const keys = review.locator('.review-legend span');
  await expect(keys).toHaveCount(4);
  for (const key of await keys.all()) {
    const lines = await key.evaluate((el) => el.getClientRects().length);
    expect(lines, (await key.textContent()) ?? '').toBe(1);
  }
  await page.screenshot({ path: test.info().outputPath('review-legend-1024.png') });
});

test('Export says when the chosen layer has nothing to export, instead of failing after the click', async ({ page, host }) => {
  await start(page, host);
  await page.getByRole('button', { name: 'Export…' }).click();
  let exporter = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(exporter.getByRole('status')).toHaveText(
    'The layer Ana Analyst (yours) has no annotations in this article yet: nothing to export. Choose another layer, or annotate first.',
  );
  await expect(exporter.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await exporter.getByRole('radio', { name: /The whole workspace/ }).check();
  await expect(exporter.getByRole('status')).toContainText('has no annotations in these articles yet');
  await exporter.getByLabel('Layer', { exact: true }).selectOption({ label: 'All layers, one set per annotator' });
  await expect(exporter.getByRole('status')).toHaveText('None of these articles has annotations yet: nothing to export.');
  // Nothing was exported: the dialog is cancelled, not "done".
  await expect(exporter.getByRole('button', { name: 'Done' })).toHaveCount(0);
  await exporter.getByRole('button', { name: 'Cancel' }).click();

  const dialog = await importAnnotationFiles(page, await bratPair(page, host), 'Carla');
  await expect(dialog.getByRole('region', { name: 'Import report' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  exporter = page.getByRole('dialog', { name: 'Export annotations' });
  // Carla's layer is the one there is: chosen, and Export is on.
  await expect(exporter.getByLabel('Layer', { exact: true })).toHaveValue('Carla');
  await expect(exporter.getByRole('status')).toHaveCount(0);
  await expect(exporter.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
  await exporter.getByLabel('Layer', { exact: true }).selectOption({ label: 'Ana Analyst (yours, empty)' });
  await expect(exporter.getByRole('status')).toHaveText(
    'The layer Ana Analyst (yours) has no annotations in this article yet: nothing to export. Choose another layer (Carla), or annotate first.',
  );
  await expect(exporter.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
});

test('at 1024 × 700 a tall stack of notices stays below the top bar and scrolls', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await start(page, host);
  const chooser = page.getByTestId('import-articles-input');
  const files = Array.from({ length: 30 }, (_, i) => ({
    name: `harbour-${i}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Harbour report number ${i} with a long title about the port\nThe harbour reopened on day ${i}.`),
  }));
  await chooser.setInputFiles(files);
  const messages = page.getByRole('region', { name: 'Messages' });
  // Three titles say which; the other 27 wait under "show all".
  await expect(messages.getByText(/^Imported 30 articles: Harbour report number 0 .* and 27 more$/)).toBeVisible();
  await chooser.setInputFiles([...files, { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }]);
  await expect(messages.getByText('30 duplicates skipped')).toBeVisible();
  const more = messages.getByRole('button', { name: /^Show all/ });
  for (let i = 0; i < 5 && (await more.count()) > 0; i++) await more.first().click();
  // A refused file is named once: its reason starts with its name already.
  await expect(messages.getByText('empty.txt: is empty', { exact: true })).toBeVisible();
  const topBar = await box(page.locator('.topbar'));
  const stack = await box(messages);
  expect(stack.y).toBeGreaterThanOrEqual(topBar.y + topBar.height);
  expect(stack.y + stack.height).toBeLessThanOrEqual(700);
  // It scrolls: the first notice can be brought into view, and then it is wholly below the top bar.
  expect(await messages.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await messages.evaluate((el) => (el.scrollTop = 0));
  expect((await box(messages.locator('.message').first())).y).toBeGreaterThanOrEqual(topBar.y + topBar.height);
  await page.screenshot({ path: test.info().outputPath('notices-1024.png') });
});

test('the trash: its toggle reads “Trash 3”, and each Restore hands the focus to the next one, then to the list', async ({ page, host }) => {
  await start(page, host);
  const items = page.locator('.article-list .article-item');
  await items.nth(4).click();
  for (const i of [0, 1, 2]) await items.nth(i).click({ modifiers: ['Control'] });
  await items.nth(4).click({ modifiers: ['Control'] });
  await expect(page.locator('.article-selection')).toContainText('3 articles selected');
  await page.locator('.article-selection').getByRole('button', { name: 'Delete' }).click();
  await expect(items).toHaveCount(2);
  // The arrow is decoration: the button's name is what it says.
  const toggle = page.getByRole('button', { name: 'Trash 3', exact: true });
  await toggle.click();
  const restores = page.locator('.trash-item').getByRole('button', { name: /^Restore / });
  await expect(restores).toHaveCount(3);
  const second = (await restores.nth(2).getAttribute('aria-label'))!;
  const restoredTitle = (await page.locator('.trash-item').nth(1).locator('.trash-title').textContent())!;
  await restores.nth(1).click();
  await expect(restores).toHaveCount(2);
  // Restoring says what came back.
  await expect(page.getByRole('status').filter({ hasText: `Restored “${restoredTitle}”.` })).toBeVisible();
  await expect(page.getByRole('button', { name: second, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(restores).toHaveCount(1);
  await expect(restores.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Trash' })).toHaveCount(0);
  await expect(items).toHaveCount(5);
  await expect(page.getByLabel('Filter articles by title or file')).toBeFocused();
});

test('Settings: a new Choice attribute says it has no values yet, until the first is added', async ({ page, host }) => {
  await start(page, host);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.locator('#new-attribute').fill('Stance');
  await settings.getByLabel('Type of the new attribute').selectOption({ label: 'Choice' });
  await settings.getByRole('button', { name: 'Add attribute' }).click();
  const row = settings.locator('.attribute-def', { has: page.getByLabel('Name of attribute Stance') });
  await expect(row.getByText('No values yet: add the choices annotators pick from.')).toBeVisible();
  await row.getByLabel('New value of Stance').fill('supportive');
  await row.getByRole('button', { name: 'Add value' }).click();
  await expect(row.getByRole('textbox', { name: 'Value supportive of Stance', exact: true })).toBeVisible();
  await expect(row.getByText('No values yet')).toHaveCount(0);
});
