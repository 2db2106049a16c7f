import { test, expect } from '../support/host';
import type { WorkspaceInfo } from '../../../src/core/api';
import { api, charPoint, clickAt, dragSelect, find, startOnArticle, waitSaved } from './editor-helpers';
import { SEED_TITLE } from './seed-tags';

test('hovering a tagged span shows who tagged what, beside the span; Escape dismisses; the caret shows it too', async ({ page, host }) => {
  const { text } = await startOnArticle(page, host, SEED_TITLE);
  const putin = find(text, 'Vladimir Putin');
  await dragSelect(page, putin.start, putin.end);
  await page.keyboard.press('3');
  await page.keyboard.press('n');
  await page.keyboard.type('Russian president, met Trump in Alaska');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape'); // deselect
  await waitSaved(page);

  const card = page.getByTestId('hover-card');
  const at = await charPoint(page, putin.start + 3);
  await page.mouse.move(at.x, at.y);
  await expect(card).toBeVisible();
  await expect(card).toContainText('Actor');
  await expect(card).toContainText('by Ana Analyst');
  await expect(card).toContainText('Vladimir Putin');
  await expect(card).toContainText('Russian president, met Trump in Alaska');
  // It never covers the span it describes.
  const box = (await card.boundingBox())!;
  expect(box.y >= at.bottom || box.y + box.height <= at.top).toBe(true);
  await page.screenshot({ path: test.info().outputPath('hover-card.png'), clip: { x: 260, y: 180, width: 760, height: 300 } });
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  // Off the span: no card.
  const plain = await charPoint(page, find(text, 'uncertain').start);
  await page.mouse.move(plain.x, plain.y);
  await page.waitForTimeout(700);
  await expect(card).toBeHidden();

  // From the keyboard: the caret resting inside the span shows the same card.
  await page.mouse.move(5, 5);
  await clickAt(page, putin.start - 2);
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Actor');
});

test('labels differ by more than colour, and the tagging hint follows the schema', async ({ page, host }) => {
  const { text } = await startOnArticle(page, host, SEED_TITLE);
  const inspector = page.getByRole('region', { name: 'Selected annotation' });
  await expect(inspector).toContainText('1 Claim, 2 Quote, 3 Actor, 4 Event');

  // A quote with an actor inside: the selected one carries its label's name; the nested one a bar in its own line style.
  const quoted = find(text, '“I don’t know that they’ll meet,”');
  await dragSelect(page, quoted.start, quoted.end);
  await page.keyboard.press('2');
  const they = find(text, 'they', quoted.start);
  await dragSelect(page, they.start, they.end);
  await page.keyboard.press('3');
  await waitSaved(page);
  await expect(page.getByTestId('selected-label-tag')).toHaveText('Actor');
  // The actor's bar is dotted (the third label's line style): a dash pattern, not a solid line.
  const bar = page.locator('.nest-bar').first();
  await expect(bar).toHaveAttribute('data-dash', '2 2');
  await page.screenshot({ path: test.info().outputPath('cues.png'), clip: { x: 260, y: 180, width: 760, height: 320 } });

  // Five labels with keys, one renamed: the hint names them all.
  const info = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  const after = structuredClone(info.labelSchema);
  after.labels.push({ id: 'frame', name: 'Frame', color: '#7a5cc4', key: '5', kind: 'span', attributes: [] });
  after.labels[0]!.name = 'Assertion';
  await api(page, host, 'applyEdit', { edit: { kind: 'schema', before: info.labelSchema, after } });
  await page.reload();
  await page.locator('.article-item', { hasText: SEED_TITLE }).click();
  await expect(inspector).toContainText('1 Assertion, 2 Quote, 3 Actor, 4 Event, 5 Frame');
  await page.keyboard.press('?');
  await expect(page.locator('[data-shortcut="tag"] kbd')).toHaveText(['1', '2', '3', '4', '5']);
});
