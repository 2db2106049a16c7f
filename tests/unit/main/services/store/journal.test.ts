import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotations, linkAnnotations, patchAnnotation, unlink } from '../../../../../src/core/edits/builders';
import type { DocCommand } from '../../../../../src/core/edits/commands';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import type { Result } from '../../../../../src/core/model/result';
import { LOCK_FILE } from '../../../../../src/main/services/store/lock';
import { openWorkspace, type Workspace } from '../../../../../src/main/services/workspace';
import { tempDir } from '../../../../support/temp';
import { baseHash, parseJournal } from '../../../../../src/main/services/store/journal-file';
import { docOnDisk, newWorkspace, SEEDS_DIR } from '../support';

/**
 * The article change journal (store/journal-file.ts, StoredFile): what was acknowledged is what a
 * reopened workspace holds, whatever a crash left at the journal's end, and a compaction
 * interrupted between rewriting the file and removing the journal never applies a change twice.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A copy of the workspace as a crash would leave it (the lock is the dead process's; a copy has none). */
function crashCopy(dir: string): string {
  const copy = tempDir('lede-crash-');
  cleanups.push(copy.cleanup);
  cpSync(dir, copy.dir, { recursive: true, filter: (src) => !src.endsWith(LOCK_FILE) });
  return copy.dir;
}

async function reopen(dir: string): Promise<Workspace> {
  const ws = await openWorkspace(dir, { mode: 'write', seedsDir: null });
  cleanups.push(() => ws.close());
  return ws;
}

type Step = { kind: 'insert' | 'patch' | 'delete' | 'link' | 'unlink'; pick: number; at: number; len: number; note: string };

function command(doc: ArticleDoc, step: Step, n: number): Result<DocCommand> | null {
  const now = new Date(1_767_000_000_000 + n).toISOString();
  const ours = doc.annotations;
  const target = ours.length > 0 ? ours[step.pick % ours.length]! : null;
  switch (step.kind) {
    case 'patch':
      return target ? patchAnnotation(doc, target.id, { note: step.note }, now) : null;
    case 'delete':
      return target ? deleteAnnotations(doc, [target.id]) : null;
    case 'link': {
      const other = ours.length > 1 ? ours[(step.pick + 1) % ours.length]! : null;
      if (!target || !other) return null;
      const linked = linkAnnotations(doc, { type: 'speaker', from: target.id, to: other.id }, { author: 'me', now });
      return linked.ok ? { ok: true, value: linked.value.command } : linked;
    }
    case 'unlink':
      return doc.relations.length > 0 ? unlink(doc, doc.relations[step.pick % doc.relations.length]!.id) : null;
    default: {
      const length = doc.article.text.length;
      const start = step.at % (length - 1);
      const made = createAnnotation(
        doc,
        { id: `ann_p${n}`, label: 'claim', fragments: [{ start, end: Math.min(length, start + 1 + step.len) }] },
        { author: 'me', now },
      );
      return made.ok ? { ok: true, value: made.value.command } : made;
    }
  }
}

const stepArb = fc.record({
  kind: fc.constantFrom<Step['kind']>('insert', 'insert', 'insert', 'patch', 'delete', 'link', 'link', 'unlink', 'unlink'),
  pick: fc.nat(1000),
  at: fc.nat(100_000),
  len: fc.nat(40),
  note: fc.string({ maxLength: 30 }),
});

/** One annotation inserted into article `id`, awaited. */
async function insert(ws: Workspace, id: string, start: number, n = start): Promise<void> {
  const doc = await ws.getDoc(id);
  const made = createAnnotation(
    doc,
    { id: `ann_j${n}`, label: 'claim', fragments: [{ start, end: start + 5 }] },
    { author: 'me', now: new Date().toISOString() },
  );
  if (!made.ok) throw new Error('set-up');
  await ws.applyEdit({ kind: 'doc', articleId: id, command: made.value.command });
}

/**
 * A new workspace whose first article has had one save: a new file has no backup, so its first
 * save is written whole (linking the old version as a backup, with a journal leading to the new
 * one); the saves after it are journal records.
 */
async function journaled(): Promise<{ ws: Workspace; dir: string; id: string; journal: string }> {
  const { ws, dir, cleanup } = await newWorkspace();
  cleanups.push(cleanup);
  const id = (await ws.listArticles())[0]!.id;
  await insert(ws, id, 200);
  return { ws, dir, id, journal: join(dir, 'articles', `${id}.journal`) };
}

