import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_INTERVAL_MS, Backups } from '../../../../../src/main/services/store/backups';
import { writeFileDurable } from '../../../../../src/main/services/store/durable-write';
import { sealedHash, sealLine } from '../../../../../src/main/services/store/journal-file';
import { tempDir } from '../../../../support/temp';

let cleanup = () => undefined as void;
afterEach(() => cleanup());

describe('Backups', () => {
  it('keeps the previous version as .1 on every save and shifts older ones at most once per interval', async () => {
    const t = tempDir('lede-bk-');
    cleanup = t.cleanup;
    let clock = 1_000_000;
    const backups = new Backups(t.dir, () => clock);
    const target = join(t.dir, 'settings.json');
    const save = (content: string) => writeFileDurable(target, content, { beforeReplace: () => backups.beforeReplace('settings.json') });
    const read = (g: number) => readFileSync(backups.path('settings.json', g), 'utf8');

    await save('v1'); // created: nothing to back up
    expect((await backups.list('settings.json')).length).toBe(0);
    await save('v2');
    expect(read(1)).toBe('v1');
    await save('v3');
    await save('v4');
    expect(read(1)).toBe('v3'); // always the version before the last save
    expect((await backups.list('settings.json')).map((c) => c.generation)).toEqual([1]);

    clock += BACKUP_INTERVAL_MS;
    await save('v5');
    expect([read(1), read(2)]).toEqual(['v4', 'v3']);
    clock += BACKUP_INTERVAL_MS;
    await save('v6');
    clock += BACKUP_INTERVAL_MS;
    await save('v7');
    expect([read(1), read(2), read(3)]).toEqual(['v6', 'v5', 'v4']);
    expect(readFileSync(target, 'utf8')).toBe('v7');
    // a backup is a hard link to the replaced file: no copy was made
    expect(statSync(backups.path('settings.json', 1)).nlink).toBe(1);
    expect(backups.problems).toEqual([]);
  });

  it('reports, without failing the save, when a backup cannot be made', async () => {
    const t = tempDir('lede-bk-');
    cleanup = t.cleanup;
    writeFileSync(join(t.dir, 'backups'), 'a file where the backups folder should be');
    const backups = new Backups(t.dir);
    const target = join(t.dir, 'index.json');
    writeFileSync(target, 'old');
    await writeFileDurable(target, 'new', { beforeReplace: () => backups.beforeReplace('index.json') });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(backups.problems[0]).toMatch(/^Could not keep a backup of index\.json/);
  });

  it('keeps the journal given with a backup beside it, shifts it with its generation, and drops it with a backup that has none', async () => {
    const t = tempDir('lede-bk-');
    cleanup = t.cleanup;
    let clock = 1_000_000;
    const backups = new Backups(t.dir, () => clock);
    const rel = 'articles/a.json';
    const target = join(t.dir, rel);
    const save = (content: string, journal?: string) =>
      writeFileDurable(target, content, { beforeReplace: async () => void (await backups.beforeReplace(rel, journal)) });
    const journalOf = (g: number) => (existsSync(backups.journalPath(rel, g)) ? readFileSync(backups.journalPath(rel, g), 'utf8') : null);
    mkdirSync(join(t.dir, 'articles'));
    await save('v1');
    await save('v2', sealLine('h1', 'h2'));
    expect(journalOf(1)).toBe(sealLine('h1', 'h2'));
    expect(await backups.covers(rel, 'h2')).toBe(true);
    expect(await sealedHash(backups.journalPath(rel, 1))).toBe('h2');
    clock += BACKUP_INTERVAL_MS;
    await save('v3', sealLine('h2', 'h3'));
    expect([journalOf(1), journalOf(2)]).toEqual([sealLine('h2', 'h3'), sealLine('h1', 'h2')]);
    expect((await backups.list(rel)).map((c) => [c.generation, c.journal !== null])).toEqual([
      [1, true],
      [2, true],
    ]);
    // Within the interval .1 is replaced, with its journal; a backup given none keeps none (no stale journal beside it).
    await save('v4');
    expect([journalOf(1), journalOf(2)]).toEqual([null, sealLine('h1', 'h2')]);
    expect(await backups.covers(rel, 'h3')).toBe(false);
    expect(readFileSync(backups.path(rel, 1), 'utf8')).toBe('v3');
  });
});
