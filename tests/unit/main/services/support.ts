import { existsSync, readFileSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import { articleJournal, type JournalCodec } from '../../../../src/main/services/store/article-journal';
import { articleCodec } from '../../../../src/main/services/store/file-formats';
import { baseHash, parseJournal } from '../../../../src/main/services/store/journal-file';
import { replayRecords } from '../../../../src/main/services/store/journal-replay';
import { journalPathOf } from '../../../../src/main/services/store/stored-file';
import { join } from 'node:path';
import { createAnnotation } from '../../../../src/core/edits/builders';
import type { Edit } from '../../../../src/core/edits/commands';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { appRoot } from '../../../../src/main/services/paths';
import { openWorkspace, type OpenOptions, type Workspace } from '../../../../src/main/services/workspace';
import { tempDir } from '../../../support/temp';

/** Shared set-up for the store tests: real folders, the real seeds, the real fixture files. */

export const SEEDS_DIR = join(appRoot(), 'seeds');
export const FIXTURES_DIR = join(appRoot(), 'tests', 'fixtures', 'articles');

export function fixture(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(join(FIXTURES_DIR, name))) };
}

/** A new workspace (filled with the five seeds) in a fresh temp folder. */
/** A fresh seeded workspace in a temp folder (as newWorkspace), closed and removed when the running test finishes. */
export async function workspaceForTest(options: Partial<OpenOptions> = {}): Promise<{ ws: Workspace; dir: string }> {
  const w = await newWorkspace(options);
  onTestFinished(w.cleanup);
  return w;
}

export async function newWorkspace(options: Partial<OpenOptions> = {}): Promise<{ ws: Workspace; dir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = tempDir('lede-ws-');
  const ws = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR, ...options });
  return {
    ws,
    dir,
    cleanup: async () => {
      await ws.close().catch(() => undefined);
      cleanup();
    },
  };
}

let counter = 0;

/** An edit inserting one annotation into `doc`. */
export function insertEdit(doc: ArticleDoc, label = 'claim', start = 0, end = 5): Edit {
  const r = createAnnotation(doc, { label, fragments: [{ start, end }], id: `ann_test_${++counter}` }, { author: 'me', now: new Date().toISOString() });
  if (!r.ok) throw new Error(`bad test edit: ${JSON.stringify(r.errors)}`);
  return { kind: 'doc', articleId: doc.article.id, command: r.value.command };
}

/**
 * The document as stored on disk, read without an open workspace: the article file plus its
 * change journal replayed (by the store's own pure parser and replay).
 */
export function docOnDisk(dir: string, id: string): ArticleDoc {
  const path = join(dir, 'articles', `${id}.json`);
  const bytes = readFileSync(path);
  const decoded = articleCodec.decode(JSON.parse(bytes.toString('utf8')));
  if (!decoded.ok) throw new Error(`${path} ${decoded.problem}`);
  const journal = existsSync(journalPathOf(path)) ? readFileSync(journalPathOf(path)) : Buffer.alloc(0);
  const read = parseJournal(journal, baseHash(bytes));
  if (read.problem && read.problem !== 'torn') throw new Error(`${path}: its journal is ${read.problem}`);
  const replayed = replayRecords(decoded.value, read.records, articleJournal as JournalCodec<ArticleDoc, unknown>);
  if (replayed.problem) throw new Error(`${path}: its journal ${replayed.problem}`);
  return replayed.value;
}

export function ioFault(code: string): Error {
  return Object.assign(new Error(`${code}: injected by the test`), { code });
}
