import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
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

describe('Backups.beforeReplaceAll (each backup folder listed once)', () => {
  it('leaves the backups as keeping each file in turn does, whatever generations and journals are there', async () => {
    const t = tempDir('lede-bk-all-');
    cleanup = t.cleanup;
    let run = 0;
    // For each of a few files: whether it exists, and which of its generations and journals do.
    const layout = fc.array(fc.record({ exists: fc.boolean(), present: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }) }), {
      minLength: 1,
      maxLength: 5,
    });
    await fc.assert(
      fc.asyncProperty(layout, fc.boolean(), async (files, shifted) => {
        const snapshot = async (batch: boolean): Promise<Record<string, string>> => {
          const dir = join(t.dir, `${run++}`);
          const clock = 10 * BACKUP_INTERVAL_MS;
          const backups = new Backups(dir, () => clock);
          const rels = files.map((_, i) => `articles/a${i}.json`);
          for (const [i, f] of files.entries()) {
            mkdirSync(join(dir, 'articles'), { recursive: true });
            if (f.exists) writeFileSync(join(dir, rels[i]!), `current ${i}`);
            mkdirSync(join(dir, 'backups', 'articles'), { recursive: true });
            for (let g = 1; g <= 3; g++) {
              if (f.present[g - 1]) writeFileSync(backups.path(rels[i]!, g), `gen ${g} of ${i}`);
              if (f.present[g + 2]) writeFileSync(backups.journalPath(rels[i]!, g), `journal ${g} of ${i}`);
            }
          }
          // Shifted already within the interval: only .1 is replaced, nothing shifts.
          if (!shifted) for (const r of rels) (backups as unknown as { lastShift: Map<string, number> }).lastShift.set(r, clock);
          if (batch) await backups.beforeReplaceAll(rels);
          else for (const r of rels) await backups.beforeReplace(r);
          const out: Record<string, string> = {};
          const folder = join(dir, 'backups', 'articles');
          for (const name of readdirSync(folder).sort()) out[name] = readFileSync(join(folder, name), 'utf8');
          expect(backups.problems).toEqual([]);
          rmSync(dir, { recursive: true, force: true });
          return out;
        };
        expect(await snapshot(true)).toEqual(await snapshot(false));
      }),
      { numRuns: 150 },
    );
  });
});