describe('the article change journal', () => {
  it('the first save of a new article is written whole with a sealed backup journal; later saves append one record and leave the file alone; a copy replays them', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const id = (await ws.listArticles())[0]!.id;
    const file = join(dir, 'articles', `${id}.json`);
    const original = readFileSync(file);
    await insert(ws, id, 0);
    // Whole: the old version is backup .1, its journal takes it to the new file.
    expect(readFileSync(join(dir, 'backups', 'articles', `${id}.json.1`))).toEqual(original);
    const backupJournal = parseJournal(readFileSync(join(dir, 'backups', 'articles', `${id}.json.1.journal`)), baseHash(original));
    expect(backupJournal).toMatchObject({ problem: null, sealed: true, reached: baseHash(readFileSync(file)) });
    expect(backupJournal.records).toHaveLength(1);
    expect(existsSync(join(dir, 'articles', `${id}.journal`))).toBe(false);
    const before = readFileSync(file);
    await insert(ws, id, 10);
    expect(readFileSync(file)).toEqual(before);
    expect(readFileSync(join(dir, 'articles', `${id}.journal`), 'utf8').split('\n')).toHaveLength(2);
    const copy = await reopen(crashCopy(dir));
    expect(await copy.getDoc(id)).toEqual(await ws.getDoc(id));
    expect((await copy.listArticles()).find((a) => a.id === id)?.annotationCount).toBe(2);
    // Closing compacts: the file holds the edits, the journal went beside the backup it leads from.
    await ws.close();
    expect(existsSync(join(dir, 'articles', `${id}.journal`))).toBe(false);
    expect(docOnDisk(dir, id).annotations).toHaveLength(2);
    expect(readFileSync(join(dir, 'backups', 'articles', `${id}.json.1`))).toEqual(before);
  });

  const kindsSeen = new Set<string>();
  it('property: after random edits and a crash that tears the record in flight, a reopened workspace holds exactly the acknowledged edits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 25 }),
        fc.nat(1000),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        async (steps, crashAt, tear, garbage) => {
          const { ws, dir, cleanup } = await newWorkspace();
          try {
            const id = (await ws.listArticles())[0]!.id;
            await insert(ws, id, 300); // written whole: the saves below are journal records
            const journal = join(dir, 'articles', `${id}.journal`);
            const acked: ArticleDoc[] = [await ws.getDoc(id)];
            const applied = new Set<string>();
            const journals: Buffer[] = [Buffer.alloc(0)];
            for (const [n, step] of steps.entries()) {
              const made = command(await ws.getDoc(id), step, n);
              if (!made?.ok) continue;
              applied.add(step.kind);
              await ws.applyEdit({ kind: 'doc', articleId: id, command: made.value });
              acked.push(await ws.getDoc(id));
              journals.push(existsSync(journal) ? readFileSync(journal) : Buffer.alloc(0));
            }
            // The crash: edit k+1 was in flight, so the journal holds edit k's records and part of the next line.
            const k = crashAt % acked.length;
            const copy = crashCopy(dir);
            const copyJournal = join(copy, 'articles', `${id}.journal`);
            const next = journals[k + 1];
            if (next && next.length > journals[k]!.length) {
              const line = next.subarray(journals[k]!.length);
              const tail = garbage ? Buffer.from('0123456789abcdef {"base":"x"') : line.subarray(0, Math.floor(tear * (line.length - 1)));
              writeFileSync(copyJournal, Buffer.concat([journals[k]!, tail]));
            } else if (journals[k]!.length > 0) writeFileSync(copyJournal, journals[k]!);
            else rmSync(copyJournal, { force: true });
            const reopened = await reopen(copy);
            expect(await reopened.getDoc(id)).toEqual(acked[k]);
            expect(reopened.info().notices).toEqual([]);
            // The torn tail was cut: later saves append after the last whole record.
            for (const kind of applied) kindsSeen.add(kind);
            if (existsSync(copyJournal)) expect(statSync(copyJournal).size).toBe(journals[k]!.length);
          } finally {
            await cleanup();
          }
        },
      ),
      { numRuns: 20 },
    );
    // Every kind of change (annotations and relations put and dropped) was journalled in some run.
    expect([...kindsSeen].sort()).toEqual(['delete', 'insert', 'link', 'patch', 'unlink']);
  }, 120_000);

  it('a crash after compaction rewrote the file but before it removed the journal applies nothing twice', async () => {
    const { ws, dir, id, journal: journalPath } = await journaled();
    for (let i = 0; i < 3; i++) await insert(ws, id, i * 10);
    const journal = readFileSync(journalPath);
    const expected = await ws.getDoc(id);
    await ws.close();
    // Put the old journal back beside the compacted file, as the crash would have left it: the
    // backup's journal begins with it and seals to the compacted file, so it is known applied.
    writeFileSync(journalPath, journal);
    const reopened = await reopen(dir);
    expect(await reopened.getDoc(id)).toEqual(expected);
    expect(reopened.info().notices).toEqual([]);
    expect(readdirSync(join(dir, 'articles')).filter((n) => n.endsWith('.journal'))).toEqual([]);
  });

  it('a journal of another version of the file, held by no backup, is never applied nor deleted: it is kept aside with a notice', async () => {
    const { ws, dir, id, journal: journalPath } = await journaled();
    for (let i = 0; i < 2; i++) await insert(ws, id, i * 10);
    const copy = crashCopy(dir);
    // The article file replaced outside Lede (an older copy put back): its journal names another file.
    writeFileSync(join(copy, 'articles', `${id}.json`), readFileSync(join(dir, 'backups', 'articles', `${id}.json.1`)));
    const journal = readFileSync(journalPath);
    const reopened = await reopen(copy);
    expect((await reopened.getDoc(id)).annotations).toHaveLength(0);
    expect(reopened.info().notices.join(' ')).toMatch(/change journal .* holds 2 change\(s\) made to another version .* kept as .*damaged/);
    const kept = readdirSync(join(copy, 'damaged'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(copy, 'damaged', kept[0]!))).toEqual(journal);
  });

  it('a damaged record inside the journal: the records before it are applied, the journal as found is kept in damaged/, the notice counts what could not be applied', async () => {
    const { ws, dir, id } = await journaled();
    for (let i = 0; i < 3; i++) await insert(ws, id, i * 10);
    const expected = await ws.getDoc(id);
    const copy = crashCopy(dir);
    const path = join(copy, 'articles', `${id}.journal`);
    const bytes = readFileSync(path);
    const lines = bytes.toString('utf8').split('\n');
    const second = Buffer.byteLength(`${lines[0]}\n`) + 30;
    bytes[second] = bytes[second] === 0x41 ? 0x42 : 0x41; // one flipped byte in the second of three records
    writeFileSync(path, bytes);
    const reopened = await reopen(copy);
    const doc = await reopened.getDoc(id);
    expect(doc.annotations.map((a) => a.id)).toEqual(expected.annotations.map((a) => a.id).filter((x) => x !== 'ann_j10' && x !== 'ann_j20'));
    expect(reopened.info().notices.join(' ')).toMatch(
      /change journal .* could not be read to its end: .*1 change\(s\) before that point were applied; 2 after it could not be .* kept as .*damaged/,
    );
    const kept = readdirSync(join(copy, 'damaged'));
    expect(readFileSync(join(copy, 'damaged', kept[0]!))).toEqual(bytes);
    expect(readFileSync(path, 'utf8')).toBe(`${lines[0]}\n`);
  });

  it('a whole last line that fails its checksum is not dropped silently: kept in damaged/ with a notice', async () => {
    const { ws, dir, id, journal: journalPath } = await journaled();
    for (let i = 0; i < 2; i++) await insert(ws, id, i * 10);
    const copy = crashCopy(dir);
    const path = join(copy, 'articles', `${id}.journal`);
    const bytes = readFileSync(journalPath);
    bytes[bytes.length - 10]! ^= 0x01;
    writeFileSync(path, bytes);
    const reopened = await reopen(copy);
    expect((await reopened.getDoc(id)).annotations.map((a) => a.id)).not.toContain('ann_j10');
    expect(reopened.info().notices.join(' ')).toMatch(/its last line does not match its checksum .* kept as /);
    expect(readdirSync(join(copy, 'damaged'))).toHaveLength(1);
  });

  it('a workspace opened read-only replays the journal and changes nothing on disk, even with a torn or damaged journal', async () => {
    const { ws, dir, id, journal: journalPath } = await journaled();
    for (let i = 0; i < 2; i++) await insert(ws, id, i * 10);
    const expected = await ws.getDoc(id);
    const copy = crashCopy(dir);
    const path = join(copy, 'articles', `${id}.journal`);
    writeFileSync(path, Buffer.concat([readFileSync(journalPath), Buffer.from('0123456789abcdef {"ba')]));
    const before = readFileSync(path);
    const ro = await openWorkspace(copy, { mode: 'read', seedsDir: null });
    expect(await ro.getDoc(id)).toEqual(expected);
    await ro.close();
    expect(readFileSync(path)).toEqual(before);
  });
});

