import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../../../src/main/services/workspace';
import { runCli } from '../../../../support/cli';
import { newWorkspace } from '../support';

/**
 * Issue 11, item 8: one stray entry no longer blocks the whole workspace ("EISDIR"). A folder
 * named like an article file, `articles` being a file, a folder where settings.json should be:
 * each is set aside to damaged/, the rest opens, and the analyst is told.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('stray entries in a workspace', () => {
  it('a folder named articles/<x>.json is set aside; every article still opens, in the host and the CLI', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    await ws.close();
    mkdirSync(join(dir, 'articles', 'a_0000000000000000.json'));
    writeFileSync(join(dir, 'articles', 'a_0000000000000000.json', 'inside.txt'), 'kept');

    const reader = await openWorkspace(dir, { mode: 'read' });
    expect(reader.info().notices).toEqual([expect.stringMatching(/^articles\/a_0000000000000000\.json is a folder, not an article file; it was skipped/)]);
    expect(await reader.listArticles()).toHaveLength(5);
    await reader.close();

    const again = await openWorkspace(dir, { mode: 'write' });
    cleanups.push(() => again.close());
    expect(again.info().notices).toEqual([
      expect.stringMatching(
        /^articles\/a_0000000000000000\.json is a folder, not an article file; it was moved to .*damaged.* and the other articles were opened\.$/,
      ),
    ]);
    expect(await again.listArticles()).toHaveLength(5);
    const damaged = readdirSync(join(dir, 'damaged'));
    expect(damaged).toHaveLength(1);
    expect(readdirSync(join(dir, 'damaged', damaged[0]!))).toEqual(['inside.txt']);
  });

  it('articles being a file is set aside and an empty articles folder made; a folder for settings.json is set aside', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    await ws.close();
    rmSync(join(dir, 'articles'), { recursive: true });
    writeFileSync(join(dir, 'articles'), 'not a folder');
    rmSync(join(dir, 'settings.json'));
    rmSync(join(dir, 'backups', 'settings.json.1'), { force: true });
    mkdirSync(join(dir, 'settings.json'));
    const again = await openWorkspace(dir, { mode: 'write' });
    cleanups.push(() => again.close());
    const notices = again.info().notices.join('\n');
    expect(notices).toMatch(/articles was a file, not the articles folder; it was moved to .*damaged/);
    expect(notices).toMatch(/settings\.json was damaged \(it is a folder, not a Lede file\)/);
    expect(await again.listArticles()).toEqual([]);
    expect(again.settings().analystName).toBeTruthy();
    expect(await again.importArticleFiles([{ name: 'x.txt', bytes: new TextEncoder().encode('Headline\nBody text.\n') }])).toMatchObject({ failed: [] });
  });

  it('the CLI lists a workspace with a stray folder and says why one entry was skipped', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    await ws.close();
    mkdirSync(join(dir, 'articles', 'stray.json'));
    const list = runCli(['list', '--workspace', dir, '--json']);
    expect(list.stderr).toMatch(/articles\/stray\.json is a folder, not an article file/);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(5);
  });
});
