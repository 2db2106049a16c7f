import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addTagEdit, articleInfoEdit } from '../../../../src/core/edits/article-info';
import { invertEdit } from '../../../../src/core/edits/commands';
import { lastChangeOf } from '../../../../src/core/model/article';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { fixture, insertEdit, newWorkspace } from './support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('article summaries with metadata', () => {
  it('carry outlet, date, tags and the last change; an index cached before them is read again from the files', async () => {
    const w = await newWorkspace();
    cleanups.push(w.cleanup);
    const { added } = await w.ws.importArticleFiles([fixture('news-page-meta.html')]);
    const id = added[0]!.id;
    await w.ws.applyEdit(insertEdit(await w.ws.getDoc(id)));
    const summary = (await w.ws.listArticles()).find((s) => s.id === id)!;
    expect(summary).toMatchObject({ outlet: 'The Harbour Courier', published: '2025-03-14T09:30:00+00:00', tags: ['Ports', 'Strikes'], language: 'en-GB' });
    const annotated = (await w.ws.getDoc(id)).annotations[0]!.modified;
    expect(summary.changedAt).toBe(annotated);
    expect(summary.changedAt! > summary.importedAt).toBe(true);
    await w.ws.close();

    // An index written before summaries had metadata: entries without changedAt.
    const path = join(w.dir, 'index.json');
    const index = JSON.parse(readFileSync(path, 'utf8')) as { articles: { summary: Record<string, unknown> }[] };
    for (const e of index.articles) for (const k of ['changedAt', 'outlet', 'url', 'byline', 'published', 'language', 'tags']) delete e.summary[k];
    writeFileSync(path, JSON.stringify(index));
    const again = await openWorkspace(w.dir, { mode: 'read' });
    expect(again.info().notices).toEqual([]);
    expect((await again.listArticles()).find((s) => s.id === id)).toMatchObject({
      outlet: 'The Harbour Courier',
      tags: ['Ports', 'Strikes'],
      changedAt: annotated,
    });
    expect((await again.listArticles()).every((s) => typeof s.changedAt === 'string')).toBe(true);
    await again.close();
  });

  it('a title, outlet or tag edit is a change: the last change moves, in the files and the index, and undo moves it back', async () => {
    const w = await newWorkspace();
    cleanups.push(w.cleanup);
    const { added } = await w.ws.importArticleFiles([fixture('news-page-meta.html'), fixture('plain.txt')]);
    const [id, other] = added.map((a) => a.id) as [string, string];
    const changedAt = async (ws: { listArticles(): Promise<{ id: string; changedAt?: string }[]> }, which = id) =>
      (await ws.listArticles()).find((s) => s.id === which)!.changedAt;
    const imported = await changedAt(w.ws);
    expect(imported).toBe(added[0]!.importedAt);

    // The info panel's edit (title and outlet), as the page makes it, a minute after the import.
    const later = new Date(Date.parse(imported!) + 60_000).toISOString();
    const info = articleInfoEdit((await w.ws.getDoc(id)).article, { title: 'Port strike ends', outlet: 'The Courier' }, later);
    if (!info.ok || !info.value) throw new Error('no edit');
    await w.ws.applyEdit(info.value);
    expect(await changedAt(w.ws)).toBe(later);
    expect(await changedAt(w.ws, other)).toBe(added[1]!.importedAt);

    // Tagging both in the list, later still: one batch.
    const latest = new Date(Date.parse(imported!) + 120_000).toISOString();
    const tag = addTagEdit(
      (await w.ws.listArticles()).filter((s) => s.id === id || s.id === other),
      'Docks',
      latest,
    );
    if (!tag.ok || !tag.value) throw new Error('no edit');
    await w.ws.applyEdit(tag.value);
    expect(await changedAt(w.ws)).toBe(latest);
    expect(await changedAt(w.ws, other)).toBe(latest);
    await w.ws.close();

    // From the files: the journal folded or replayed, the index written on close.
    const reopened = await openWorkspace(w.dir, { mode: 'write' });
    expect(await changedAt(reopened)).toBe(latest);
    const index = JSON.parse(readFileSync(join(w.dir, 'index.json'), 'utf8')) as { articles: { summary: { id: string; changedAt: string } }[] };
    expect(index.articles.find((e) => e.summary.id === other)!.summary.changedAt).toBe(latest);

    // Undo of the tagging, then of the info edit: the last change goes back step by step.
    await reopened.applyEdit(invertEdit(tag.value));
    expect(await changedAt(reopened)).toBe(later);
    expect(await changedAt(reopened, other)).toBe(added[1]!.importedAt);
    await reopened.applyEdit(invertEdit(info.value));
    expect(await changedAt(reopened)).toBe(imported);
    expect((await reopened.getDoc(id)).article.infoChangedAt).toBeUndefined();
    await reopened.close();
  });

  it('`lede set-meta` (setArticleInfo) moves the last change too', async () => {
    const w = await newWorkspace();
    cleanups.push(w.cleanup);
    const { added } = await w.ws.importArticleFiles([fixture('news-page-meta.html')]);
    const id = added[0]!.id;
    const before = (await w.ws.listArticles()).find((s) => s.id === id)!.changedAt!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await w.ws.setArticleInfo(id, { tags: ['Docks'] });
    const after = (await w.ws.listArticles()).find((s) => s.id === id)!;
    expect(after.tags).toEqual(['Docks']);
    expect(after.changedAt! > before).toBe(true);
    expect(after.changedAt).toBe((await w.ws.getDoc(id)).article.infoChangedAt);
  });

  it('the last change is the latest ISO time of import, text update and annotation edits; other shapes are not compared', () => {
    const article = { importedAt: '2026-01-01T00:00:00.000Z', history: [{ hash: 'h', text: 't', replacedAt: '2026-02-01T00:00:00.000Z' }] };
    expect(lastChangeOf({ article, annotations: [{ modified: '2026-01-15T00:00:00.000Z' }], relations: [] })).toBe('2026-02-01T00:00:00.000Z');
    expect(
      lastChangeOf({
        article,
        annotations: [{ modified: 'x' }, { modified: '2026-03-01T00:00:00.000Z' }],
        relations: [{ modified: '2026-03-02T00:00:00.000Z' }],
      }),
    ).toBe('2026-03-02T00:00:00.000Z');
    expect(lastChangeOf({ article: { importedAt: '2026-01-01T00:00:00.000Z' }, annotations: [{ modified: 'zzz later' }], relations: [] })).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(lastChangeOf({ article: { ...article, infoChangedAt: '2026-02-02T00:00:00.000Z' }, annotations: [], relations: [] })).toBe(
      '2026-02-02T00:00:00.000Z',
    );
  });
});
