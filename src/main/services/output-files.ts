import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { OutputFile } from '../../core/formats/types';

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
  for (const [i, f] of files.entries()) {
    await mkdir(dirname(targets[i]!), { recursive: true });
    await writeFile(targets[i]!, f.content, 'utf8');
  }
  return targets;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
