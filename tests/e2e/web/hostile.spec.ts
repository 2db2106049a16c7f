import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test, expect } from '../support/host';
import { start } from './editor-helpers';

/**
 * The hostile page through the real browser host and the real UI: imported from the file input
 * and displayed. Every remote reference in it points at a local recording server; the browser
 * must make no request to it (or anywhere but the host), show no dialog, log nothing from the
 * page, set no global — and the editor must show the article as text, its escaped code sample
 * included, verbatim.
 */
const PAGE = fileURLToPath(new URL('../../fixtures/hostile/hostile-page.html', import.meta.url));

test('a hostile HTML page imports and displays as text: nothing runs, no request leaves', async ({ page, host }) => {
  const hits: string[] = [];
  let connections = 0;
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end('window.__pwned = "remote"');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const dialogs: string[] = [];
    const consoleMessages: string[] = [];
    const foreignRequests: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => consoleMessages.push(message.text()));
    page.on('request', (request) => {
      if (!request.url().startsWith(host.origin)) foreignRequests.push(request.url());
    });

    await start(page, host);
    await expect(page.locator('.article-item')).toHaveCount(5);
    const html = readFileSync(PAGE, 'utf8').replaceAll('{{REMOTE}}', remote);
    await page.getByTestId('import-articles-input').setInputFiles([{ name: 'hostile-page.html', mimeType: 'text/html', buffer: Buffer.from(html) }]);
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article' })).toBeVisible();

    await page.locator('.article-item', { hasText: 'Port strike ends' }).click();
    const text = page.locator('.article-text');
    await expect(text).toContainText('We won a fair deal');
    await expect(text).toContainText("<script>window.__pwned='escaped'</script>");
    // Text only: paragraphs of text nodes, no element of the page's own.
    expect(await text.locator('script, style, img, iframe, object, embed, svg, a, link, video, audio, form, template').count()).toBe(0);
    await text.hover();
    await text.click({ position: { x: 5, y: 5 } });
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(1000);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(consoleMessages.filter((m) => /HOSTILE|pwned/i.test(m))).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(hits).toEqual([]);
    expect(connections).toBe(0);

    await page.reload();
    await expect(page.locator('.article-text')).toContainText('We won a fair deal');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(hits).toEqual([]);
    expect(connections).toBe(0);
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
});
