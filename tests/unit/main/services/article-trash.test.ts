import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { docOnDisk, insertEdit, workspaceForTest } from './support';

describe('the trash', () => {
  it('deletes articles with their annotations, lists them, restores one byte for byte, and survives a reopen', async () => {
    const { ws, dir } = await workspaceForTest();
    const [a, b, c] = await ws.listArticles();
    await ws.applyEdit(insertEdit(await ws.getDoc(a!.id)));
    await ws.flush();
    const before = docOnDisk(dir, a!.id);
    expect(await ws.deleteArticles([a!.id, b!.id, a!.id])).toBe(2);
    // The edit was in the article's journal: deleting folds it into the file first, so the trash holds whole files.
    const listed = await ws.listTrash();
    expect(listed.map((t) => t.id).sort()).toEqual([a!.id, b!.id].sort());
    const entryOfA = listed.find((t) => t.id === a!.id)!.entry;
    const trashed = readFileSync(join(dir, 'trash', `${entryOfA}.json`), 'utf8');
    expect(existsSync(join(dir, 'articles', `${a!.id}.journal`))).toBe(false);
    expect((await ws.listArticles()).map((s) => s.id)).not.toContain(a!.id);
    await expect(ws.getDoc(a!.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(existsSync(join(dir, 'articles', `${a!.id}.json`))).toBe(false);

    const [restored] = await ws.restoreArticles([a!.id]);
    expect(restored).toMatchObject({ id: a!.id, annotationCount: 1 });
    expect(readFileSync(join(dir, 'articles', `${a!.id}.json`), 'utf8')).toBe(trashed);
    expect(docOnDisk(dir, a!.id)).toEqual(before);
    expect((await ws.listTrash()).map((t) => t.id)).toEqual([b!.id]);
    await ws.close();

    // The index cache agrees with the folder after a reopen: no "removed outside Lede" notice.
    const again = await openWorkspace(dir, { mode: 'read' });
    expect(again.info().notices).toEqual([]);
    const ids = (await again.listArticles()).map((s) => s.id);
    expect(ids).toContain(a!.id);
    expect(ids).toContain(c!.id);
    expect(ids).not.toContain(b!.id);
    await expect(again.deleteArticles([c!.id])).rejects.toMatchObject({ code: 'io' });
    await again.close();
  });

  it('refuses the whole request when one id is unknown, and changes nothing', async () => {
    const { ws, dir } = await workspaceForTest();
    const [a] = await ws.listArticles();
    await expect(ws.deleteArticles([a!.id, 'art_nope'])).rejects.toMatchObject({ code: 'not-found' });
    expect(existsSync(join(dir, 'articles', `${a!.id}.json`))).toBe(true);
    expect(await ws.listTrash()).toEqual([]);
    await expect(ws.restoreArticles(['art_nope'])).rejects.toMatchObject({ code: 'not-found' });
  });

  it('puts back what it moved when a move fails half way', async () => {
    const { ws, dir } = await workspaceForTest();
    const [a, b] = await ws.listArticles();
    await ws.deleteArticles([a!.id]);
    await ws.restoreArticles([a!.id]);
    // A folder where the second article's trash file would go (the clock held still, so its name is known): the first move succeeds, the second fails.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-12-03T07:42:00.123Z') });
    mkdirSync(join(dir, 'trash', `${b!.id}@2026-12-03T07-42-00-123Z.json`, 'in-the-way'), { recursive: true });
    await expect(ws.deleteArticles([a!.id, b!.id])).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('Nothing was deleted') });
    vi.useRealTimers();
    expect(readdirSync(join(dir, 'articles'))).toEqual(expect.arrayContaining([`${a!.id}.json`, `${b!.id}.json`]));
    expect((await ws.listArticles()).length).toBe(5);
    expect(await ws.listTrash()).toEqual([]);
  });

  it('refuses to restore over an article imported again, and empties for good', async () => {
    const { ws } = await workspaceForTest();
    const [a] = await ws.listArticles();
    const doc = await ws.getDoc(a!.id);
    await ws.deleteArticles([a!.id]);
    await ws.importArticleFiles([{ name: a!.source, bytes: new TextEncoder().encode(doc.article.text) }]);
    expect(await ws.listArticles()).toHaveLength(5);
    await expect(ws.restoreArticles([a!.id])).rejects.toMatchObject({ code: 'conflict' });
    expect(await ws.emptyTrash()).toBe(1);
    expect(await ws.listTrash()).toEqual([]);
  });

  it('keeps both copies of an article deleted twice, and restores the one asked for', async () => {
    const { ws, dir } = await workspaceForTest();
    const [a] = await ws.listArticles();
    const original = await ws.getDoc(a!.id);
    await ws.deleteArticles([a!.id]);
    // Imported again and annotated: a different file for the same article id.
    await ws.importArticleFiles([{ name: a!.source, bytes: new TextEncoder().encode(original.article.text) }]);
    await ws.applyEdit(insertEdit(await ws.getDoc(a!.id)));
    await ws.flush();
    await ws.deleteArticles([a!.id]);
    const trash = await ws.listTrash();
    expect(trash.map((t) => [t.id, t.annotationCount])).toEqual([
      [a!.id, 1],
      [a!.id, 0],
    ]);
    expect(trash[0]!.trashedAt >= trash[1]!.trashedAt).toBe(true);
    expect(new Set(trash.map((t) => t.entry)).size).toBe(2);
    expect(readdirSync(join(dir, 'trash')).sort()).toEqual(trash.map((t) => `${t.entry}.json`).sort());
    expect(trash[0]!.entry).toMatch(new RegExp(`^${a!.id}@\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z$`));

    // Both at once cannot be: they are one article.
    await expect(ws.restoreArticles(trash.map((t) => t.entry))).rejects.toMatchObject({ code: 'conflict' });
    // The older copy, by its entry: the one without the annotation.
    const [restored] = await ws.restoreArticles([trash[1]!.entry]);
    expect(restored).toMatchObject({ id: a!.id, annotationCount: 0 });
    expect((await ws.listTrash()).map((t) => t.entry)).toEqual([trash[0]!.entry]);
    // Deleted again, and restored by the article id: the latest copy (the third delete, with no annotation).
    await ws.deleteArticles([a!.id]);
    const [latest] = await ws.restoreArticles([a!.id]);
    expect(latest).toMatchObject({ annotationCount: 0 });
    expect((await ws.listTrash()).map((t) => t.annotationCount)).toEqual([1]);
  });

  it('still lists and restores a file trashed before entries had times (trash/<id>.json)', async () => {
    const { ws, dir } = await workspaceForTest();
    const [a] = await ws.listArticles();
    await ws.deleteArticles([a!.id]);
    const [entry] = await ws.listTrash();
    renameSync(join(dir, 'trash', `${entry!.entry}.json`), join(dir, 'trash', `${a!.id}.json`));
    expect((await ws.listTrash()).map((t) => [t.id, t.entry])).toEqual([[a!.id, a!.id]]);
    const [restored] = await ws.restoreArticles([a!.id]);
    expect(restored!.id).toBe(a!.id);
    expect(await ws.listTrash()).toEqual([]);
  });

  it('renames an article, keeping its text and annotations', async () => {
    const { ws, dir } = await workspaceForTest();
    const [a] = await ws.listArticles();
    const renamed = await ws.renameArticle(a!.id, '  Talks   resume in Geneva ');
    expect(renamed.title).toBe('Talks resume in Geneva');
    await ws.flush();
    expect(JSON.parse(readFileSync(join(dir, 'articles', `${a!.id}.json`), 'utf8')).article.title).toBe('Talks resume in Geneva');
    await expect(ws.renameArticle(a!.id, '   ')).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
