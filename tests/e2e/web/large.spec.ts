import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '../support/host';
import { start } from './editor-helpers';
import { PARAGRAPHS_PER_CHUNK } from '../../../src/renderer/ui/text-chunks';

/**
 * Big inputs through the browser host and the real UI: an article of exactly 20 MB (the limit)
 * imports and opens, one byte more is refused at once, and a brat file with 200,000 annotations
 * imports and its article opens. While an import runs the page must stay responsive: a 20 ms
 * heartbeat in the page records every stall of its main thread, and api calls are timestamped in
 * the page, so the stalls of the import and of opening the article are told apart. Files are
 * given to the input from disk (a buffer would be decoded by Playwright's own script in the page,
 * stalling it for seconds). The figures are printed.
 */
const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
/**
 * Gross-regression guards only, at least 5x what a quiet 2-core machine measures, so a busy one
 * never fails them by chance: the page once froze for 10-20 s on these inputs. The figures
 * themselves (stalls around 0.5-2 s) are measured against their targets by `npm run bench --
 * large-inputs`, which runs this file and reads the lines it prints.
 */
const STALL_GROSS_MS = 10_000;

interface Timeline {
  gaps: { end: number; ms: number }[];
  calls: { method: string; at: number }[];
}

async function watchMainThread(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __timeline: Timeline };
    w.__timeline = { gaps: [], calls: [] };
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      if (now - last > 60) w.__timeline.gaps.push({ end: now, ms: now - last });
      last = now;
    }, 20);
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      w.__timeline.calls.push({ method: url.split('/api/')[1] ?? url, at: performance.now() });
      return original(input, init);
    };
  });
}

const timeline = (page: Page) => page.evaluate(() => (window as unknown as { __timeline: Timeline }).__timeline);
const longest = (gaps: Timeline['gaps'], from: number, to: number) =>
  Math.round(Math.max(0, ...gaps.filter((g) => g.end > from && g.end - g.ms < to).map((g) => g.ms)));

function articleFile(dir: string, name: string, bytes: number): string {
  const paragraph =
    'The harbour authority said on Tuesday that the backlog of container ships would take weeks to clear, as dock workers returned after the strike. ';
  const parts = ['A Very Long Report\n\n'];
  let size = parts[0]!.length;
  while (size < bytes) {
    const p = `${paragraph.repeat(3)}\n\n`;
    parts.push(p);
    size += p.length;
  }
  const text = parts.join('');
  const path = join(dir, name);
  writeFileSync(path, `${text.slice(0, bytes - 4)}END.`);
  return path;
}

/** A key typed while the import runs (once measured at 4.4 s, see the test): only a freeze fails. */
const TYPING_GROSS_MS = 30_000;
/**
 * Opening a 20 MB article once froze the page for 10–20 s (React rendering 100,000 paragraphs);
 * now 0.3–1.3 s. That cause is checked by what is on the page, not by the clock (see
 * `renderedChunks`), and by how often Chromium laid the page out (see `pageWork`). The clock only
 * catches a page that is frozen outright, and a stall over 2 s prints its timeline.
 */
const OPENING_GROSS_MS = 30_000;
const EXPLAIN_STALL_MS = 2_000;
/**
 * Layouts of the whole page while the 20 MB article imports and opens: about 20 (a frame that
 * changed something lays out once, and only the chunks on screen). A script that measures every
 * paragraph makes Chromium lay out each of the 6,000 `content-visibility: auto` chunks in turn,
 * 6,000 layouts and 40–100 s of the page's main thread: Playwright's own aria snapshot did that (see
 * `waitFor` in the test).
 */
const LAYOUTS_GROSS = 500;

/**
 * Chromium's own counters for the page (CDP `Performance.getMetrics`), read before and after a
 * step: how many times it laid the page out, the seconds those layouts took, and the CPU time of
 * the page's main thread (which a busy machine does not inflate as it does the clock).
 */
async function pageWork(page: Page): Promise<() => Promise<{ layouts: number; layoutMs: number; mainThreadCpuMs: number }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await read();
  return async () => {
    const after = await read();
    const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    return { layouts: delta('LayoutCount'), layoutMs: Math.round(delta('LayoutDuration') * 1000), mainThreadCpuMs: Math.round(delta('ThreadTime') * 1000) };
  };
}