describe('restoring a damaged article that has a journal', () => {
  for (const damage of ['truncated', 'NUL-filled'] as const) {
    it(`a ${damage} article file comes back with every acknowledged save: backup + its journal + the live journal`, async () => {
      const { ws, dir, id } = await journaled();
      for (let i = 0; i < 3; i++) await insert(ws, id, i * 10);
      // A compaction in between: the live journal now follows the compacted file.
      await ws.close();
      const again = await reopen(dir);
      for (let i = 3; i < 5; i++) await insert(again, id, i * 10);
      const expected = await again.getDoc(id);
      const copy = crashCopy(dir);
      const file = join(copy, 'articles', `${id}.json`);
      writeFileSync(file, damage === 'truncated' ? readFileSync(file).subarray(0, 100) : Buffer.alloc(readFileSync(file).length));
      const reopened = await reopen(copy);
      expect(await reopened.getDoc(id)).toEqual(expected);
      expect(reopened.info().notices.join(' ')).toMatch(
        /was damaged .* moved to .*damaged.* backup from .* was restored, with the \d+ change\(s\) saved since .*nothing is lost/,
      );
      // The restored file can itself be rebuilt: damage it again at once.
      await reopened.close();
      writeFileSync(file, readFileSync(file).subarray(0, 50));
      const twice = await reopen(copy);
      expect(await twice.getDoc(id)).toEqual(expected);
    });
  }

  it('after a rename and a text update (changes written whole), a trip through the trash and more saves, a damaged article file still comes back whole', async () => {
    const { ws, dir, id } = await journaled();
    await insert(ws, id, 10);
    // The title is in the article object: as big as the file, so this save is written whole, its change kept beside the backup.
    await ws.renameArticle(id, 'A new title');
    await insert(ws, id, 20);
    // A new version of the text (update-article): re-anchored annotations, a new text and history, written whole.
    const text = (await ws.getDoc(id)).article.text;
    await ws.updateArticleText(id, { name: 'v2.txt', bytes: new TextEncoder().encode(`${text}\n\nA paragraph added later.`) });
    await insert(ws, id, 25);
    await ws.deleteArticles([id]);
    await ws.restoreArticles([id]);
    await insert(ws, id, 30);
    const expected = await ws.getDoc(id);
    expect(expected.article.title).toBe('A new title');
    expect(expected.article.text).toContain('added later');
    const copy = crashCopy(dir);
    writeFileSync(join(copy, 'articles', `${id}.json`), '');
    const reopened = await reopen(copy);
    expect(await reopened.getDoc(id)).toEqual(expected);
    expect(reopened.info().notices.join(' ')).toMatch(/nothing is lost/);
  });

  it('an import (a transaction) compacts first: a damaged imported file comes back with every save before the import, and the notice says the import is lost', async () => {
    const { ws, dir, id } = await journaled();
    for (let i = 0; i < 2; i++) await insert(ws, id, i * 10);
    const beforeImport = await ws.getDoc(id);
    const imported = { ...beforeImport, annotations: beforeImport.annotations.map((a) => ({ ...a, note: 'imported' })) };
    await ws.putDocs([imported], ws.labelSchema());
    const copy = crashCopy(dir);
    writeFileSync(join(copy, 'articles', `${id}.json`), '{');
    const reopened = await reopen(copy);
    expect(await reopened.getDoc(id)).toEqual(beforeImport);
    expect(reopened.info().notices.join(' ')).toMatch(/was restored; but no journal was kept beside that backup, so changes made after that time are lost/);
  });

  it('a damaged article file whose backup journal is missing comes back as the backup, and the notice says the live journal could not be applied and where it is', async () => {
    const { ws, dir, id } = await journaled();
    for (let i = 0; i < 2; i++) await insert(ws, id, i * 10);
    const copy = crashCopy(dir);
    rmSync(join(copy, 'backups', 'articles', `${id}.json.1.journal`));
    writeFileSync(join(copy, 'articles', `${id}.json`), 'x');
    const reopened = await reopen(copy);
    expect((await reopened.getDoc(id)).annotations).toHaveLength(0);
    expect(reopened.info().notices.join(' ')).toMatch(
      /backup from .* was restored; but .*the 2 change\(s\) in the article's journal follow a version of the file no backup leads to\. The article's journal as found was kept as .*damaged/,
    );
  });
});

