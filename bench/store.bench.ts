/**
 * Saving one annotation edit (applyEdit of a one-annotation insert, fsync of file and folder
 * included) in a workspace of 10 articles and in one of 2,000 articles with 50 annotations each.
 * The store rewrites only the edited article's file, so the two medians should be alike:
 * targets are <= 15 ms each and a ratio <= 1.3.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { createAnnotation } from '../src/core/edits/builders';
import { articleIdFromHash, titleFromText } from '../src/core/model/article';
import type { Annotation } from '../src/core/model/annotation';
import type { ArticleDoc } from '../src/core/model/document';
import { defaultLabelSchema } from '../src/core/model/label-schema';
import { DEFAULT_SETTINGS } from '../src/core/model/settings';
import { compareSummaries, indexCodec, summaryOf, type IndexEntry } from '../src/main/services/articles/article-index';
import { articleCodec, labelSchemaCodec, settingsCodec, sha256Hex } from '../src/main/services/store/file-formats';
import { openWorkspace } from '../src/main/services/workspace';
import { median, report, reportMs, round } from './support';

const LABELS = ['claim', 'quote', 'actor', 'event'];
const SENTENCE = 'The minister said on Tuesday that the agreement would hold, but critics disputed the figures. ';

/** A workspace written directly in the store's format (no fsync: generation is set-up, not measured). */
function generate(dir: string, articles: number, annotationsEach: number): void {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  const write = (file: string, data: unknown) => writeFileSync(join(dir, file), `${JSON.stringify(data, null, 1)}\n`);
  const entries: IndexEntry[] = [];
  for (let i = 0; i < articles; i++) {
    const text = `Article ${i}: talks resume\n\n${SENTENCE.repeat(30)}`;
    const hash = sha256Hex(text);
    const id = articleIdFromHash(hash);
    const annotations: Annotation[] = [];
    for (let k = 0; k < annotationsEach; k++) {
      const start = 30 + k * 50;
      annotations.push({
        id: `ann_${i}_${k}`, label: LABELS[k % 4]!, fragments: [{ start, end: start + 30 }], quote: text.slice(start, start + 30),
        prefix: text.slice(start - 32, start), suffix: text.slice(start + 30, start + 62), attributes: {}, note: '', author: 'me',
        created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
      });
    }
    const doc: ArticleDoc = { article: { id, title: titleFromText(text), source: `${i}.txt`, importedAt: '2026-01-01T00:00:00.000Z', hash, text }, annotations, relations: [] };
    const file = `articles/${id}.json`;
    write(file, articleCodec.encode(doc));
    const { size, mtimeMs } = statSync(join(dir, file));
    entries.push({ summary: summaryOf(doc), size, mtimeMs });
  }
  write('index.json', indexCodec.encode({ createdAt: '2026-01-01T00:00:00.000Z', articles: entries.sort((a, b) => compareSummaries(a.summary, b.summary)) }));
  write('settings.json', settingsCodec.encode(DEFAULT_SETTINGS));
  write('label-schema.json', labelSchemaCodec.encode(defaultLabelSchema()));
}

/** Opens a generated workspace and returns a function that times one one-annotation save in it. */
async function prepare(articles: number, dirs: string[]) {
  const dir = mkdtempSync(join(tmpdir(), `lede-bench-${articles}-`));
  dirs.push(dir);
  const t0 = performance.now();
  generate(dir, articles, 50);
  // Flush the set-up's unsynced files now, so their writeback does not slow the timed fsyncs.
  spawnSync('sync');
  const ws = await openWorkspace(dir, { mode: 'write' });
  process.stderr.write(`  ${articles} articles: generated and opened in ${round(performance.now() - t0, 0)} ms\n`);
  const edited = (await ws.listArticles()).slice(0, 5).map((a) => a.id);
  let n = 0;
  const saveOne = async (): Promise<number> => {
    // The analyst has the article open (getDoc) before tagging: only the save is timed.
    const doc = await ws.getDoc(edited[n % edited.length]!);
    const start = 30 + (n++ % 50) * 50 + 10;
    const made = createAnnotation(doc, { label: 'claim', fragments: [{ start, end: start + 12 }] }, { author: 'me', now: new Date().toISOString() });
    if (!made.ok) throw new Error('bench set-up');
    const t = performance.now();
    await ws.applyEdit({ kind: 'doc', articleId: doc.article.id, command: made.value.command });
    return performance.now() - t;
  };
  return { ws, saveOne };
}

const RUNS = 60;
const dirs: string[] = [];
try {
  const small = await prepare(10, dirs);
  const large = await prepare(2000, dirs);
  // Runs alternate between the two workspaces so that noise from the machine hits both alike.
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let i = -3; i < RUNS; i++) {
    const a = await small.saveOne();
    const b = await large.saveOne();
    if (i >= 0) {
      smallTimes.push(a);
      largeTimes.push(b);
    }
  }
  await small.ws.close();
  await large.ws.close();
  const a = reportMs('store: save one annotation edit, 10 articles', smallTimes, 15);
  const b = reportMs('store: save one annotation edit, 2,000 articles × 50 annotations', largeTimes, 15);
  const ratio = b / a;
  report({ name: 'store: save cost ratio, 2,000 vs 10 articles', median: round(ratio), unit: 'x', target: '<= 1.3', ok: ratio <= 1.3 });
  process.stderr.write(`  medians ${round(median(smallTimes))} ms vs ${round(median(largeTimes))} ms\n`);
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
