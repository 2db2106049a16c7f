import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
    expect((await again.listArticles()).find((s) => s.id === id)).toMatchObject({ outlet: 'The Harbour Courier', tags: ['Ports', 'Strikes'], changedAt: annotated });
    expect((await again.listArticles()).every((s) => typeof s.changedAt === 'string')).toBe(true);
    await again.close();
  });

  it('the last change is the latest ISO time of import, text update and annotation edits; other shapes are not compared', () => {
    const article = { importedAt: '2026-01-01T00:00:00.000Z', history: [{ hash: 'h', text: 't', replacedAt: '2026-02-01T00:00:00.000Z' }] };
    expect(lastChangeOf({ article, annotations: [{ modified: '2026-01-15T00:00:00.000Z' }], relations: [] })).toBe('2026-02-01T00:00:00.000Z');
    expect(lastChangeOf({ article, annotations: [{ modified: 'x' }, { modified: '2026-03-01T00:00:00.000Z' }], relations: [{ modified: '2026-03-02T00:00:00.000Z' }] })).toBe('2026-03-02T00:00:00.000Z');
    expect(lastChangeOf({ article: { importedAt: '2026-01-01T00:00:00.000Z' }, annotations: [{ modified: 'zzz later' }], relations: [] })).toBe('2026-01-01T00:00:00.000Z');
  });
});
