import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../src/core/model/settings';
import { openWorkspace, type Workspace } from '../../../../../src/main/services/workspace';
import { docOnDisk, insertEdit, newWorkspace, SEEDS_DIR } from '../support';

/**
 * Damaged files: each kind of damage a crash, a full disk or a bad sync tool leaves behind.
 * The workspace is reopened on it as the app would be; the damaged file must be moved aside
 * (never overwritten), the newest valid backup restored, and the analyst told.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/**
 * A closed workspace whose first article has one saved edit: its backup holds the state before
 * it, with the journal that leads from there to the file (store/backups.ts).
 */
async function workspaceWithBackup(): Promise<{ dir: string; id: string; file: string; beforeEdit: number }> {
  const { ws, dir, cleanup } = await newWorkspace();
  cleanups.push(cleanup);
  const [first] = await ws.listArticles();
  const doc = await ws.getDoc(first!.id);
  await ws.applyEdit(insertEdit(doc, 'claim', 0, 9));
  await ws.close();
  return { dir, id: first!.id, file: join(dir, 'articles', `${first!.id}.json`), beforeEdit: doc.annotations.length };
}

const DAMAGE: Record<string, (bytes: Buffer) => Buffer> = {
  truncated: (b) => b.subarray(0, Math.floor(b.length / 2)),
  'NUL-filled': (b) => Buffer.alloc(b.length),
  'zero-length': () => Buffer.alloc(0),
  'invalid JSON': () => Buffer.from('{"schemaVersion": 1, "article": {'),
  'non-UTF-8': (b) => Buffer.concat([b.subarray(0, 40), Buffer.from([0xc3, 0x28]), b.subarray(42)]),
  'schema-invalid': (b) => {
    const json = JSON.parse(b.toString('utf8'));
    json.annotations[0].fragments[0].start = 'nine';
    return Buffer.from(JSON.stringify(json));
  },
  'text changed (hash mismatch)': (b) => {
    const json = JSON.parse(b.toString('utf8'));
    json.article.text = json.article.text.replace('Trump', 'Trunp');
    return Buffer.from(JSON.stringify(json));
  },
};

function damagedCopies(dir: string): string[] {
  return existsSync(join(dir, 'damaged')) ? readdirSync(join(dir, 'damaged')) : [];
}

