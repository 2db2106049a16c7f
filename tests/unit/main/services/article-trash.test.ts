import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { insertEdit, workspaceForTest } from './support';



describe('the trash', () => {
  it('deletes articles with their annotations, lists them, restores one byte for byte, and survives a reopen', async () => {
    const { ws, dir } = await workspaceForTest();
    const [a, b, c] = await ws.listArticles();
    await ws.applyEdit(insertEdit(await ws.getDoc(a!.id)));
    await ws.flush();
    const before = readFileSync(join(dir, 'articles', `${a!.id}.json`), 'utf8');
    expect(await ws.deleteArticles([a!.id, b!.id, a!.id])).toBe(2);
    expect((await ws.listArticles()).map((s) => s.id)).not.toContain(a!.id);
    await expect(ws.getDoc(a!.id)).rejects.toMatchObject({ code: 'not-found' });
    expect((await ws.listTrash()).map((t) => t.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(existsSync(join(dir, 'articles', `${a!.id}.json`))).toBe(false);

    const [restored] = await ws.restoreArticles([a!.id]);
    expect(restored).toMatchObject({ id: a!.id, annotationCount: 1 });
    expect(readFileSync(join(dir, 'articles', `${a!.id}.json`), 'utf8')).toBe(before);
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
    // A folder where the second article's trash file would go: the first move succeeds, the second fails.
    mkdirSync(join(dir, 'trash', `${b!.id}.json`, 'in-the-way'), { recursive: true });
    await expect(ws.deleteArticles([a!.id, b!.id])).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('Nothing was deleted') });
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
