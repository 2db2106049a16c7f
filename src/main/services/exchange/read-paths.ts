import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MAX_INPUT_BYTES } from '../../../core/formats/limits';
import type { Problem } from '../../../core/model/result';
import type { InputFile } from './import-annotations';

/** Far more than any brat project; keeps a mistaken path (a home folder) from being read whole. */
const MAX_FILES = 10_000;
const MAX_DEPTH = 2;

/**
 * Reads the paths an analyst named (CLI) into input files. A file is named by its base name; a
 * folder's files by their path inside it, so `<project>/<annotator>/<doc>.ann` arrives as
 * `<annotator>/<doc>.ann` and the annotator folders name the layers. Hidden entries are skipped;
 * files over 50 MB are refused without being read.
 */
export async function readInputPaths(paths: readonly string[]): Promise<{ files: InputFile[]; problems: Problem[] }> {
  const files: InputFile[] = [];
  const problems: Problem[] = [];
  const add = async (full: string, path: string) => {
    const info = await stat(full);
    if (info.size > MAX_INPUT_BYTES) {
      problems.push({
        file: path,
        message: `the file is ${(info.size / 1048576).toFixed(1)} MB, over the 50 MB import limit; refused (export one file per article instead)`,
      });
      return;
    }
    // A Buffer is a Uint8Array: no second copy of the input.
    files.push({ path, bytes: await readFile(full) });
  };
  const walk = async (dir: string, prefix: string, depth: number): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      const info = await stat(full);
      if (info.isDirectory()) {
        if (depth < MAX_DEPTH) await walk(full, rel, depth + 1);
        else
          problems.push({
            file: rel,
            message: 'folders nested this deep are not read: choose a brat folder or a project folder laid out as <annotator>/<doc>.{txt,ann}',
          });
      } else if (info.isFile()) {
        if (files.length >= MAX_FILES) throw new Error(`more than ${MAX_FILES} files`);
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
