/**
 * The article list on a 10,000-article workspace (issue 12). On the host: opening it (the index
 * cache read and every file stat'ed) and listArticles (summaries sorted, no article file read);
 * targets open <= 1000 ms, listArticles <= 100 ms. In Chromium through the browser host: loading
 * the app until its article list is painted (<= 1 s, from the navigation's start), and switching
 * between articles until the text is painted (<= 100 ms). The workspace is written directly in
 * the store's format (set-up, not measured).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleIdFromHash, titleFromText } from '../src/core/model/article';
import type { ArticleDoc } from '../src/core/model/document';
import { defaultLabelSchema } from '../src/core/model/label-schema';
import { DEFAULT_SETTINGS } from '../src/core/model/settings';
import { compareSummaries, indexCodec, summaryOf, type IndexEntry } from '../src/main/services/articles/article-index';
import { articleCodec, labelSchemaCodec, settingsCodec, sha256Hex } from '../src/main/services/store/file-formats';
import { openWorkspace } from '../src/main/services/workspace';
import type { Page } from '@playwright/test';
import { ensureBuilt, launchChromium, startHost } from './browser';
import { reportMs, timeRuns } from './support';

const COUNT = Number(process.env.LEDE_BENCH_ARTICLES ?? 10_000);

function generate(dir: string): void {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  const write = (file: string, data: unknown) => writeFileSync(join(dir, file), `${JSON.stringify(data)}\n`);
  const entries: IndexEntry[] = [];
  for (let i = 0; i < COUNT; i++) {
    const text = `Report ${i}: talks resume in Geneva\n\n${'Officials met on Tuesday and disputed the figures. '.repeat(40)}`;
    const hash = sha256Hex(text);
    const doc: ArticleDoc = {
      article: { id: articleIdFromHash(hash), title: titleFromText(text), source: `${i}.txt`, importedAt: '2026-01-01T00:00:00.000Z', hash, text },
      annotations: [],
      relations: [],
    };
    const file = `articles/${doc.article.id}.json`;
    write(file, articleCodec.encode(doc));
    const { size, mtimeMs } = statSync(join(dir, file));
    entries.push({ summary: summaryOf(doc), size, mtimeMs });
  }
  write('index.json', indexCodec.encode({ createdAt: '2026-01-01T00:00:00.000Z', articles: entries.sort((a, b) => compareSummaries(a.summary, b.summary)) }));
  write('settings.json', settingsCodec.encode(DEFAULT_SETTINGS));
  write('label-schema.json', labelSchemaCodec.encode(defaultLabelSchema()));
}

/** The app loaded, and articles switched, in Chromium through the browser host. */
async function inTheBrowser(dir: string): Promise<void> {
  ensureBuilt();
  const host = await startHost(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    // tsx compiles the page functions below with esbuild's keepNames, which calls a __name helper.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    const loads: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.goto(host.url, { waitUntil: 'commit' });
      const ms = await listPainted(page);
      if (i > 0) loads.push(ms);
    }
    const rows = await page.locator('.article-item').count();
    reportMs(`app load on ${COUNT} articles (browser host) -> article list painted (${rows} rows in the DOM)`, loads, 1000);
    const ids = await page.locator('.article-item').evaluateAll((items) => items.slice(0, 12).map((el) => (el as HTMLElement).dataset.articleId!));
    const switches: number[] = [];
    for (let i = 0; i < 12; i++) {
      const ms = await switchTo(page, ids[i % ids.length]!);
      if (ms < 0 && i > 1) throw new Error(`switching to article ${i} painted nothing within 10 s`);
      if (i > 1) switches.push(ms);
    }
    reportMs(`switching articles on a ${COUNT}-article workspace (browser host) -> text painted`, switches, 100);
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** Ms from the navigation's start until the first article row is on screen (the frame after it rendered). */
function listPainted(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const timeout = setTimeout(() => fail(new Error('no article row within 30 s')), 30_000);
        const check = () => {
          if (!document.querySelector('.article-item')) return requestAnimationFrame(check);
          // The rows are in the DOM: the task after the next frame runs once it is painted.
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(timeout);
              done(performance.now());
            }, 0),
          );
        };
        check();
      }),
  );
}

/** Clicks an article's row; ms until its text and highlights are painted (the editor's lede:painted). */
function switchTo(page: Page, id: string): Promise<number> {
  return page.evaluate(async (articleId) => {
    const painted = new Promise<number>((done) => {
      const on = (e: Event) => {
        if ((e as CustomEvent<{ articleId: string }>).detail.articleId !== articleId) return;
        document.removeEventListener('lede:painted', on);
        done(performance.now());
      };
      document.addEventListener('lede:painted', on);
      // The article open already paints nothing new: -1, which the caller does not count.
      setTimeout(() => done(-1), 10_000);
    });
    const t0 = performance.now();
    document.querySelector<HTMLElement>(`.article-item[data-article-id="${articleId}"]`)!.click();
    const at = await painted;
    return at < 0 ? -1 : at - t0;
  }, id);
}

const dir = mkdtempSync(join(tmpdir(), 'lede-bench-list-'));
try {
  generate(dir);
  const opens = await timeRuns(async () => (await openWorkspace(dir, { mode: 'read' })).close(), 5);
  reportMs(`open a ${COUNT}-article workspace (index cache, stat of every file)`, opens, 1000);
  const ws = await openWorkspace(dir, { mode: 'read' });
  const lists = await timeRuns(() => ws.listArticles(), 10);
  reportMs(`listArticles on ${COUNT} articles`, lists, 100);
  await ws.close();
  await inTheBrowser(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
