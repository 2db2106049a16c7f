import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from '@playwright/test';
import { test, expect } from '../support/host';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../support/shared';
import { start } from './editor-helpers';

/**
 * Importing 40 real article files (PolNeAR and brat tutorial texts): they go to the host in
 * batches, a bar counts the files the host has taken, and Cancel stops before the next batch,
 * keeping what was added. The host's answers are held (not faked) so each step can be seen.
 */

function articleFiles(count: number) {
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.txt')) all.push(path);
    }
  };
  walk(sharedPath('corpora'));
  const seen = new Set<string>();
  const files: { name: string; mimeType: string; buffer: Buffer }[] = [];
  for (const path of all) {
    const buffer = readFileSync(path);
    const hash = createHash('sha256').update(buffer).digest('hex');
    if (seen.has(hash)) continue;
    seen.add(hash);
    files.push({ name: path.split('/').pop()!, mimeType: 'text/plain', buffer });
  }
  // Fewer distinct texts than wanted: the rest are second drafts of the first ones.
  for (let i = 0; files.length < count; i++)
    files.push({ ...files[i]!, name: `draft-${files[i]!.name}`, buffer: Buffer.concat([Buffer.from(`Draft ${i + 2}\n\n`), files[i]!.buffer]) });
  return files.slice(0, count);
}

test('a 40-file import shows a bar with counts, and Cancel keeps what was added', async ({ page, host }) => {
  test.skip(!sharedAvailable && !process.env.CI, SHARED_MISSING_REASON);
  await start(page, host);
  // The list is virtualised (only rows in view exist), so what the analyst reads is the list's count.
  const listed = page.getByRole('navigation', { name: 'Articles' }).locator('.pane-title .count');
  const before = Number(await listed.textContent());
  const held: Route[] = [];
  await page.route('**/api/importArticles', (route) => void held.push(route));
  const release = async (n: number) => {
    await expect.poll(() => held.length).toBe(n);
    await held[n - 1]!.continue();
  };

  await page.getByTestId('import-articles-input').setInputFiles(articleFiles(40));
  const bar = page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Importing articles' }) });
  await expect(bar).toContainText('Importing articles: 0 of 40 files');
  await release(1);
  await expect(bar).toContainText('10 of 40 files');
  await expect(bar.getByRole('progressbar')).toHaveAttribute('value', '10');
  await expect(listed).toHaveText(String(before + 10));
  await release(2);
  await expect(bar).toContainText('20 of 40 files');
  await page.screenshot({ path: test.info().outputPath('import-progress.png') });

  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toContainText('Stopping after this batch… 20 of 40 files');
  await release(3);
  await expect(bar).toBeHidden();
  await expect(page.getByText('Import cancelled after 30 of 40 files; the 30 articles added so far stay in the workspace.')).toBeVisible();
  await expect(page.getByText(/^Imported 30 articles: /)).toBeVisible();
  await expect(listed).toHaveText(String(before + 30));
  // Nothing more was sent after Cancel.
  expect(held).toHaveLength(3);
});