describe('a damaged article file', () => {
  it.each(Object.keys(DAMAGE))('%s: is moved aside, its backup restored, and the analyst told', async (kind) => {
    const { dir, id, file, beforeEdit } = await workspaceWithBackup();
    const damagedBytes = DAMAGE[kind]!(readFileSync(file));
    writeFileSync(file, damagedBytes);

    const ws = await openWorkspace(dir, { mode: 'write' });
    cleanups.unshift(() => ws.close());
    const [notice, ...others] = ws.info().notices;
    expect(others).toEqual([]);
    expect(notice).toMatch(
      new RegExp(
        `^articles/${id}\\.json was damaged \\(it .+\\)\\. It was moved to .+damaged.+ and its backup from \\d{4}-.+ was restored, with the 1 change\\(s\\) saved since .*; nothing is lost\\.$`,
      ),
    );
    const copies = damagedCopies(dir);
    expect(copies).toHaveLength(1);
    expect(readFileSync(join(dir, 'damaged', copies[0]!))).toEqual(damagedBytes);
    expect(notice).toContain(join(dir, 'damaged', copies[0]!));
    // restored: the backup with its journal replayed (the saved edit too), written back durably and valid
    const doc = await ws.getDoc(id);
    expect(doc.annotations).toHaveLength(beforeEdit + 1);
    expect(docOnDisk(dir, id)).toEqual(doc);
    expect((await ws.listArticles()).map((a) => a.id)).toContain(id);
  });

  it('with no backup: the article is reported lost and the damaged copy kept', async () => {
    const { dir, id, file } = await workspaceWithBackup();
    rmSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(file, Buffer.alloc(300));
    const ws = await openWorkspace(dir, { mode: 'write' });
    cleanups.unshift(() => ws.close());
    expect(ws.info().notices).toEqual([
      expect.stringMatching(
        new RegExp(`articles/${id}\\.json was damaged .* No usable backup of it exists: the article ${id} and its annotations are lost\\.`),
      ),
    ]);
    expect(damagedCopies(dir)).toHaveLength(1);
    expect((await ws.listArticles()).map((a) => a.id)).not.toContain(id);
    await expect(ws.getDoc(id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('skips a damaged newest backup for an older valid one', async () => {
    const { dir, id, file } = await workspaceWithBackup();
    const backup = join(dir, 'backups', 'articles', `${id}.json.1`);
    const older = join(dir, 'backups', 'articles', `${id}.json.2`);
    writeFileSync(older, readFileSync(backup));
    writeFileSync(backup, '{"trunc');
    writeFileSync(file, '');
    const ws = await openWorkspace(dir, { mode: 'write' });
    cleanups.unshift(() => ws.close());
    expect(ws.info().notices[0]).toContain('was restored');
    expect((await ws.getDoc(id)).article.id).toBe(id);
  });

  it('in read mode: nothing is moved or written; the backup is shown and the analyst told', async () => {
    const { dir, id, file } = await workspaceWithBackup();
    writeFileSync(file, '{"schemaVersion":1,');
    const before = snapshot(dir);
    const ws = await openWorkspace(dir, { mode: 'read' });
    expect(ws.info().notices).toEqual([expect.stringMatching(/Showing its backup from .*; open the workspace in Lede to repair the file\./)]);
    expect((await ws.getDoc(id)).article.id).toBe(id);
    await ws.close();
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('damaged small files', () => {
  it('settings: restored from backup, or reset to defaults with a notice when there is none', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    await ws.saveSettings({ analystName: 'Ada', snapToWords: false });
    await ws.saveSettings({ analystName: 'Grace', snapToWords: false });
    await ws.close();
    writeFileSync(join(dir, 'settings.json'), Buffer.alloc(64));
    let reopened: Workspace = await openWorkspace(dir, { mode: 'write' });
    expect(reopened.settings().analystName).toBe('Ada'); // the version before the last save
    expect(reopened.info().notices[0]).toMatch(/^settings\.json was damaged \(it contains NUL bytes/);
    await reopened.close();

    rmSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'settings.json'), '{"schemaVersion":1,"settings":{"analystName":""}}');
    reopened = await openWorkspace(dir, { mode: 'write' });
    expect(reopened.settings()).toEqual(DEFAULT_SETTINGS);
    expect(reopened.info().notices[0]).toMatch(/No usable backup of it exists\. The settings were reset to their defaults\.$/);
    expect(damagedCopies(dir)).toHaveLength(2);
    await reopened.close();
  });

  it('index: rebuilt from the article files (never restored from a backup, never said to lose changes), counts right', async () => {
    const { dir, id } = await workspaceWithBackup();
    writeFileSync(join(dir, 'index.json'), '{"schemaVersion":1,"createdAt":"x","articles":[{"summ');
    const ws = await openWorkspace(dir, { mode: 'write' });
    cleanups.unshift(() => ws.close());
    expect(ws.info().notices).toEqual([
      expect.stringMatching(
        /^index\.json was damaged .* It is only a cache of the article list: it was rebuilt from the article files, and nothing is lost\.$/,
      ),
    ]);
    expect(ws.info().notices[0]).not.toMatch(/lost;|are lost|No usable backup/);
    const list = await ws.listArticles();
    expect(list).toHaveLength(5);
    expect(list.find((a) => a.id === id)?.annotationCount).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')).articles).toHaveLength(5);
  });

  it('index: a JSON array is damage, not "an older format"', async () => {
    const { dir } = await workspaceWithBackup();
    writeFileSync(join(dir, 'index.json'), '[1, 2, 3]');
    const ws = await openWorkspace(dir, { mode: 'write' });
    cleanups.unshift(() => ws.close());
    expect(ws.info().notices).toEqual([
      expect.stringMatching(
        /^index\.json was damaged \(it does not match the expected format at \(top level\): Invalid input: expected object, received array\).* rebuilt from the article files, and nothing is lost\.$/,
      ),
    ]);
    expect(await ws.listArticles()).toHaveLength(5);
  });

  it('label schema: rebuilt from the defaults plus the labels in use when no backup exists', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const schema = ws.labelSchema();
    const after = { ...schema, labels: [...schema.labels, { id: 'rumour', name: 'Rumour', color: '#123456', key: '', kind: 'span' as const, attributes: [] }] };
    await ws.applyEdit({ kind: 'schema', before: schema, after });
    const [first] = await ws.listArticles();
    await ws.applyEdit(insertEdit(await ws.getDoc(first!.id), 'rumour', 0, 4));
    await ws.close();
    rmSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'label-schema.json'), 'not json');
    const reopened = await openWorkspace(dir, { mode: 'write' });
    cleanups.unshift(() => reopened.close());
    expect(reopened.labelSchema().labels.map((l) => l.id)).toEqual(['claim', 'quote', 'actor', 'event', 'rumour']);
    expect(reopened.info().notices[0]).toContain('The label schema was rebuilt');
  });

  it('a file from a newer Lede is refused, not repaired', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    await ws.close();
    const newer = '{"schemaVersion":7,"settings":{"analystName":"x","snapToWords":true,"theme":"dark"}}';
    writeFileSync(join(dir, 'settings.json'), newer);
    await expect(openWorkspace(dir, { mode: 'write' })).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('newer version of Lede (format 7'),
    });
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(newer);
    expect(damagedCopies(dir)).toEqual([]);
    // and the failed open released its lock
    expect(existsSync(join(dir, 'lede.lock'))).toBe(false);
  });

  it('removes temp files a crashed write left behind, keeping the target', async () => {
    const { ws, dir, cleanup } = await newWorkspace({ seedsDir: SEEDS_DIR });
    cleanups.push(cleanup);
    await ws.close();
    writeFileSync(join(dir, 'articles', '.a_1.json.999999.3.tmp'), '{"half');
    const reopened = await openWorkspace(dir, { mode: 'write' });
    cleanups.unshift(() => reopened.close());
    expect(readdirSync(join(dir, 'articles')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(reopened.info().notices).toEqual([]);
  });
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const s = statSync(path);
    out[name] = s.isDirectory() ? 'dir' : `${s.size}:${s.mtimeMs}:${readFileSync(path).toString('base64')}`;
  }
  return out;
}
