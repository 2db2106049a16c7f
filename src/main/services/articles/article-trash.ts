import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import type { TrashedArticle } from '../../../core/api/articles';
import { summaryOf } from './article-index';
import { ARTICLES_DIR, type ArticleStore } from '../article-store';
import { articleCodec } from '../store/file-formats';
import { codeOf, fsyncDir } from '../store/durable-write';

/** Deleted articles wait here, `trash/<id>.json` in the article file format, until restored or the trash is emptied. */
export const TRASH_DIR = 'trash';

/**
 * Moves articles (their annotations with them) into the trash: a rename of each file, so the
 * article is kept byte for byte. All or nothing: every id must exist and every file be readable
 * first, and if a move fails the ones already moved are put back. An article deleted again
 * (re-imported after an earlier delete) replaces its older copy in the trash.
 */
export async function trashArticles(dir: string, store: ArticleStore, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const files = await Promise.all(unique.map((id) => store.load(id)));
  // A save in flight finishes before its file moves, never under it.
  await Promise.all(files.map((f) => f.idle()));
  await ensureDir(dir);
  const moved: string[] = [];
  try {
    for (const id of unique) {
      await rename(join(dir, store.relPath(id)), join(dir, trashPath(id)));
      moved.push(id);
    }
    await Promise.all([fsyncDir(join(dir, ARTICLES_DIR)), fsyncDir(join(dir, TRASH_DIR))]);
  } catch (error) {
    await putBack(dir, store, moved, 'trash');
    throw moveError('Nothing was deleted', error);
  }
  for (const id of unique) store.detach(id);
}

/** Moves articles back from the trash; refused as a whole when one is missing or is in the workspace again. */
export async function restoreArticles(dir: string, store: ArticleStore, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const inTrash = new Set((await listTrash(dir)).map((t) => t.id));
  for (const id of unique) {
    if (!inTrash.has(id)) throw new ApiError('not-found', `The article ${id} is not in the trash. Nothing was restored.`);
    if (store.has(id)) throw new ApiError('conflict', `The article ${id} is in the workspace again (imported anew); delete that one first. Nothing was restored.`);
  }
  const moved: string[] = [];
  try {
    for (const id of unique) {
      await rename(join(dir, trashPath(id)), join(dir, store.relPath(id)));
      moved.push(id);
    }
    await Promise.all([fsyncDir(join(dir, ARTICLES_DIR)), fsyncDir(join(dir, TRASH_DIR))]);
  } catch (error) {
    await putBack(dir, store, moved, 'articles');
    throw moveError('Nothing was restored', error);
  }
  for (const id of unique) await store.attach(id);
}

/** What the trash holds, most recently deleted first. A file that cannot be read is left out (and left alone). */
export async function listTrash(dir: string): Promise<TrashedArticle[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(dir, TRASH_DIR), { withFileTypes: true });
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return [];
    throw error;
  }
  const out: TrashedArticle[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.json') || entry.name.startsWith('.')) continue;
    const path = join(dir, TRASH_DIR, entry.name);
    // A rename keeps the modification time; the change time is when it was moved here.
    const { ctimeMs } = await stat(path);
    const decoded = await readFile(path, 'utf8').then((raw) => articleCodec.decode(JSON.parse(raw) as unknown)).catch(() => null);
    if (!decoded?.ok) continue;
    out.push({ ...summaryOf(decoded.value), trashedAt: new Date(ctimeMs).toISOString() });
  }
  return out.sort((a, b) => (a.trashedAt < b.trashedAt ? 1 : a.trashedAt > b.trashedAt ? -1 : a.title.localeCompare(b.title)));
}

/** Deletes everything in the trash for good; returns how many articles that was. */
export async function emptyTrash(dir: string): Promise<number> {
  const count = (await listTrash(dir)).length;
  await rm(join(dir, TRASH_DIR), { recursive: true, force: true });
  return count;
}

function trashPath(id: string): string {
  return `${TRASH_DIR}/${id}.json`;
}

async function ensureDir(dir: string): Promise<void> {
  await mkdir(join(dir, TRASH_DIR), { recursive: true });
}

async function putBack(dir: string, store: ArticleStore, moved: string[], from: 'trash' | 'articles'): Promise<void> {
  for (const id of moved.reverse()) {
    const [a, b] = [join(dir, store.relPath(id)), join(dir, trashPath(id))];
    await rename(from === 'trash' ? b : a, from === 'trash' ? a : b).catch(() => undefined);
  }
}

function moveError(what: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('io', `${what}: a file could not be moved (${error instanceof Error ? error.message : String(error)}).`);
}
