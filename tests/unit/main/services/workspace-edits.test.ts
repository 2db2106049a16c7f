import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteAnnotations } from '../../../../src/core/edits/builders';
import type { Edit } from '../../../../src/core/edits/commands';
import { injectWriteFaultForTests } from '../../../../src/main/services/store/durable-write';
import { INDEX_DELAY_MS, openWorkspace } from '../../../../src/main/services/workspace';
import { docOnDisk, insertEdit, ioFault, workspaceForTest } from './support';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function workspace() {
  const w = await workspaceForTest();
  const first = (await w.ws.listArticles())[0]!;
  return { ...w, id: first.id, doc: await w.ws.getDoc(first.id) };
}

/** Records the files each durable write replaces, failing none. */
function recordWrites(): { paths: string[]; stop: () => void } {
  const paths: string[] = [];
  const stop = injectWriteFaultForTests((step, path) => {
    // A whole-file write ends in a rename, a journal append in an fsync.
    if (step === 'rename' || (step === 'fsync' && path.endsWith('.journal'))) paths.push(path);
  });
  cleanups.push(stop);
  return { paths, stop };
}

describe('applyEdit', () => {
  it('saves one annotation durably: the first save of a new article rewrites its file (keeping a backup with the journal to the new file), the next ones append to its journal only', async () => {
    const { ws, dir, id, doc } = await workspace();
    const writes = recordWrites();
    await ws.applyEdit(insertEdit(doc, 'claim', 20, 29));
    const backupJournal = join(dir, 'backups', 'articles', `${id}.json.1.journal`);
    // The backup's journal is written durably (fsync, rename) before the file is replaced.
    expect(writes.paths).toEqual([backupJournal, backupJournal, join(dir, 'articles', `${id}.json`)]);
    writes.paths.length = 0;
    const edit = insertEdit(await ws.getDoc(id), 'claim', 0, 9);
    const result = await ws.applyEdit(edit);
    expect(writes.paths).toEqual([join(dir, 'articles', `${id}.journal`)]);
    expect(Date.parse(result.savedAt)).not.toBeNaN();
    expect(result.labelSchema).toEqual(ws.labelSchema());
    const onDisk = docOnDisk(dir, id);
    expect(onDisk.annotations).toHaveLength(2);
    expect(onDisk).toEqual(await ws.getDoc(id));
    expect((await ws.listArticles()).find((a) => a.id === id)).toMatchObject({ annotationCount: 2, authors: { me: 2 } });
  });

  it('coalesces many concurrent edits: all are kept, in fewer writes than edits', async () => {
    const { ws, dir, id, doc } = await workspace();
    const writes = recordWrites();
    const edits = Array.from({ length: 30 }, (_, i) => insertEdit(doc, 'actor', i * 3, i * 3 + 2));
    await Promise.all(edits.map((e) => ws.applyEdit(e)));
    expect(writes.paths.length).toBeLessThan(edits.length);
    expect(writes.paths.length).toBeGreaterThanOrEqual(1);
    const onDisk = docOnDisk(dir, id);
    expect(onDisk.annotations).toHaveLength(30);
    expect(onDisk).toEqual(await ws.getDoc(id));
  });

  it('refuses a stale or invalid edit with a conflict and changes nothing', async () => {
    const { ws, dir, id, doc } = await workspace();
    const edit = insertEdit(doc, 'claim', 0, 9);
    await ws.applyEdit(edit);
    const before = readFileSync(join(dir, 'articles', `${id}.json`));
    await expect(ws.applyEdit(edit)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already exists') });
    await expect(ws.applyEdit(insertEdit(doc, 'no-such-label', 0, 3))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('"no-such-label" is not in the label schema'),
    });
    const outOfRange = insertEdit(doc, 'claim', 0, 5) as Extract<Edit, { kind: 'doc' }>;
    if (outOfRange.command.op !== 'insert') throw new Error('test set-up');
    outOfRange.command.annotations[0]!.fragments = [{ start: 0, end: 1_000_000 }];
    await expect(ws.applyEdit(outOfRange)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('past the end of the text') });
    const stale = deleteAnnotations(await ws.getDoc(id), [(await ws.getDoc(id)).annotations[0]!.id]);
    if (!stale.ok) throw new Error('test set-up');
    const command = stale.value;
    if (command.op !== 'remove') throw new Error('test set-up');
    const tampered: Edit = { kind: 'doc', articleId: id, command: { ...command, annotations: [{ ...command.annotations[0]!, note: 'changed elsewhere' }] } };
    await expect(ws.applyEdit(tampered)).rejects.toMatchObject({ code: 'conflict' });
    // a batch whose second part fails changes nothing, not even its first part
    const batch: Edit = { kind: 'batch', edits: [insertEdit(doc, 'quote', 20, 30), edit] };
    await expect(ws.applyEdit(batch)).rejects.toMatchObject({ code: 'conflict' });
    await expect(ws.applyEdit({ ...insertEdit(doc), articleId: 'a_0000000000000000' } as Edit)).rejects.toMatchObject({ code: 'not-found' });
    expect(readFileSync(join(dir, 'articles', `${id}.json`))).toEqual(before);
    expect((await ws.getDoc(id)).annotations).toHaveLength(1);
  });

  it('edits the label schema, refusing to remove a label still in use', async () => {
    const { ws, dir, doc } = await workspace();
    const schema = ws.labelSchema();
    const withRumour = {
      ...schema,
      labels: [...schema.labels, { id: 'rumour', name: 'Rumour', color: '#aa0000', key: '5', kind: 'span' as const, attributes: [] }],
    };
    const added = await ws.applyEdit({ kind: 'batch', edits: [{ kind: 'schema', before: schema, after: withRumour }, insertEdit(doc, 'rumour', 0, 4)] });
    expect(added.labelSchema.labels.at(-1)?.id).toBe('rumour');
    expect(JSON.parse(readFileSync(join(dir, 'label-schema.json'), 'utf8')).labelSchema).toEqual(withRumour);
    await expect(ws.applyEdit({ kind: 'schema', before: withRumour, after: schema })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('rumour cannot be removed'),
    });
    await expect(ws.applyEdit({ kind: 'schema', before: schema, after: withRumour })).rejects.toMatchObject({ code: 'conflict' });
    const noEvent = {
      ...withRumour,
      labels: withRumour.labels.filter((l) => l.id !== 'event'),
      relationTypes: withRumour.relationTypes.filter((r) => r.id !== 'participant'),
    };
    await ws.applyEdit({ kind: 'schema', before: withRumour, after: noEvent });
    expect(ws.labelSchema().labels.map((l) => l.id)).toEqual(['claim', 'quote', 'actor', 'rumour']);
  });

  it('rejects a suggestion and brings it back as edits: kept in settings.json across a reopen, all or nothing with the article edit beside it', async () => {
    const { ws, dir, id, doc } = await workspace();
    const settingsOnDisk = () => JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).settings as { rejectedSuggestions?: Record<string, string[]> };
    await ws.applyEdit({ kind: 'rejections', articleId: id, add: ['quote@0-20'], remove: [] });
    expect(settingsOnDisk().rejectedSuggestions).toEqual({ [id]: ['quote@0-20'] });
    // Refused together: a second rejection of the same suggestion, beside a good article edit.
    await expect(
      ws.applyEdit({ kind: 'batch', edits: [insertEdit(doc, 'claim', 0, 4), { kind: 'rejections', articleId: id, add: ['quote@0-20'], remove: [] }] }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await ws.getDoc(id)).annotations).toHaveLength(doc.annotations.length);
    await expect(ws.applyEdit({ kind: 'rejections', articleId: 'a_nowhere', add: ['quote@0-20'], remove: [] })).rejects.toMatchObject({ code: 'not-found' });
    await ws.close();
    const again = await openWorkspace(dir, { mode: 'write' });
    cleanups.push(() => again.close());
    expect(again.settings().rejectedSuggestions).toEqual({ [id]: ['quote@0-20'] });
    // Its undo: the field goes when no article has any left, as in settings saved before suggestions.
    await again.applyEdit({ kind: 'rejections', articleId: id, add: [], remove: ['quote@0-20'] });
    expect(settingsOnDisk()).not.toHaveProperty('rejectedSuggestions');
  });
});

