/**
 * Saving one annotation edit (applyEdit of a one-annotation insert, durable before it resolves)
 * in a workspace of 10 articles and in one of 2,000 articles with 50 annotations each, and in one
 * article of 5,000 and of 20,000 annotations. A save appends one record to the article's change
 * journal (compacted in the background), so every median should be alike: <= 15 ms flat in
 * workspace size (ratio <= 1.3), <= 10 ms at 20,000 annotations and flat in article size (ratio
 * <= 1.3), with the bytes one save writes printed beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  const repeats = Math.max(30, Math.ceil((annotationsEach * 50 + 100) / SENTENCE.length));
  mkdirSync(join(dir, 'articles'), { recursive: true });
  const write = (file: string, data: unknown) => writeFileSync(join(dir, file), `${JSON.stringify(data, null, 1)}\n`);
  const entries: IndexEntry[] = [];
  for (let i = 0; i < articles; i++) {
    const text = `Article ${i}: talks resume\n\n${SENTENCE.repeat(repeats)}`;
    const hash = sha256Hex(text);
    const id = articleIdFromHash(hash);
    const annotations: Annotation[] = [];
    for (let k = 0; k < annotationsEach; k++) {
      const start = 30 + k * 50;
      annotations.push({
        id: `ann_${i}_${k}`,
        label: LABELS[k % 4]!,
        fragments: [{ start, end: start + 30 }],
        quote: text.slice(start, start + 30),
        prefix: text.slice(start - 32, start),
        suffix: text.slice(start + 30, start + 62),
        attributes: {},
        note: '',
        author: 'me',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
      });
    }
    const doc: ArticleDoc = {
      article: { id, title: titleFromText(text), source: `${i}.txt`, importedAt: '2026-01-01T00:00:00.000Z', hash, text },
      annotations,
      relations: [],
    };
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
async function prepare(articles: number, dirs: string[], annotationsEach = 50, editedCount = 5) {
  const dir = mkdtempSync(join(tmpdir(), `lede-bench-${articles}-`));
  dirs.push(dir);
  const t0 = performance.now();
  generate(dir, articles, annotationsEach);
  // Flush the set-up's unsynced files now, so their writeback does not slow the timed fsyncs.
  spawnSync('sync');
  const ws = await openWorkspace(dir, { mode: 'write' });
  process.stderr.write(`  ${articles} articles: generated and opened in ${round(performance.now() - t0, 0)} ms\n`);
  const edited = (await ws.listArticles()).slice(0, editedCount).map((a) => a.id);
  let n = 0;
  let bytes = 0;
  const saveOne = async (): Promise<number> => {
    // The analyst has the article open (getDoc) before tagging: only the save is timed.
    const doc = await ws.getDoc(edited[n % edited.length]!);
    const start = 30 + (n++ % 50) * 50 + 10;
    const made = createAnnotation(doc, { label: 'claim', fragments: [{ start, end: start + 12 }] }, { author: 'me', now: new Date().toISOString() });
    if (!made.ok) throw new Error('bench set-up');
    const written = writtenBytes();
    const t = performance.now();
    await ws.applyEdit({ kind: 'doc', articleId: doc.article.id, command: made.value.command });
    const ms = performance.now() - t;
    bytes = writtenBytes() - written;
    return ms;
  };
  return { ws, saveOne, lastBytes: () => bytes };
}

/** Bytes this process has passed to write() so far (Linux /proc; 0 elsewhere). */
function writtenBytes(): number {
  try {
    return Number(/wchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * One article of 5,000 and one of 20,000 annotations, each saved RUNS_LARGE times, the two
 * alternating so that noise from the (shared) machine hits both alike; enough saves that a
 * background compaction (every 200 records) lands among them. Per size: the save times, the
 * bytes written per save and the article file's size.
 */
async function articleSaves(sizes: readonly number[], dirs: string[]): Promise<{ times: number[]; bytes: number[]; fileBytes: number }[]> {
  const prepared = [];
  for (const annotations of sizes)
    prepared.push({ ...(await prepare(1, dirs, annotations, 1)), dir: dirs.at(-1)!, times: [] as number[], bytes: [] as number[] });
  for (let i = -3; i < RUNS_LARGE; i++) {
    for (const p of prepared) {
      const ms = await p.saveOne();
      if (i >= 0) {
        p.times.push(ms);
        p.bytes.push(p.lastBytes());
      }
    }
  }
  const out = [];
  for (const p of prepared) {
    const id = (await p.ws.listArticles())[0]!.id;
    await p.ws.close();
    out.push({ times: p.times, bytes: p.bytes, fileBytes: statSync(join(p.dir, 'articles', `${id}.json`)).size });
  }
  return out;
}

const RUNS_LARGE = 250;

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

  const [mid, big] = (await articleSaves([5000, 20000], dirs)) as [
    Awaited<ReturnType<typeof articleSaves>>[number],
    Awaited<ReturnType<typeof articleSaves>>[number],
  ];
  const m5 = reportMs('store: save one annotation edit, one article of 5,000 annotations', mid.times, 10);
  const m20 = reportMs('store: save one annotation edit, one article of 20,000 annotations', big.times, 10);
  const flat = m20 / m5;
  report({ name: 'store: save cost ratio, 20,000 vs 5,000 annotations in the article', median: round(flat), unit: 'x', target: '<= 1.3', ok: flat <= 1.3 });
  for (const [label, run] of [
    ['5,000', mid],
    ['20,000', big],
  ] as const) {
    const b = median(run.bytes);
    report({
      name: `store: bytes written per save, one article of ${label} annotations`,
      median: Math.round(b),
      unit: 'bytes',
      target: `<= 1% of the article file (${run.fileBytes})`,
      ok: b <= run.fileBytes / 100,
    });
    const sorted = [...run.times].sort((x, y) => x - y);
    process.stderr.write(
      `  ${label} annotations: p95 ${round(sorted[Math.floor(sorted.length * 0.95)]!)} ms, max ${round(sorted.at(-1)!)} ms (a save waits for a compaction running at that moment)\n`,
    );
  }
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
