import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleCodec } from '../../../../src/main/services/store/file-formats';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { decodeWrittenArticle } from '../../../../src/main/services/written-article';
import { insertEdit, newWorkspace } from './support';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A workspace with one annotated article whose file has a whole-second mtime the index knows. */
async function written() {
  const { ws, dir, cleanup } = await newWorkspace();
  cleanups.push(cleanup);
  const id = (await ws.listArticles())[0]!.id;
  await ws.applyEdit(insertEdit(await ws.getDoc(id), 'claim', 0, 9));
  await ws.applyEdit(insertEdit(await ws.getDoc(id), 'quote', 2, 5));
  await ws.close();
  const file = join(dir, 'articles', `${id}.json`);
  const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  utimesSync(file, second, second);
  await (await openWorkspace(dir, { mode: 'write' })).close();
  return { dir, id, file, second };
}

describe('reading an article file as Lede wrote it', () => {
  it('gives the same document as the full schema check', async () => {
    const { dir, id, file } = await written();
    const full = articleCodec.decode(JSON.parse(readFileSync(file, 'utf8')));
    const ws = await openWorkspace(dir, { mode: 'read' });
    cleanups.push(() => ws.close());
    expect(full.ok && full.value).toEqual(await ws.getDoc(id));
    // …and that document came the short way.
    const { size, mtimeMs } = statSync(file);
    const short = decodeWrittenArticle(JSON.parse(readFileSync(file, 'utf8')), { size, mtimeMs }, { size, mtimeMs });
    expect(short).not.toBeNull();
    expect(short).toEqual(full);
  });

  it('still refuses a file whose text was damaged though its size and time are unchanged', async () => {
    const { dir, id, file, second } = await written();
    const raw = readFileSync(file, 'utf8');
    const text = (JSON.parse(raw) as { article: { text: string } }).article.text;
    const damaged = text.replace(/[a-z]/, (c) => (c === 'x' ? 'y' : 'x'));
    writeFileSync(file, raw.replace(JSON.stringify(text), JSON.stringify(damaged)));
    utimesSync(file, second, second);
    expect(statSync(file).size).toBe(Buffer.byteLength(raw));
    const ws = await openWorkspace(dir, { mode: 'read' });
    cleanups.push(() => ws.close());
    // Read mode shows the backup (or nothing), never the damaged text.
    const doc = await ws.getDoc(id).catch(() => null);
    expect(doc?.article.text).not.toBe(damaged);
    expect(ws.info().notices.join('\n')).toMatch(/does not match its hash/);
  });

  it('checks the schema of a file changed outside Lede (another time)', async () => {
    const { dir, id, file } = await written();
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { annotations: { author: unknown }[] };
    raw.annotations[0]!.author = 12;
    writeFileSync(file, JSON.stringify(raw));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const ws = await openWorkspace(dir, { mode: 'read' });
    cleanups.push(() => ws.close());
    const doc = await ws.getDoc(id).catch(() => null);
    expect(doc?.annotations.some((a) => (a.author as unknown) === 12) ?? false).toBe(false);
    expect(ws.info().notices.join('\n')).toMatch(/annotations\.0\.author/);
  });
});

describe('decodeWrittenArticle', () => {
  const stamp = { size: 10, mtimeMs: 1000.5 };
  const doc = { article: { id: 'a', title: 't', source: 's', importedAt: 'i', hash: 'h', text: 'abc' }, annotations: [], relations: [] };

  it('leaves everything but an unchanged current-format file to the full check', () => {
    const raw = { schemaVersion: 1, ...doc };
    expect(decodeWrittenArticle(raw, undefined, stamp)).toBeNull();
    expect(decodeWrittenArticle(raw, stamp, null)).toBeNull();
    expect(decodeWrittenArticle(raw, stamp, { ...stamp, size: 11 })).toBeNull();
    expect(decodeWrittenArticle(raw, stamp, { ...stamp, mtimeMs: 1000 })).toBeNull();
    expect(decodeWrittenArticle({ ...doc }, stamp, stamp)).toBeNull();
    expect(decodeWrittenArticle([], stamp, stamp)).toBeNull();
    // Values docProblem cannot walk, or refuses (here: the hash), fall through too.
    expect(decodeWrittenArticle({ schemaVersion: 1, ...doc, annotations: [null] }, stamp, stamp)).toBeNull();
    expect(decodeWrittenArticle({ schemaVersion: 1, ...doc, article: { ...doc.article, text: 5 } }, stamp, stamp)).toBeNull();
    expect(decodeWrittenArticle(raw, stamp, stamp)).toBeNull();
  });
});