describe('a failed write', () => {
  it.each(['ENOSPC', 'EROFS', 'EACCES'])('(%s) reports an io error and leaves memory equal to disk', async (code) => {
    const { ws, dir, id, doc } = await workspace();
    await ws.applyEdit(insertEdit(doc, 'claim', 0, 9));
    const stop = injectWriteFaultForTests((step) => {
      if (step === 'write') throw ioFault(code);
    });
    cleanups.push(stop);
    const current = await ws.getDoc(id);
    const concurrent = Array.from({ length: 5 }, (_, i) =>
      ws.applyEdit(insertEdit(current, 'actor', 20 + i * 4, 22 + i * 4)).then(
        () => 'saved',
        (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
      ),
    );
    const outcomes = await Promise.all(concurrent);
    for (const outcome of outcomes) expect(outcome).toMatch(new RegExp(`^io: .* while saving .*${id}\\.(json|journal).*The change was not saved\\.$`));
    expect(await ws.getDoc(id)).toEqual(docOnDisk(dir, id));
    expect((await ws.getDoc(id)).annotations).toHaveLength(1);
    expect((await ws.listArticles()).find((a) => a.id === id)?.annotationCount).toBe(1);

    stop();
    await ws.applyEdit(insertEdit(await ws.getDoc(id), 'quote', 40, 50));
    expect(
      docOnDisk(dir, id)
        .annotations.map((a) => a.label)
        .sort(),
    ).toEqual(['claim', 'quote']);
  });

  it('of settings leaves the settings as on disk', async () => {
    const { ws, dir } = await workspace();
    const stop = injectWriteFaultForTests(() => {
      throw ioFault('ENOSPC');
    });
    cleanups.push(stop);
    await expect(ws.saveSettings({ analystName: 'Ada', snapToWords: true })).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('The disk is full'),
    });
    stop();
    expect(ws.settings()).toEqual(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).settings);
    await expect(ws.saveSettings({ analystName: '', snapToWords: true })).rejects.toMatchObject({ code: 'invalid-argument' });
    await ws.saveSettings({ analystName: 'Ada', snapToWords: false });
    await ws.close();
    const reopened = await openWorkspace(dir, { mode: 'write' });
    cleanups.unshift(() => reopened.close());
    expect(reopened.settings()).toEqual({ analystName: 'Ada', snapToWords: false });
  });

  it('of an import reports the file as failed and does not add it', async () => {
    const { ws } = await workspace();
    const stop = injectWriteFaultForTests(() => {
      throw ioFault('EROFS');
    });
    cleanups.push(stop);
    const report = await ws.importArticleFiles([{ name: 'new.txt', bytes: new TextEncoder().encode('A headline\n\nSome text.') }]);
    stop();
    expect(report.added).toEqual([]);
    expect(report.failed).toEqual([{ file: 'new.txt', error: expect.stringMatching(/^new\.txt: The disk is read-only while saving/) }]);
    expect((await ws.listArticles()).length).toBe(5);
  });
});

