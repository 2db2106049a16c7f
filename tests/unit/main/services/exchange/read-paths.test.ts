import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../../../src/core/model/result';
import { readInputPaths } from '../../../../../src/main/services/exchange/read-paths';

/**
 * The CLI's input, read several files at a time (read-paths.ts), on random folder trees: the files
 * in name order with their bytes, and the problems (too big, nested too deep, missing, a path
 * that cannot be read) in the order a reader going file by file meets them.
 */

const root = mkdtempSync(join(tmpdir(), 'lede-read-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

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

const NESTED = 'folders nested this deep are not read: choose a brat folder or a project folder laid out as <annotator>/<doc>.{txt,ann}';
const TOO_BIG = 'the file is 51.0 MB, over the 50 MB import limit; refused (export one file per article instead)';

/** What reading a folder made from `t` must give, by the rules themselves rather than by old code. */
function expectedOf(path: string, t: Tree, files: [string, string][], problems: Problem[]): void {
  const walk = (t: Tree, prefix: string, depth: number): boolean => {
    // In name order, hidden entries left out; a dangling link cannot be read: the rest of this path is not either.
    for (const key of Object.keys(t).sort()) {
      if (key.startsWith('.')) continue;
      const rel = prefix ? `${prefix}/${key}` : key;
      const v = t[key]!;
      if (typeof v !== 'string') {
        if (depth < 2) {
          if (!walk(v, rel, depth + 1)) return false;
        } else problems.push({ file: rel, message: NESTED });
      } else if (v === 'dangling') {
        problems.push({ file: path, message: 'no such file or folder' });
        return false;
      } else if (v === 'big') problems.push({ file: rel, message: TOO_BIG });
      else files.push([rel, v]);
    }
    return true;
  };
  walk(t, '', 1);
}

describe('readInputPaths', () => {
  it('reads random folder trees as the rules say: name order, hidden left out, too big or too deep refused, a path that cannot be read named', async () => {
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
        const files: [string, string][] = [];
        const problems: Problem[] = [];
        trees.forEach((t, i) => expectedOf(paths[i]!, t, files, problems));
        files.push(['single.lede.json', '{}']);
        if (missing) problems.push({ file: join(base, 'missing'), message: 'no such file or folder' });
        expect(got.problems).toEqual(problems);
        expect(got.files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')])).toEqual(files);
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
