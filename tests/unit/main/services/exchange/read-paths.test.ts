import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../../../src/core/model/result';
import type { InputFile } from '../../../../../src/main/services/exchange/import-annotations';
import { readInputPaths } from '../../../../../src/main/services/exchange/read-paths';

/**
 * The CLI's input read several files at a time (read-paths.ts) gives what reading them one after
 * another gave: the same files in the same order with the same bytes, and the same problems
 * (too big, nested too deep, missing, a path that cannot be read), on random folder trees.
 */

const root = mkdtempSync(join(tmpdir(), 'lede-read-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** readInputPaths as it was: a stat and a read per file, one file after another. */
async function oneAfterAnother(paths: readonly string[]): Promise<{ files: InputFile[]; problems: Problem[] }> {
  const files: InputFile[] = [];
  const problems: Problem[] = [];
  const add = async (full: string, path: string) => {
    const info = await stat(full);
    if (info.size > 50 * 1024 * 1024) {
      problems.push({
        file: path,
        message: `the file is ${(info.size / 1048576).toFixed(1)} MB, over the 50 MB import limit; refused (export one file per article instead)`,
      });
      return;
    }
    files.push({ path, bytes: await readFile(full) });
  };
  const walk = async (dir: string, prefix: string, depth: number): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      const info = await stat(full);
      if (info.isDirectory()) {
        if (depth < 2) await walk(full, rel, depth + 1);
        else
          problems.push({
            file: rel,
            message: 'folders nested this deep are not read: choose a brat folder or a project folder laid out as <annotator>/<doc>.{txt,ann}',
          });
      } else if (info.isFile()) {
        if (files.length >= 10_000) throw new Error('more than 10000 files');
        await add(full, rel);
      }
    }
  };
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, '', 1);
      else await add(path, basename(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ file: path, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read it (${code ?? (error as Error).message})` });
    }
  }
  return { files, problems };
}

/** A folder: each entry a folder, a file's content, or 'big' (51 MB, sparse) or 'dangling' (a symlink to nothing). */
type Tree = { [name: string]: Tree | string };

const name = fc.constantFrom('a', 'b', 'C', '.hidden', 'doc.ann', 'doc.txt', 'z 1', 'é');
const leaf = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constant('big') },
  { weight: 1, arbitrary: fc.constant('dangling') },
);
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.dictionary(name, fc.oneof({ maxDepth: 3 }, leaf, tie('tree')), { maxKeys: 5 }),
})).tree;

let n = 0;
function make(dir: string, t: Tree): void {
  mkdirSync(dir, { recursive: true });
  for (const [k, v] of Object.entries(t)) {
    const full = join(dir, k);
    if (typeof v !== 'string') make(full, v);
    else if (v === 'big') {
      writeFileSync(full, '');
      truncateSync(full, 51 * 1024 * 1024); // sparse: over the limit, nothing written
    } else if (v === 'dangling') symlinkSync(join(dir, 'nowhere'), full);
    else writeFileSync(full, v);
  }
}

describe('readInputPaths', () => {
  it('reads random folder trees as reading one file after another did', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 3 }), fc.boolean(), async (trees, missing) => {
        const base = join(root, String(n++));
        const paths = trees.map((t, i) => {
          make(join(base, String(i)), t);
          return join(base, String(i));
        });
        // A single file named on its own, and a path that is not there.
        writeFileSync(join(base, 'single.lede.json'), '{}');
        const named = [...paths, join(base, 'single.lede.json'), ...(missing ? [join(base, 'missing')] : [])];
        const got = await readInputPaths(named);
        const expected = await oneAfterAnother(named);
        expect(got.problems).toEqual(expected.problems);
        expect(got.files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')])).toEqual(
          expected.files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')]),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('refuses big files unread, skips hidden ones, names files by their path inside the folder', async () => {
    const dir = join(root, 'plain');
    make(dir, { 'b.ann': 'T1', 'a.ann': 'T0', '.cache': 'x', ann: { 'x.ann': 'X' }, 'huge.jsonl': 'big' });
    const { files, problems } = await readInputPaths([dir]);
    expect(files.map((f) => f.path)).toEqual(['a.ann', 'ann/x.ann', 'b.ann']);
    expect(problems).toEqual([{ file: 'huge.jsonl', message: expect.stringMatching(/^the file is 51\.0 MB, over the 50 MB import limit/) }]);
  });
});
