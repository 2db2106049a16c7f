import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleDoc } from '../../../src/core/model/document';
import { test, expect, startHost } from '../support/host';
import { api, dragSelect, start } from './editor-helpers';

/**
 * A read-only and a full disk under the running browser host, on a real file system: a small
 * tmpfs that is remounted read-only or filled up (root with mount rights, as on these machines;
 * elsewhere this says why it is skipped — the injected-fault tests in
 * tests/unit/main/services/workspace-edits.test.ts check the same promises everywhere).
 * The analyst's edit fails with a clear message, the page keeps showing the data, nothing saved
 * before is lost, and saving works again once the disk does.
 */
function mount(...args: string[]): { ok: boolean; error: string } {
  const r = spawnSync('mount', args, { encoding: 'utf8' });
  return { ok: r.status === 0, error: `${r.stderr ?? ''}${r.error?.message ?? ''}`.trim() };
}

function mountProblem(): string | null {
  if (process.platform !== 'linux') return `tmpfs mounts are a Linux test device (platform is ${process.platform})`;
  const probe = mkdtempSync(join(tmpdir(), 'lede-mount-probe-'));
  try {
    const r = mount('-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe);
    if (!r.ok) return `cannot mount a tmpfs here (${r.error || 'mount failed'})`;
    spawnSync('umount', [probe]);
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const problem = mountProblem();
if (problem) console.log(`skipped: ${problem}; injected faults cover this in workspace-edits.test.ts`);

test('a read-only, then a full disk: clear errors, data still shown, nothing lost, saving resumes', async ({ page }) => {
  test.skip(problem !== null, problem ?? '');
  const dir = mkdtempSync(join(tmpdir(), 'lede-e2e-disk-'));
  const disk = join(dir, 'disk');
  mkdirSync(disk);
  expect(mount('-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk).ok).toBe(true);
  const host = await startHost(join(disk, 'ws'));
  try {
    await start(page, host);
    const item = page.locator('.article-item').first();
    await item.click();
    const id = (await page.locator('.article-text').getAttribute('data-article-id'))!;
    const status = page.locator('[data-save-state]');
    const tag = async (startAt: number) => {
      await dragSelect(page, startAt, startAt + 8);
      await page.keyboard.press('1');
    };
    const stored = async () => (await api<ArticleDoc>(page, host, 'getArticle', { id })).annotations.length;

    await tag(0);
    await expect(status).toHaveAttribute('data-save-state', 'saved');
    expect(await stored()).toBe(1);

    expect(mount('-o', 'remount,ro', disk).ok).toBe(true);
    await tag(40);
    await expect(status).toHaveAttribute('data-save-state', 'error');
    await expect(page.getByRole('alert')).toContainText(/not saved.*The disk is read-only/s);
    await expect(page.locator('.article-text')).toContainText((await api<ArticleDoc>(page, host, 'getArticle', { id })).article.text.slice(0, 30));
    await expect(page.locator('.article-item')).toHaveCount(5);
    await page.reload();
    await expect(page.locator('.article-text')).toBeVisible();
    expect(await stored()).toBe(1);

    expect(mount('-o', 'remount,rw', disk).ok).toBe(true);
    await tag(80);
    await expect(status).toHaveAttribute('data-save-state', 'saved');
    expect(await stored()).toBe(2);

    const filler = join(disk, 'filler.bin');
    try {
      writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024, 1));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    // The disk is now full to the last byte: the article's next version cannot be written.
    await tag(120);
    await expect(status).toHaveAttribute('data-save-state', 'error');
    await expect(page.getByRole('alert').last()).toContainText(/not saved.*The disk is full/s);
    await expect(page.locator('.article-text')).toBeVisible();
    expect(await stored()).toBe(2);

    rmSync(filler, { force: true });
    await page.reload();
    await page.locator('.article-item').first().click();
    const before = await stored();
    await tag(160);
    await expect(status).toHaveAttribute('data-save-state', 'saved');
    expect(await stored()).toBe(before + 1);
  } finally {
    await host.stop();
    spawnSync('umount', ['-l', disk]);
    rmSync(dir, { recursive: true, force: true });
  }
});
