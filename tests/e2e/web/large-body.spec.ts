import { test, expect } from '../support/host';

/**
 * Issue 11, item 6, in a real browser: a body over the method's cap is answered 413 while the
 * browser is still sending it, and the connection is closed gently, so the page reads the message
 * (the web bridge shows it) instead of failing the request as "Lede's host is not reachable".
 * This proves Chromium reads an answer that comes mid-upload; the regression over 512 MB (and the
 * chunked case, which fetch cannot send over HTTP/1.1) is tested on the real host with node:http
 * in tests/unit/main/web/server.test.ts.
 */
test('an over-limit request body gets the 413 message in the browser, not a network error', async ({ page, host }) => {
  await page.goto(host.url);
  const reply = await page.evaluate(async (token) => {
    const body = `{"pad":"${' '.repeat(80 * 1024 * 1024)}"}`; // 80 MB, the cap here is 32 MB
    try {
      const response = await fetch('/api/listArticles', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-lede-token': token }, body });
      return { status: response.status, body: (await response.json()) as { ok: boolean; error: { code: string; message: string } } };
    } catch (error) {
      return { status: 0, body: { ok: false, error: { code: 'network', message: String(error) } } };
    }
  }, host.token);
  expect(reply.status).toBe(413);
  expect(reply.body.error.message).toMatch(/^The request is too large \(\d+ MB\): at most 32 MB can be sent at once\./);
});