/**
 * How the open article is laid out: every paragraph a plain element in chunks of
 * `content-visibility: auto`, of which only those near the screen are rendered. Were the
 * paragraphs React elements, or the chunks all rendered, opening would freeze the page again.
 */
const renderedChunks = (page: Page) =>
  page.evaluate(() => {
    const chunks = [...document.querySelectorAll('.article-text > .text-chunk')];
    return {
      chunks: chunks.length,
      paragraphs: document.querySelectorAll('.article-text > .text-chunk > p').length,
      // A chunk's own box is always there; what it skips is its contents.
      rendered: chunks.filter((c) => c.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })).length,
      skippable: chunks.every((c) => getComputedStyle(c).contentVisibility === 'auto'),
    };
  });

// Playwright's trace snapshots the whole DOM at every step: on a 20 MB article that alone freezes
// the page for seconds, which is not the app's doing and would drown what is measured here.
test.use({ trace: 'off' });

let dir: string;
test.beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'lede-large-'))));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('an article of exactly 20 MB imports and opens, the page responsive while it imports; one byte more is refused', async ({ page, host }) => {
  test.setTimeout(240_000);
  await watchMainThread(page);
  await start(page, host);
  await expect(page.locator('.article-item')).toHaveCount(5);

  await page.getByTestId('import-articles-input').setInputFiles(articleFile(dir, 'too-big.txt', MAX_ARTICLE_BYTES + 1));
  await expect(page.getByRole('alert')).toContainText(/too-big\.txt: the file is 20\.0 MB, over the 20\.0 MB limit/);
  await expect(page.locator('.article-item')).toHaveCount(5);

  const work = await pageWork(page);
  const chosenAt = await page.evaluate(() => performance.now());
  await page.getByTestId('import-articles-input').setInputFiles(articleFile(dir, 'at-limit.txt', MAX_ARTICLE_BYTES));
  // While the import runs, the analyst can still use the page: the search box takes typing. A key
  // goes through the browser process, which is also sending the 27 MB request of the import: on a
  // busy machine one key can wait seconds there while the page itself never stalls (the heartbeat
  // above proves that). So typing is held only to a gross bound, like the page's stalls.
  const search = page.getByRole('searchbox', { name: 'Search all articles' });
  await search.focus();
  let typingMs = 0;
  for (const key of 'harbour') {
    const pressed = Date.now();
    // The keyboard itself, not a locator action: those also wait for animation frames to settle.
    await page.keyboard.press(key);
    typingMs = Math.max(typingMs, Date.now() - pressed);
  }
  await expect(search).toHaveValue('harbour');
  await search.fill('');
  // Waited for without `expect`: a poll of `expect` that finds no element snapshots the aria tree
  // of the whole page for its error message, in the page's main thread. Were the 20 MB article
  // laid out by then (it opens as soon as it is imported), that snapshot alone froze the page for
  // 43–101 s (measured: 6,000 layouts, one per chunk), failing this test by chance. `waitFor` and
  // `waitForFunction` poll without one.
  await page.locator('.article-item', { hasText: 'A Very Long Report' }).waitFor({ timeout: 120_000 });
  // The last paragraph, looked up directly: matching text over the whole 20 MB article would
  // itself stall the page it measures.
  const lastParagraphEnds = (end: string) => {
    let last = document.querySelector('.article-text');
    while (last?.lastElementChild) last = last.lastElementChild;
    return last?.textContent?.endsWith(end) === true;
  };
  await page.waitForFunction(lastParagraphEnds, 'END.', { timeout: 120_000, polling: 200 });
  const done = await work();
  const { gaps, calls } = await timeline(page);
  const opened = calls.filter((c) => c.method === 'getArticle' && c.at > chosenAt).pop()?.at ?? Infinity;
  const importing = longest(gaps, chosenAt, opened);
  const opening = longest(gaps, opened, Infinity);
  if (process.env.LEDE_DEBUG_STALLS || opening > EXPLAIN_STALL_MS)
    console.log(
      JSON.stringify({
        chosenAt,
        calls: calls.map((c) => [c.method, Math.round(c.at)]),
        gaps: gaps.filter((g) => g.ms > 200).map((g) => [Math.round(g.end - g.ms), Math.round(g.ms)]),
      }),
    );
  console.log(
    `20 MB article: longest stall of the page while importing ${importing} ms (the slowest of 7 keys typed meanwhile took ${typingMs} ms); while opening and laying out the text ${opening} ms`,
  );
  console.log(
    `20 MB article, import and open: ${done.layouts} layouts of the page taking ${done.layoutMs} ms; the page's main thread busy ${done.mainThreadCpuMs} ms of CPU`,
  );
  expect(done.layouts).toBeLessThan(LAYOUTS_GROSS);
  expect(importing).toBeLessThan(STALL_GROSS_MS);
  expect(typingMs).toBeLessThan(TYPING_GROSS_MS);
  expect(opening).toBeLessThan(OPENING_GROSS_MS);
  const layout = await renderedChunks(page);
  // 20 MB of three-sentence paragraphs: about 97,000 paragraph elements, blank lines included.
  expect(layout.paragraphs).toBeGreaterThan(40_000);
  expect(layout.chunks).toBe(Math.ceil(layout.paragraphs / PARAGRAPHS_PER_CHUNK));
  expect(layout.skippable).toBe(true);
  expect(layout.rendered).toBeLessThan(10);
});

