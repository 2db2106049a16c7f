import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleStore } from '../../../../src/main/services/article-store';
import { openWorkspace, type Workspace } from '../../../../src/main/services/workspace';
import { insertEdit, newWorkspace } from './support';

/**
 * getDocOnce (ArticleStore.readOnce): a pass over every article in a read-only workspace does not
 * keep the documents, and still reads exactly what getDoc reads: journals replayed, damage caught
 * and reported once.
 */
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The store behind a workspace, to see which files it keeps (not part of the Workspace API). */
const storeOf = (ws: Workspace) => (ws as unknown as { parts: { articles: ArticleStore } }).parts.articles;

async function annotated() {
  const { ws, dir, cleanup } = await newWorkspace();
  cleanups.push(cleanup);
  const id = (await ws.listArticles())[0]!.id;
  await ws.applyEdit(insertEdit(await ws.getDoc(id), 'claim', 0, 9));
  return { ws, dir, id, file: join(dir, 'articles', `${id}.json`) };
}

async function reader(dir: string): Promise<Workspace> {
  const ws = await openWorkspace(dir, { mode: 'read' });
  cleanups.push(() => ws.close());
  return ws;
}

describe('reading each article once', () => {
  it('gives what getDoc gives, without keeping it, in a read-only workspace', async () => {
    const { ws, dir, id } = await annotated();
    await ws.close();
    const once = await reader(dir);
    const doc = await once.getDocOnce(id);
    expect(storeOf(once).loadedFiles()).toHaveLength(0);
    expect(await once.getDocOnce(id)).toEqual(doc);
    expect(await (await reader(dir)).getDoc(id)).toEqual(doc);
    expect(once.info().notices).toEqual([]);
  });

  it('keeps the document in a workspace open for writing, as getDoc does', async () => {
    const { ws, id } = await annotated();
    const doc = await ws.getDocOnce(id);
    expect(
      storeOf(ws)
        .loadedFiles()
        .map((f) => f.value),
    ).toContain(doc);
  });

  it('replays a journal the writer has not folded in yet', async () => {
    const { ws, dir, id } = await annotated();
    await ws.applyEdit(insertEdit(await ws.getDoc(id), 'quote', 2, 5));
    expect(existsSync(join(dir, 'articles', `${id}.journal`))).toBe(true);
    const doc = await (await reader(dir)).getDocOnce(id);
    expect(doc).toEqual(await ws.getDoc(id));
  });

  it('still catches a damaged file: its backup or nothing, never the damage, and one notice for two reads', async () => {
    const { ws, dir, id, file } = await annotated();
    await ws.applyEdit(insertEdit(await ws.getDoc(id), 'quote', 2, 5));
    await ws.close();
    const raw = readFileSync(file, 'utf8');
    const text = (JSON.parse(raw) as { article: { text: string } }).article.text;
    const damaged = text.replace(/[a-z]/, (c) => (c === 'x' ? 'y' : 'x'));
    writeFileSync(file, raw.replace(JSON.stringify(text), JSON.stringify(damaged)));
    const once = await reader(dir);
    const first = await once.getDocOnce(id).catch(() => null);
    const second = await once.getDocOnce(id).catch(() => null);
    expect(first?.article.text).not.toBe(damaged);
    expect(second).toEqual(first);
    const notices = once.info().notices.filter((n) => n.includes(id));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/does not match its hash/);
    // Read mode never moves or rewrites anything.
    expect(readFileSync(file, 'utf8')).toContain(JSON.stringify(damaged));
  });
});
