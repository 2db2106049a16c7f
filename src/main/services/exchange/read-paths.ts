import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MAX_INPUT_BYTES } from '../../../core/formats/limits';
import type { Problem } from '../../../core/model/result';
import { inPool } from '../store/pool';
import type { InputFile } from './import-annotations';

/** Far more than any brat project; keeps a mistaken path (a home folder) from being read whole. */
const MAX_FILES = 10_000;
const MAX_DEPTH = 2;
/** Files read at once: a brat project's 2,000 small files one after another left the disk (and the CPU) waiting. */
const READS_AT_ONCE = 16;

/** A file found under one of the paths named: where it is, its name in the import, and its size when found. */
interface Found {
  full: string;
  path: string;
  /** How many problems there were when it was found: those after it are not reported if it cannot be read. */
  problemsBefore: number;
}

/**
 * Reads the paths an analyst named (CLI) into input files. A file is named by its base name; a
 * folder's files by their path inside it, so `<project>/<annotator>/<doc>.ann` arrives as
 * `<annotator>/<doc>.ann` and the annotator folders name the layers. Hidden entries are skipped;
 * files over 50 MB are refused without being read. Each named path's files are found first (in
 * name order), then read several at a time; they come back in the order found. A path that cannot
 * be read is a problem, and its files found after the one that failed are not read.
 */
export async function readInputPaths(paths: readonly string[]): Promise<{ files: InputFile[]; problems: Problem[] }> {
  const files: InputFile[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const found: Found[] = [];
    let failure: unknown = null;
    try {
      await find(path, found, problems, files.length);
    } catch (error) {
      failure = error;
    }
    const read = await readAll(found);
    files.push(...read.files);
    // A file that cannot be read ends this path where it was found, as if it was read in turn.
    if (read.failed !== null) {
      problems.length = found[read.failed]!.problemsBefore;
      failure = read.failure;
    }
    if (failure !== null) {
      const code = (failure as NodeJS.ErrnoException).code;
      problems.push({ file: path, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read it (${code ?? (failure as Error).message})` });
    }
  }
  return { files, problems };
}

/** The files under `path` to read, in name order; those over the limit, and folders nested too deep, are problems. */
async function find(path: string, found: Found[], problems: Problem[], before: number): Promise<void> {
  const add = (full: string, name: string, size: number) => {
    if (size > MAX_INPUT_BYTES) {
      problems.push({
        file: name,
        message: `the file is ${(size / 1048576).toFixed(1)} MB, over the 50 MB import limit; refused (export one file per article instead)`,
      });
    } else found.push({ full, path: name, problemsBefore: problems.length });
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
        if (before + found.length >= MAX_FILES) throw new Error(`more than ${MAX_FILES} files`);
        add(full, rel, info.size);
      }
    }
  };
  const info = await stat(path);
  if (info.isDirectory()) await walk(path, '', 1);
  else add(path, basename(path), info.size);
}

/** The files' bytes, in order, up to the first that cannot be read (and why). A Buffer is a Uint8Array: no second copy. */
async function readAll(found: readonly Found[]): Promise<{ files: InputFile[]; failed: number | null; failure: unknown }> {
  const bytes: (Buffer | undefined)[] = new Array<Buffer | undefined>(found.length);
  const failures = new Map<number, unknown>();
  await inPool(
    found.map((f, i) => ({ f, i })),
    READS_AT_ONCE,
    async ({ f, i }) => {
      // After a failure, nothing further on is needed.
      if ([...failures.keys()].some((k) => k < i)) return;
      try {
        bytes[i] = await readFile(f.full);
      } catch (error) {
        failures.set(i, error);
      }
    },
  );
  const first = failures.size ? Math.min(...failures.keys()) : found.length;
  return {
    files: found.slice(0, first).map((f, i) => ({ path: f.path, bytes: bytes[i]! })),
    failed: failures.size ? first : null,
    failure: failures.size ? failures.get(first) : null,
  };
}
