import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOutputFiles } from '../../../../src/main/services/output-files';

/** Output files on a real disk: where they go, what is refused, and a failed write. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-output-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (path: string, content = `content of ${path} — ünïcode 🙂\n`) => ({ path, content });

describe('writeOutputFiles', () => {
  it('writes several files into the folder OUT, one to the file OUT, or inside OUT when it is a folder', async () => {
    const out = join(dir, 'set');
    expect(await writeOutputFiles(out, [file('a.json'), file('sub/b.json')], { folder: false })).toEqual([join(out, 'a.json'), join(out, 'sub/b.json')]);
    expect(readFileSync(join(out, 'sub/b.json'), 'utf8')).toBe(file('sub/b.json').content);
    const single = join(dir, 'deep/one.json');
    expect(await writeOutputFiles(single, [file('lede.json')], { folder: false })).toEqual([single]);
    expect(readFileSync(single, 'utf8')).toBe(file('lede.json').content);
    const existing = join(dir, 'existing');
    mkdirSync(existing);
    expect(await writeOutputFiles(existing, [file('lede.json')], { folder: false })).toEqual([join(existing, 'lede.json')]);
    expect(await writeOutputFiles(join(dir, 'brat'), [file('annotation.conf')], { folder: true })).toEqual([join(dir, 'brat', 'annotation.conf')]);
  });

  it('refuses a path that leaves the folder before anything is written', async () => {
    const out = join(dir, 'out');
    await expect(writeOutputFiles(out, [file('a.txt'), file('../escaped.txt')], { folder: true })).rejects.toThrow(/refusing to write .*outside/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'escaped.txt'))).toBe(false);
  });

  it('writes a thousand files, each byte for byte', async () => {
    const out = join(dir, 'many');
    const files = Array.from({ length: 1000 }, (_, i) => file(`${i % 3 === 0 ? 'odd/' : ''}f${i}.txt`, `${i} `.repeat(i)));
    expect(await writeOutputFiles(out, files, { folder: false })).toEqual(files.map((f) => join(out, f.path)));
    for (const f of files) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
  });

  it('reports a failed write', async () => {
    const out = join(dir, 'out');
    mkdirSync(join(out, 'b.txt'), { recursive: true }); // a folder where a file should go
    await expect(writeOutputFiles(out, [file('a.txt'), file('b.txt'), file('c.txt')], { folder: true })).rejects.toThrow(/EISDIR/);
  });
});