describe('the index cache', () => {
  it('is written off the save path, after a pause, and on flush', async () => {
    const { ws, dir, id, doc } = await workspace();
    const countInIndex = () =>
      JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')).articles.find((e: { summary: { id: string } }) => e.summary.id === id).summary.annotationCount;
    await ws.applyEdit(insertEdit(doc, 'claim', 0, 9));
    expect(countInIndex()).toBe(0);
    // Written after the pause: waited for (a busy machine can run the timer late), never assumed.
    const saved = Date.now();
    await expect.poll(countInIndex, { timeout: 30_000, interval: 50 }).toBe(1);
    expect(Date.now() - saved).toBeGreaterThanOrEqual(INDEX_DELAY_MS - 50);
    await ws.applyEdit(insertEdit(await ws.getDoc(id), 'claim', 10, 19));
    await ws.flush();
    expect(countInIndex()).toBe(2);
  });

  it('is trusted only while the article file is unchanged', async () => {
    const { ws, dir, id, doc } = await workspace();
    await ws.applyEdit(insertEdit(doc, 'claim', 0, 9));
    await ws.close();
    const file = join(dir, 'articles', `${id}.json`);
    // Give the file a whole-second mtime the test can restore exactly, and let the index learn it.
    const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(file, second, second);
    await (await openWorkspace(dir, { mode: 'write' })).close();
    expect(statSync(file).mtimeMs).toBe(second.getTime());
    // Same size and mtime: the cached summary is used (the file is not even read).
    const raw = readFileSync(file, 'utf8');
    writeFileSync(file, raw.replace(/"author": ?"me"/, '"author":"Me"'));
    utimesSync(file, second, second);
    let reopened = await openWorkspace(dir, { mode: 'read' });
    expect((await reopened.listArticles()).find((a) => a.id === id)?.authors).toEqual({ me: 1 });
    // Changed outside Lede (mtime differs): recomputed from the file.
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    reopened = await openWorkspace(dir, { mode: 'read' });
    expect((await reopened.listArticles()).find((a) => a.id === id)?.authors).toEqual({ Me: 1 });
  });
});