/** Lets the event loop (and the thread pool's file operations) run `turns` times. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('property: saves, compactions and crashes at random points, then the article file damaged', () => {
  it('the restored article equals the last acknowledged save (or the one in flight at the crash)', async () => {
    const { compactOftenForTests } = await import('../../../../../src/main/services/store/stored-file');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(stepArb, fc.constant({ kind: 'reopen' as const })), { minLength: 1, maxLength: 16 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(40),
        fc.constantFrom('truncated', 'NUL-filled', 'garbage', 'none'),
        async (steps, compactEvery, crashTurns, damage) => {
          compactOftenForTests(compactEvery, 0);
          const { dir, cleanup } = tempDir('lede-prop-');
          let ws = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
          try {
            const id = (await ws.listArticles())[0]!.id;
            // An article never saved since its import has no backup (as with whole-file saves): one save first.
            await insert(ws, id, 400);
            const acked: ArticleDoc[] = [await ws.getDoc(id)];
            for (const [n, step] of steps.entries()) {
              if (step.kind === 'reopen') {
                await ws.close();
                ws = await openWorkspace(dir, { mode: 'write', seedsDir: null });
                continue;
              }
              const made = command(await ws.getDoc(id), step, n);
              if (!made?.ok) continue;
              await ws.applyEdit({ kind: 'doc', articleId: id, command: made.value });
              acked.push(await ws.getDoc(id));
            }
            // One more save in flight, and the crash (a snapshot of the folder) a random number of turns into it.
            const made = command(await ws.getDoc(id), { kind: 'insert', pick: 0, at: 77, len: 3, note: '' }, 999);
            const inFlight = made?.ok ? ws.applyEdit({ kind: 'doc', articleId: id, command: made.value }) : Promise.resolve(null);
            await turns(crashTurns);
            const copy = crashCopy(dir);
            await inFlight;
            const possible = [acked.at(-1)!, await ws.getDoc(id)];
            const file = join(copy, 'articles', `${id}.json`);
            if (damage === 'truncated') writeFileSync(file, readFileSync(file).subarray(0, 64));
            if (damage === 'NUL-filled') writeFileSync(file, Buffer.alloc(readFileSync(file).length));
            if (damage === 'garbage') writeFileSync(file, '{"schemaVersion":1,');
            const reopened = await openWorkspace(copy, { mode: 'write', seedsDir: null });
            try {
              const doc = await reopened.getDoc(id);
              expect(
                possible.some((p) => JSON.stringify(p) === JSON.stringify(doc)),
                `restored ${doc.annotations.length} annotations; acknowledged ${acked.at(-1)!.annotations.length}`,
              ).toBe(true);
              if (damage !== 'none') expect(reopened.info().notices.join(' ')).toMatch(/nothing is lost/);
            } finally {
              await reopened.close();
            }
          } finally {
            await ws.close().catch(() => undefined);
            cleanup();
          }
        },
      ),
      { numRuns: 40 },
    );
    compactOftenForTests(200, 2000);
  }, 300_000);
});

describe('articleJournal.diff and apply', () => {
  it('property: applying the diff of two documents to the first gives the second (items shared, replaced, added, removed anywhere)', async () => {
    const { articleJournal } = await import('../../../../../src/main/services/store/article-journal');
    const { canonicalDoc } = await import('../../../../../src/core/edits/apply');
    const text = 'x'.repeat(500);
    const ann = (id: string, start: number, note: string) =>
      ({
        id,
        label: 'claim',
        fragments: [{ start, end: start + 3 }],
        quote: 'xxx',
        prefix: '',
        suffix: '',
        attributes: {},
        note,
        author: 'me',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
      }) as ArticleDoc['annotations'][number];
    fc.assert(
      fc.property(
        fc.array(fc.nat(400), { maxLength: 30 }),
        fc.array(fc.record({ op: fc.constantFrom('put', 'move', 'drop'), pick: fc.nat(100), at: fc.nat(400) }), { maxLength: 6 }),
        (starts, ops) => {
          const before = canonicalDoc({
            article: { id: 'a', title: 't', source: 's', importedAt: '2026-01-01T00:00:00.000Z', hash: 'h', text },
            annotations: starts.map((s, i) => ann(`a${i}`, s, '')),
            relations: [],
          });
          let annotations = [...before.annotations];
          for (const [n, o] of ops.entries()) {
            const target = annotations[o.pick % Math.max(1, annotations.length)];
            if (o.op === 'put') annotations.push(ann(`new${n}`, o.at, 'n'));
            else if (target && o.op === 'move') annotations = annotations.map((a) => (a === target ? ann(a.id, o.at, 'moved') : a));
            else if (target) annotations = annotations.filter((a) => a !== target);
          }
          const after = canonicalDoc({ ...before, annotations });
          const change = articleJournal.diff(before, after);
          expect(articleJournal.apply(before, change)).toEqual(after);
          expect(change.put.length + change.drop.length).toBeLessThanOrEqual(2 * ops.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
