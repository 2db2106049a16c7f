import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleIdFromHash, titleFromText } from '../../../../src/core/model/article';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { tempDir } from '../../../support/temp';
import { sharedAvailable, sharedPath, SHARED_MISSING_REASON } from '../../../support/shared';
import { newWorkspace, SEEDS_DIR } from './support';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('a new workspace', () => {
  it('is filled with the five seed articles: exact text, title, source, hash and id', async () => {
    const { ws, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const names = readdirSync(SEEDS_DIR)
      .filter((n) => n.endsWith('.txt'))
      .sort();
    expect(names).toHaveLength(5);
    const list = await ws.listArticles();
    expect(list.map((a) => a.source).sort()).toEqual(names);
    for (const name of names) {
      const bytes = readFileSync(join(SEEDS_DIR, name));
      const hash = createHash('sha256').update(bytes).digest('hex');
      const summary = list.find((a) => a.source === name)!;
      expect(summary).toMatchObject({ hash, id: articleIdFromHash(hash), annotationCount: 0, authors: {} });
      const { article } = await ws.getDoc(summary.id);
      expect(article.text).toBe(bytes.toString('utf8'));
      expect(article.title).toBe(titleFromText(article.text));
      expect(Date.parse(article.importedAt)).toBeGreaterThan(Date.parse('2020-01-01'));
    }
    expect(list.find((a) => a.source.startsWith('004_'))!.title).toBe('Trump Seeks Urgent Meeting with Putin After Skipping Russia-Ukraine Peace Talks');
    expect(ws.info()).toMatchObject({ articleCount: 5, notices: [], settings: { analystName: 'me' } });
  });

  it.skipIf(!sharedAvailable)('has the same seeds as the shared material', () => {
    for (const name of readdirSync(sharedPath('seeds'))) {
      expect(readFileSync(join(SEEDS_DIR, name))).toEqual(readFileSync(sharedPath('seeds', name)));
    }
  });
  if (!sharedAvailable) console.warn(SHARED_MISSING_REASON);

  it('is seeded once: reopening, or a workspace whose articles were all removed, gets no seeds again', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    await ws.close();
    const reopened = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
    expect((await reopened.listArticles()).length).toBe(5);
    await reopened.close();
    for (const name of readdirSync(join(dir, 'articles'))) rmSync(join(dir, 'articles', name));
    const emptied = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
    expect((await emptied.listArticles()).length).toBe(0);
    await emptied.close();
  });

  it('uses the app seeds by default, other seeds when given, and says so when there are none', async () => {
    const t = tempDir('lede-seeds-');
    cleanups.push(t.cleanup);
    const byDefault = await openWorkspace(join(t.dir, 'default', 'nested'), { mode: 'write' });
    expect((await byDefault.listArticles()).length).toBe(5);
    await byDefault.close();

    mkdirSync(join(t.dir, 'my-seeds'));
    writeFileSync(join(t.dir, 'my-seeds', 'one.txt'), 'Only seed\n\nBody.');
    writeFileSync(join(t.dir, 'my-seeds', 'ignored.json'), '{}');
    const custom = await openWorkspace(join(t.dir, 'custom'), { mode: 'write', seedsDir: join(t.dir, 'my-seeds') });
    expect((await custom.listArticles()).map((a) => a.title)).toEqual(['Only seed']);
    await custom.close();

    const none = await openWorkspace(join(t.dir, 'none'), { mode: 'write', seedsDir: join(t.dir, 'missing') });
    expect(none.info().notices).toEqual([`No seed articles were found in ${join(t.dir, 'missing')}; the new workspace starts empty.`]);
    await none.close();
  });

  it('is not created in a folder that holds other things, nor opened read-only where none exists', async () => {
    const t = tempDir('lede-seeds-');
    cleanups.push(t.cleanup);
    writeFileSync(join(t.dir, 'thesis.docx'), 'x');
    writeFileSync(join(t.dir, '.DS_Store'), 'x');
    await expect(openWorkspace(t.dir, { mode: 'write' })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('is not a Lede workspace and is not empty'),
    });
    expect(readdirSync(t.dir).sort()).toEqual(['.DS_Store', 'thesis.docx']);
    await expect(openWorkspace(join(t.dir, 'nothing'), { mode: 'read' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(openWorkspace(join(t.dir, 'thesis.docx'), { mode: 'write' })).rejects.toMatchObject({ code: 'invalid-argument' });
    // a folder with only hidden files is empty enough
    mkdirSync(join(t.dir, 'hidden-only'));
    writeFileSync(join(t.dir, 'hidden-only', '.DS_Store'), 'x');
    const ws = await openWorkspace(join(t.dir, 'hidden-only'), { mode: 'write', seedsDir: SEEDS_DIR });
    expect(ws.info().articleCount).toBe(5);
    await ws.close();
  });
});
