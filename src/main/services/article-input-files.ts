import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_ARTICLE_BYTES } from '../../core/model/article';

/** An article file named on the command line (`lede import`, `lede update-article`), read whole. */
export type ArticleInput = { ok: true; file: { name: string; bytes: Uint8Array } } | { ok: false; problem: string };

/**
 * Reads an article file after checking it, so a directory or a huge file is refused without
 * loading it; the problem is said in words.
 */
export async function readArticleInput(path: string): Promise<ArticleInput> {
  const problem = await readProblem(path);
  if (problem) return { ok: false, problem };
  try {
    return { ok: true, file: { name: basename(path), bytes: new Uint8Array(await readFile(path)) } };
  } catch (error) {
    return { ok: false, problem: `cannot read it (${(error as Error).message})` };
  }
}

async function readProblem(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return 'not a file';
    if (info.size > MAX_ARTICLE_BYTES) return `the file is ${(info.size / 1048576).toFixed(1)} MB, over the 20 MB limit for an article`;
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read it (${(error as Error).message})`;
  }
}
