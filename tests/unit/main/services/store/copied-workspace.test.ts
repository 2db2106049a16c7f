import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sameModificationTime } from '../../../../../src/main/services/article-store';
import { observeDirSyncsForTests } from '../../../../../src/main/services/store/durable-write';
import { openWorkspace } from '../../../../../src/main/services/workspace';
import { insertEdit, newWorkspace } from '../support';

/**
 * Issue 11, item 10: a copy of a workspace made by a tool that rounds modification times (many
 * backup and sync tools keep whole seconds) opens from its index cache instead of re-reading
 * every article; and a save makes its backup durable in the backup folder itself.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a workspace copied by a tool that rounds times', () => {
  it('opens from the index cache: no article file is read', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    await ws.close();
    const cached = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { articles: { summary: { id: string }; mtimeMs: number }[] };
    for (const entry of cached.articles) {
      const file = join(dir, 'articles', `${entry.summary.id}.json`);
      const seconds = Math.floor(statSync(file).mtimeMs / 1000);
      utimesSync(file, seconds, seconds); // what rsync without --times precision, or a FAT copy, leaves
    }
    const again = await openWorkspace(dir, { mode: 'write' });
    cleanups.push(() => again.close());
    expect(again.info().notices).toEqual([]);
    // Loaded nothing: every summary came from the cache.
    expect((again as unknown as { parts: { articles: { loadedFiles(): unknown[] } } }).parts.articles.loadedFiles()).toHaveLength(0);
    expect(await again.listArticles()).toHaveLength(5);
  });

  it('matches the times cpSync really leaves, a microsecond off the rounded one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-times-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'a');
    writeFileSync(file, 'x');
    // Fractions of a millisecond that a copy rounds up, down, and to a value just below a whole one.
    for (const fraction of [0.693, 0.123, 0.5, 0.999, 0.0005]) {
      const seconds = 1_796_661_912 + (539 + fraction) / 1000;
      utimesSync(file, seconds, seconds);
      const original = statSync(file).mtimeMs;
      cpSync(file, `${file}.copy`, { preserveTimestamps: true });
      expect(sameModificationTime(original, statSync(`${file}.copy`).mtimeMs)).toBe(true);
    }
  });

  it('tells a rounded copy from a changed file', () => {
    const t = 1_767_000_000_123.456;
    for (const rounded of [Math.floor(t / 1000) * 1000, Math.round(t / 2000) * 2000, Math.floor(t), Math.round(t * 1000) / 1000])
      expect(sameModificationTime(t, rounded)).toBe(true);
    expect(sameModificationTime(t, t + 5)).toBe(false);
    expect(sameModificationTime(t, t + 1000)).toBe(false);
    // A time on whole seconds (a coarse file system) matches only itself.
    expect(sameModificationTime(1_767_000_001_000, 1_767_000_002_000)).toBe(false);
  });
});

describe('backups', () => {
  it('a compaction fsyncs the backup folder it linked the previous version into', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const doc = await ws.getDoc((await ws.listArticles())[0]!.id);
    const synced: string[] = [];
    const stop = observeDirSyncsForTests((d) => synced.push(d));
    await ws.applyEdit(insertEdit(doc));
    // The edit went to the article's journal; closing folds it into the file, keeping a backup of the old one.
    await ws.close();
    stop();
    expect(synced).toContain(join(dir, 'backups', 'articles'));
    expect(synced).toContain(join(dir, 'articles'));
  });
});
