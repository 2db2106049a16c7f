import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../../../src/core/agreement/report';
import { prestartTallyThreads } from '../../../../../src/main/services/review/tally-threads/prestart';
import { workspaceAgreement, workspaceDocuments } from '../../../../../src/main/services/review/workspace-agreement';
import { articleCodec } from '../../../../../src/main/services/store/file-formats';
import { openWorkspace, type Workspace } from '../../../../../src/main/services/workspace';
import { generatedDoc } from '../../../../../bench/workspace-fixture';
import { tempDir } from '../../../../support/temp';

/**
 * `lede agree` reads and counts articles on tally threads (tally-threads/): the report must be
 * the one the documents give read on the main thread, whatever the number of threads, and a
 * file a thread cannot read cleanly must go through the store's own read (its repair, its
 * notices, its errors) exactly as without threads.
 */
const LAYERS = ['bench', 'colleague', 'third'];
const ARTICLES = 24;
const ON_THREADS = { threadsFrom: 1 };
const FIXED_TIME = new Date('2026-01-02T03:04:05.678Z');

let dir: string;
let cleanup: () => void;
let ids: string[];

async function readOnly<T>(work: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await openWorkspace(dir, { mode: 'read' });
  try {
    return await work(ws);
  } finally {
    await ws.close();
  }
}

/** The report from documents read on this thread (the path without tally threads), and the notices of that read. */
async function expected(layers: string[]): Promise<{ report: ReturnType<typeof computeAgreement>; notices: string[] }> {
  return readOnly(async (ws) => {
    const docs = await workspaceDocuments(ws, undefined, layers);
    return { report: computeAgreement(docs, { annotators: layers }), notices: ws.info().notices };
  });
}

describe('agreement read on tally threads', () => {
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('lede-tally-'));
    mkdirSync(join(dir, 'articles'), { recursive: true });
    ids = [];
    for (let n = 0; n < ARTICLES; n++) {
      // Some articles lack a layer, so some documents are left out of the comparison.
      const doc = generatedDoc(n, n % 5 === 0 ? LAYERS.slice(0, 2) : LAYERS);
      ids.push(doc.article.id);
      writeFileSync(join(dir, 'articles', `${doc.article.id}.json`), `${JSON.stringify(articleCodec.encode(doc))}\n`);
    }
    // A time the test can set again exactly after changing the file (see the damaged file below).
    utimesSync(join(dir, 'articles', `${ids[2]}.json`), FIXED_TIME, FIXED_TIME);
    // Opened for writing once, as Lede would: the index cache records every file's size and time.
    await (await openWorkspace(dir, { mode: 'write', seedsDir: null })).close();
  }, 60_000);
  afterAll(() => cleanup());

  it('gives the report of the documents read here, with one thread, two, or none', async () => {
    const { report } = await expected(LAYERS);
    expect(report.excluded.length).toBeGreaterThan(0);
    for (const threads of [0, 1, 2]) {
      expect(await readOnly((ws) => workspaceAgreement(ws, LAYERS, undefined, undefined, { ...ON_THREADS, threads }))).toEqual(report);
    }
    // With threads started ahead, as `lede agree --workspace` starts them.
    prestartTallyThreads(2);
    expect(await readOnly((ws) => workspaceAgreement(ws, LAYERS, undefined, undefined, ON_THREADS))).toEqual(report);
    const pair = ['colleague', 'bench'];
    const two = await expected(pair);
    expect(await readOnly((ws) => workspaceAgreement(ws, pair, ids.slice(3, 9), undefined, ON_THREADS))).toEqual(
      computeAgreement((await readOnly((ws) => workspaceDocuments(ws, ids.slice(3, 9), pair))).filter(Boolean), { annotators: pair }),
    );
    expect(await readOnly((ws) => workspaceAgreement(ws, pair, undefined, undefined, ON_THREADS))).toEqual(two.report);
  });

  it('reads a file changed outside Lede as the store does, and fails on a damaged one as the store does', async () => {
    // Re-indented: not the size the index cache recorded, so the store reads it at open, on this thread.
    const edited = join(dir, 'articles', `${ids[1]}.json`);
    writeFileSync(edited, JSON.stringify(JSON.parse(readFileSync(edited, 'utf8')), null, 1));
    const { report, notices } = await expected(LAYERS);
    const threaded = await readOnly(async (ws) => ({
      report: await workspaceAgreement(ws, LAYERS, undefined, undefined, ON_THREADS),
      notices: ws.info().notices,
    }));
    expect(threaded).toEqual({ report, notices });

    // One letter of the text changed, size and time kept: the index cache vouches for the file, so
    // a thread reads it, finds the text unlike its hash and hands it back; the store's read says what is wrong.
    const damaged = join(dir, 'articles', `${ids[2]}.json`);
    const before = statSync(damaged);
    writeFileSync(damaged, readFileSync(damaged, 'utf8').replace('talks resume', 'talks resumf'));
    expect(statSync(damaged).size).toBe(before.size);
    utimesSync(damaged, FIXED_TIME, FIXED_TIME);
    expect(statSync(damaged).mtimeMs).toBe(before.mtimeMs);
    const run = (threads: { threads?: number; threadsFrom?: number }) =>
      readOnly(async (ws) => ({
        error: await workspaceAgreement(ws, LAYERS, undefined, undefined, threads).catch((e: unknown) => e),
        notices: ws.info().notices,
      }));
    const without = await run({ threads: 0 });
    expect(without.error).toMatchObject({ code: 'not-found', message: expect.stringMatching(/does not match its hash/) });
    expect(await run(ON_THREADS)).toEqual(without);
  });
});
