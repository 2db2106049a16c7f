import { writeFileSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { OutputFile } from '../../core/formats/types';
import { inPool } from './store/pool';

/**
 * Writes a command's output files: into the folder `out` when there are several (or the format
 * is a folder, like brat), else to the file `out` — or into `out` when it names an existing
 * folder. A path that would leave the folder is refused before anything is written.
 */
export async function writeOutputFiles(out: string, files: readonly OutputFile[], options: { folder: boolean }): Promise<string[]> {
  const asFolder = options.folder || files.length > 1 || (await isDirectory(out));
  const targets = files.map((f) => (asFolder ? join(out, f.path) : out));
  for (const target of targets) {
    const inside = relative(resolve(out), resolve(target));
    if (asFolder && (inside.startsWith('..') || inside === '')) throw new Error(`refusing to write ${target}: it is outside ${out}`);
  }
  for (const dir of new Set(targets.map((t) => dirname(t)))) await mkdir(dir, { recursive: true });
  // One file (a whole export, up to 100 MB) in one synchronous write: the promise API writes it
  // in 512 KiB pieces, each a round trip through the thread pool, for twice the CPU time.
  if (files.length === 1) {
    writeFileSync(targets[0]!, files[0]!.content, 'utf8');
    return targets;
  }
  // A few at a time (a split export is a thousand files); after a failure no new write starts.
  let failure: { error: unknown } | null = null;
  await inPool([...files.keys()], 8, async (i) => {
    if (failure) return;
    try {
      await writeFile(targets[i]!, files[i]!.content, 'utf8');
    } catch (error) {
      failure ??= { error };
    }
  });
  if (failure) throw (failure as { error: unknown }).error;
  return targets;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
