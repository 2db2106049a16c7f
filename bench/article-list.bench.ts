/**
 * The host side of the article list on a 10,000-article workspace (issue 12): opening it (the
 * index cache read and every file stat'ed) and listArticles (summaries sorted, no article file
 * read). Targets: open <= 1000 ms, listArticles <= 100 ms. The workspace is written directly in
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
import { reportMs, timeRuns } from './support';

const COUNT = Number(process.env.LEDE_BENCH_ARTICLES ?? 10_000);

function generate(dir: string): void {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  const write = (file: string, data: unknown) => writeFileSync(join(dir, file), `${JSON.stringify(data)}\n`);
  const entries: IndexEntry[] = [];
  for (let i = 0; i < COUNT; i++) {
    const text = `Report ${i}: talks resume in Geneva\n\n${'Officials met on Tuesday and disputed the figures. '.repeat(40)}`;
    const hash = sha256Hex(text);
    const doc: ArticleDoc = { article: { id: articleIdFromHash(hash), title: titleFromText(text), source: `${i}.txt`, importedAt: '2026-01-01T00:00:00.000Z', hash, text }, annotations: [], relations: [] };
    const file = `articles/${doc.article.id}.json`;
    write(file, articleCodec.encode(doc));
    const { size, mtimeMs } = statSync(join(dir, file));
    entries.push({ summary: summaryOf(doc), size, mtimeMs });
  }
  write('index.json', indexCodec.encode({ createdAt: '2026-01-01T00:00:00.000Z', articles: entries.sort((a, b) => compareSummaries(a.summary, b.summary)) }));
  write('settings.json', settingsCodec.encode(DEFAULT_SETTINGS));
  write('label-schema.json', labelSchemaCodec.encode(defaultLabelSchema()));
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
} finally {
  rmSync(dir, { recursive: true, force: true });
}
