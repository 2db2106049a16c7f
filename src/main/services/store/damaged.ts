import { existsSync } from 'node:fs';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import { codeOf, fsyncDir } from './durable-write';

/** `damaged/`: files Lede found damaged, kept (never overwritten, never deleted) for the analyst. */
export const DAMAGED_DIR = 'damaged';

/**
 * Moves a damaged file to `damaged/<path with / as __>.<timestamp>`. A hard link to a free name
 * then an unlink, so an earlier damaged copy is never overwritten (rename would replace it).
 */
export async function moveAside(workspaceDir: string, relPath: string): Promise<string> {
  const source = join(workspaceDir, relPath);
  const folder = join(workspaceDir, DAMAGED_DIR);
  await mkdir(folder, { recursive: true });
  for (const target of freeNames(folder, relPath)) {
    try {
      await link(source, target);
      await unlink(source);
      return target;
    } catch (error) {
      if (codeOf(error) === 'EEXIST') continue;
      if (codeOf(error) === 'EPERM' || codeOf(error) === 'ENOTSUP' || codeOf(error) === 'EISDIR') {
        // File systems without hard links: rename to a free name instead.
        if (existsSync(target)) continue;
        await rename(source, target);
        return target;
      }
      throw new ApiError('io', `Could not move the damaged file ${source} aside: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new ApiError('io', `Could not find a free name in ${folder} for the damaged file ${source}.`);
}

/**
 * Keeps a durable COPY of `bytes` (a file about to be cut short, such as a journal with a damaged
 * record) in `damaged/` under a free name; a copy, not a link, because the original is then
 * changed in place.
 */
export async function copyAside(workspaceDir: string, relPath: string, bytes: Uint8Array): Promise<string> {
  const folder = join(workspaceDir, DAMAGED_DIR);
  await mkdir(folder, { recursive: true });
  for (const target of freeNames(folder, relPath)) {
    let handle;
    try {
      handle = await open(target, 'wx');
    } catch (error) {
      if (codeOf(error) === 'EEXIST') continue;
      throw new ApiError('io', `Could not keep a copy of ${relPath} in ${folder}: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsyncDir(folder);
    return target;
  }
  throw new ApiError('io', `Could not find a free name in ${folder} for a copy of ${relPath}.`);
}

function* freeNames(folder: string, relPath: string): Generator<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = `${relPath.replace(/[\\/]/g, '__')}.${stamp}`;
  for (let n = 1; n < 1000; n++) yield join(folder, n === 1 ? base : `${base}-${n}`);
}
