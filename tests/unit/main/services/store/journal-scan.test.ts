import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../../../src/main/services/workspace';
import { insertEdit, newWorkspace } from '../support';

/**
 * Reading a workspace looks for an article's journal only where the folder listing showed one
 * (issue 12: a thousand failed opens in every bulk export and `lede agree`). What the listing
 * showed is read and replayed as before; a journal begun after it holds later edits only.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('journals found by the folder listing', () => {
  it('replays a journal the listing found; the article the listing found without one is its file, as of the open', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const [a, b] = await ws.listArticles();
    // Saves after the first are records in a.journal (the app is still running: nothing compacted).
    for (let i = 0; i < 3; i++) await ws.applyEdit(insertEdit(await ws.getDoc(a!.id), 'claim', i, i + 4));
    expect(existsSync(join(dir, 'articles', `${a!.id}.journal`))).toBe(true);
    expect(existsSync(join(dir, 'articles', `${b!.id}.journal`))).toBe(false);
    const seen = (await ws.getDoc(a!.id)).annotations.length;
    const fileOfB = await ws.getDoc(b!.id);

    const reader = await openWorkspace(dir, { mode: 'read' });
    cleanups.push(() => reader.close());
    // A journal the listing found is replayed.
    expect((await reader.getDoc(a!.id)).annotations).toHaveLength(seen);
    // One that appears after the listing is not looked for by this reader: the file as it was.
    writeFileSync(join(dir, 'articles', `${b!.id}.journal`), 'not a journal\n');
    expect(await reader.getDoc(b!.id)).toEqual(fileOfB);
    expect(reader.info().notices).toEqual([]);
    await reader.close();
    await ws.close();

    // The next open lists it, reads it, and keeps the damaged journal aside, saying so.
    const again = await openWorkspace(dir, { mode: 'write' });
    cleanups.push(() => again.close());
    expect((await again.getDoc(b!.id)).annotations).toEqual(fileOfB.annotations);
    expect((await again.getDoc(a!.id)).annotations).toHaveLength(seen);
    expect(again.info().notices.join('\n')).toMatch(/journal/i);
  });
});
