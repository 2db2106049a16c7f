import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleIdFromHash } from '../../../../../src/core/model/article';
import { openWorkspace } from '../../../../../src/main/services/workspace';
import { tempDir } from '../../../../support/temp';

/**
 * A workspace written by a format-0 Lede (see src/main/services/store/migrations.ts): no
 * schemaVersion anywhere, one-span annotations with start/end, `author` in the settings,
 * a bare label schema with labels lacking kind/key/attributes.
 */
function writeV0Workspace(dir: string): { id: string; text: string } {
  const text = 'Minister says the budget is balanced.\n“It adds up,” she told reporters.';
  const hash = createHash('sha256').update(text).digest('hex');
  const id = articleIdFromHash(hash);
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ author: 'Ada', snapToWords: false }));
  writeFileSync(
    join(dir, 'label-schema.json'),
    JSON.stringify({
      labels: [
        { id: 'claim', name: 'Claim', color: '#e8a33d' },
        { id: 'quote', name: 'Quote', color: '#4f8fd8', key: '2' },
        { id: 'actor', name: 'Actor', color: '#3aa76d', kind: 'span' },
      ],
      relationTypes: [{ id: 'speaker', name: 'Speaker', from: ['quote'], to: ['actor'] }],
    }),
  );
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ articles: [id] }));
  writeFileSync(
    join(dir, 'articles', `${id}.json`),
    JSON.stringify({
      article: { id, title: 'Minister says the budget is balanced', source: 'budget.txt', importedAt: '2024-05-01T10:00:00.000Z', hash, text },
      annotations: [
        { id: 'q1', label: 'quote', start: 39, end: 51, text: '“It adds up,”', author: 'Ada', created: '2024-05-01T10:05:00.000Z' },
        {
          id: 'c1',
          label: 'claim',
          start: 0,
          end: 37,
          text: 'Minister says the budget is balanced.',
          author: 'Ada',
          created: '2024-05-01T10:04:00.000Z',
          note: 'check figures',
        },
        { id: 'a1', label: 'actor', start: 56, end: 59, author: 'Ada', created: '2024-05-01T10:06:00.000Z', modified: '2024-05-01T10:07:00.000Z' },
      ],
      relations: [
        { id: 'r1', type: 'speaker', from: 'q1', to: 'a1', author: 'Ada', created: '2024-05-01T10:08:00.000Z', modified: '2024-05-01T10:08:00.000Z' },
      ],
    }),
  );
  return { id, text };
}

let cleanup = () => undefined as void;
afterEach(() => cleanup());

describe('migration from format 0 to 1', () => {
  it('upgrades every file on open, keeping the originals, and loses nothing', async () => {
    const t = tempDir('lede-v0-');
    cleanup = t.cleanup;
    const { id, text } = writeV0Workspace(t.dir);
    const originalArticle = readFileSync(join(t.dir, 'articles', `${id}.json`), 'utf8');

    const ws = await openWorkspace(t.dir, { mode: 'write' });
    expect(ws.settings()).toEqual({ analystName: 'Ada', snapToWords: false });
    expect(ws.labelSchema().labels.map((l) => [l.id, l.kind, l.key])).toEqual([
      ['claim', 'span', ''],
      ['quote', 'span', '2'],
      ['actor', 'span', ''],
    ]);
    const doc = await ws.getDoc(id);
    expect(doc.annotations.map((a) => a.id)).toEqual(['c1', 'q1', 'a1']); // canonical order
    const quote = doc.annotations.find((a) => a.id === 'q1')!;
    expect(quote).toMatchObject({
      fragments: [{ start: 39, end: 51 }],
      quote: text.slice(39, 51),
      prefix: text.slice(7, 39),
      modified: '2024-05-01T10:05:00.000Z',
      attributes: {},
      note: '',
    });
    expect(doc.annotations.find((a) => a.id === 'c1')?.note).toBe('check figures');
    expect(doc.relations).toHaveLength(1);
    expect((await ws.listArticles())[0]).toMatchObject({ id, annotationCount: 3, authors: { Ada: 3 } });
    expect(ws.info().notices).toEqual([
      expect.stringMatching(/^4 files were upgraded from an older Lede format; the originals are kept in .*backups with the suffix \.v0\.$/),
    ]);
    await ws.close();

    for (const file of ['settings.json', 'label-schema.json', 'index.json', `articles/${id}.json`]) {
      expect(JSON.parse(readFileSync(join(t.dir, file), 'utf8')).schemaVersion).toBe(1);
    }
    expect(readFileSync(join(t.dir, 'backups', 'articles', `${id}.json.v0`), 'utf8')).toBe(originalArticle);

    const again = await openWorkspace(t.dir, { mode: 'write' });
    expect(again.info().notices).toEqual([]);
    expect(await again.getDoc(id)).toEqual(doc);
    await again.close();
  });

  it('in read mode migrates in memory only', async () => {
    const t = tempDir('lede-v0-');
    cleanup = t.cleanup;
    const { id } = writeV0Workspace(t.dir);
    const before = readFileSync(join(t.dir, 'articles', `${id}.json`), 'utf8');
    const ws = await openWorkspace(t.dir, { mode: 'read' });
    expect((await ws.getDoc(id)).annotations).toHaveLength(3);
    expect(ws.info().notices[0]).toMatch(/are in an older Lede format; they will be upgraded when the workspace is opened in Lede/);
    await ws.close();
    expect(readFileSync(join(t.dir, 'articles', `${id}.json`), 'utf8')).toBe(before);
  });

  it('treats a format-0 file that does not fit format 0 as damaged', async () => {
    const t = tempDir('lede-v0-');
    cleanup = t.cleanup;
    const { id } = writeV0Workspace(t.dir);
    const path = join(t.dir, 'articles', `${id}.json`);
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    raw.annotations[0].end = 10_000;
    writeFileSync(path, JSON.stringify(raw));
    const ws = await openWorkspace(t.dir, { mode: 'write' });
    expect(ws.info().notices.join('\n')).toMatch(/\(format 0\) has an annotation \(q1\) with offsets 39–10000 outside the text/);
    await ws.close();
  });
});