/** A ~2 MB article of 250,000 words and a brat file tagging 200,000 of them (about 6 MB). */
function bratPair(folder: string): { txt: string; ann: string } {
  const labels = ['Claim', 'Quote', 'Actor', 'Event'];
  const paragraphs: string[] = [];
  const lines: string[] = [];
  let offset = 0;
  let n = 0;
  for (let p = 0; p < 2500; p++) {
    const words: string[] = [];
    for (let w = 0; w < 100; w++) {
      const word = `word${p}x${w}`;
      if (n < 200_000 && (w % 5 !== 4 || n % 7 === 0)) lines.push(`T${++n}\t${labels[n % 4]} ${offset} ${offset + word.length}\t${word}`);
      words.push(word);
      offset += word.length + 1;
    }
    paragraphs.push(words.join(' '));
    offset += 1; // the paragraph's "\n" replaces the last word's space, plus one more
  }
  const txt = `${paragraphs.join('\n\n')}\n`;
  const ann = join(folder, 'long-report.ann');
  const text = join(folder, 'long-report.txt');
  writeFileSync(text, txt);
  writeFileSync(ann, `${lines.join('\n')}\n`);
  return { txt: text, ann };
}

test('a brat file with 200,000 annotations imports and its article opens, the page responsive while it imports', async ({ page, host }) => {
  test.setTimeout(300_000);
  await watchMainThread(page);
  await start(page, host);
  const files = bratPair(dir);
  const chosenAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByTestId('import-annotations-files').setInputFiles([files.txt, files.ann]);
  await dialog.getByLabel('Layer name').fill('Bulk');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const search = page.getByRole('searchbox', { name: 'Search all articles' });
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText(/Bulk\s*1\s*200,?000/, { timeout: 240_000 });
  const importedAt = await page.evaluate(() => performance.now());
  await dialog
    .getByRole('button', { name: /Close|Done/ })
    .first()
    .click();
  await page.locator('.article-item', { hasText: 'word0x0' }).click();
  await expect(page.locator('.article-text')).toContainText('word2499x99', { timeout: 120_000 });
  const typed = Date.now();
  await search.pressSequentially('word1');
  const typingMs = Date.now() - typed;
  const { gaps } = await timeline(page);
  const importing = longest(gaps, chosenAt, importedAt);
  const opening = longest(gaps, importedAt, Infinity);
  console.log(
    `200,000 annotations: longest stall of the page while importing ${importing} ms; while opening the article ${opening} ms; typing afterwards took ${typingMs} ms`,
  );
  expect(importing).toBeLessThan(STALL_GROSS_MS);
  expect(opening).toBeLessThan(OPENING_GROSS_MS);
});
