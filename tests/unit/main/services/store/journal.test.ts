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
      const made = createAnnotation(doc, { id: `ann_p${n}`, label: 'claim', fragments: [{ start, end: Math.min(length, start + 1 + step.len) }] }, { author: 'me', now });
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

describe('the article change journal', () => {
  it('a save appends one record and leaves the article file alone; a reopened workspace and a copy replay it', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const id = (await ws.listArticles())[0]!.id;
    const file = join(dir, 'articles', `${id}.json`);
    const before = readFileSync(file);
    const doc = await ws.getDoc(id);
    const made = createAnnotation(doc, { label: 'claim', fragments: [{ start: 0, end: 5 }] }, { author: 'me', now: new Date().toISOString() });
    if (!made.ok) throw new Error('set-up');
    await ws.applyEdit({ kind: 'doc', articleId: id, command: made.value.command });
    expect(readFileSync(file)).toEqual(before);
    expect(readFileSync(join(dir, 'articles', `${id}.journal`), 'utf8').split('\n')).toHaveLength(2);
    const copy = await reopen(crashCopy(dir));
    expect(await copy.getDoc(id)).toEqual(await ws.getDoc(id));
    expect((await copy.listArticles()).find((a) => a.id === id)?.annotationCount).toBe(1);
    // Closing compacts: the file holds the edit and the journal is gone.
    await ws.close();
    expect(existsSync(join(dir, 'articles', `${id}.journal`))).toBe(false);
    expect(docOnDisk(dir, id).annotations).toHaveLength(1);
  });

  const kindsSeen = new Set<string>();
  it('property: after random edits and a crash that tears the record in flight, a reopened workspace holds exactly the acknowledged edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 25 }), fc.nat(1000), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), async (steps, crashAt, tear, garbage) => {
        const { ws, dir, cleanup } = await newWorkspace();
        try {
          const id = (await ws.listArticles())[0]!.id;
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
      }),
      { numRuns: 20 },
    );
    // Every kind of change (annotations and relations put and dropped) was journalled in some run.
    expect([...kindsSeen].sort()).toEqual(['delete', 'insert', 'link', 'patch', 'unlink']);
  }, 120_000);

  it('a crash after compaction rewrote the file but before it removed the journal applies nothing twice', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const id = (await ws.listArticles())[0]!.id;
    for (let i = 0; i < 3; i++) {
      const doc = await ws.getDoc(id);
      const made = createAnnotation(doc, { label: 'claim', fragments: [{ start: i * 10, end: i * 10 + 5 }] }, { author: 'me', now: new Date().toISOString() });
      if (!made.ok) throw new Error('set-up');
      await ws.applyEdit({ kind: 'doc', articleId: id, command: made.value.command });
    }
    const journal = readFileSync(join(dir, 'articles', `${id}.journal`));
    const expected = await ws.getDoc(id);
    await ws.close();
    // Put the old journal back beside the compacted file, as the crash would have left it.
    writeFileSync(join(dir, 'articles', `${id}.journal`), journal);
    const reopened = await reopen(dir);
    expect(await reopened.getDoc(id)).toEqual(expected);
    expect(reopened.info().notices).toEqual([]);
    expect(readdirSync(join(dir, 'articles')).filter((n) => n.endsWith('.journal'))).toEqual([]);
  });

  it('damage inside the journal never makes the article damaged: the file is kept, the journal set aside with a notice', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const id = (await ws.listArticles())[0]!.id;
    const base = await ws.getDoc(id);
    for (let i = 0; i < 2; i++) {
      const doc = await ws.getDoc(id);
      const made = createAnnotation(doc, { label: 'claim', fragments: [{ start: i * 10, end: i * 10 + 5 }] }, { author: 'me', now: new Date().toISOString() });
      if (!made.ok) throw new Error('set-up');
      await ws.applyEdit({ kind: 'doc', articleId: id, command: made.value.command });
    }
    const copy = crashCopy(dir);
    const path = join(copy, 'articles', `${id}.journal`);
    const bytes = readFileSync(path);
    bytes[20] = bytes[20] === 0x41 ? 0x42 : 0x41; // one flipped byte in the first of two records
    writeFileSync(path, bytes);
    const reopened = await reopen(copy);
    expect(await reopened.getDoc(id)).toEqual(base);
    expect(reopened.info().notices.join(' ')).toMatch(/change journal .* could not be replayed .* kept as .*\.journal\.damaged-/);
    expect(existsSync(join(copy, 'damaged'))).toBe(false);
  });
});

describe('articleJournal.diff and apply', () => {
  it('property: applying the diff of two documents to the first gives the second (items shared, replaced, added, removed anywhere)', async () => {
    const { articleJournal } = await import('../../../../../src/main/services/store/article-journal');
    const { canonicalDoc } = await import('../../../../../src/core/edits/apply');
    const text = 'x'.repeat(500);
    const ann = (id: string, start: number, note: string) =>
      ({ id, label: 'claim', fragments: [{ start, end: start + 3 }], quote: 'xxx', prefix: '', suffix: '', attributes: {}, note, author: 'me', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' }) as ArticleDoc['annotations'][number];
    fc.assert(
      fc.property(fc.array(fc.nat(400), { maxLength: 30 }), fc.array(fc.record({ op: fc.constantFrom('put', 'move', 'drop'), pick: fc.nat(100), at: fc.nat(400) }), { maxLength: 6 }), (starts, ops) => {
        const before = canonicalDoc({ article: { id: 'a', title: 't', source: 's', importedAt: '2026-01-01T00:00:00.000Z', hash: 'h', text } as ArticleDoc['article'], annotations: starts.map((s, i) => ann(`a${i}`, s, '')), relations: [] });
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
      }),
      { numRuns: 300 },
    );
  });
});
