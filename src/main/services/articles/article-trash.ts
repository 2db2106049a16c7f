import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import type { TrashedArticle } from '../../../core/api/articles';
import { summaryOf } from './article-index';
import { ARTICLES_DIR, type ArticleStore } from '../article-store';
import { articleCodec } from '../store/file-formats';
import { codeOf, fsyncDir } from '../store/durable-write';

/**
 * Deleted articles wait here in the article file format, until restored or the trash is emptied:
 * `trash/<id>@<when>.json`, `<when>` the time of the delete (2026-12-03T07-42-00-123Z), so the
 * same article deleted twice (deleted, re-imported, changed, deleted again) keeps both copies.
 * The file's name without `.json` is the trash entry. Files named `<id>.json` (trashed before
 * entries had times) are still listed and restored.
 */
export const TRASH_DIR = 'trash';

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

/**
 * Moves articles (their annotations with them) into the trash: a rename of each file, so the
 * article is kept byte for byte. All or nothing: every id must exist and every file be readable
 * first, and if a move fails the ones already moved are put back. An article deleted again
 * (re-imported after an earlier delete) is a second entry beside the first; neither replaces the other.
 */
export async function trashArticles(dir: string, store: ArticleStore, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const files = await Promise.all(unique.map((id) => store.load(id)));
  // A save in flight finishes before its file moves, never under it.
  await Promise.all(files.map((f) => f.idle()));
  // The trash holds whole article files: each journal is folded into its file first.
  await Promise.all(files.map((f) => f.compact()));
  await ensureDir(dir);
  const moved: Move[] = [];
  const taken = new Set(await trashFileNames(dir));
  let when = Date.now();
  try {
    for (const id of unique) {
      // One time per request, a millisecond later if that name is taken (two deletes in one millisecond).
      while (taken.has(`${entryName(id, when)}.json`)) when++;
      const entry = entryName(id, when);
      taken.add(`${entry}.json`);
      await rename(join(dir, store.relPath(id)), join(dir, trashPath(entry)));
      moved.push({ id, entry });
    }
    await Promise.all([fsyncDir(join(dir, ARTICLES_DIR)), fsyncDir(join(dir, TRASH_DIR))]);
  } catch (error) {
    await putBack(dir, store, moved, 'trash');
    throw moveError('Nothing was deleted', error);
  }
  for (const id of unique) store.detach(id);
}

interface Move {
  id: string;
  entry: string;
}

/**
 * Moves articles back from the trash; returns their article ids. Each of `names` is a trash entry
 * (`<id>@<when>`, as listTrash gives it: exactly that copy) or an article id (its most recently
 * deleted copy). Refused as a whole when one is not in the trash, is in the workspace again, or
 * is named twice (two copies of one article cannot both be restored).
 */
export async function restoreArticles(dir: string, store: ArticleStore, names: readonly string[]): Promise<string[]> {
  const trash = await listTrash(dir);
  const moves: Move[] = [];
  for (const name of new Set(names)) {
    // Most recently deleted first: an article id picks its latest copy.
    const found = trash.find((t) => t.entry === name) ?? trash.find((t) => t.id === name);
    if (!found) throw new ApiError('not-found', `The article ${name} is not in the trash. Nothing was restored.`);
    if (store.has(found.id))
      throw new ApiError('conflict', `The article ${found.id} is in the workspace again (imported anew); delete that one first. Nothing was restored.`);
    if (moves.some((m) => m.id === found.id))
      throw new ApiError('conflict', `Two copies of the article ${found.id} were chosen; restore one of them. Nothing was restored.`);
    moves.push({ id: found.id, entry: found.entry });
  }
  const moved: Move[] = [];
  try {
    for (const m of moves) {
      await rename(join(dir, trashPath(m.entry)), join(dir, store.relPath(m.id)));
      moved.push(m);
    }
    await Promise.all([fsyncDir(join(dir, ARTICLES_DIR)), fsyncDir(join(dir, TRASH_DIR))]);
  } catch (error) {
    await putBack(dir, store, moved, 'articles');
    throw moveError('Nothing was restored', error);
  }
  for (const m of moves) await store.attach(m.id);
  return moves.map((m) => m.id);
}

/** What the trash holds, most recently deleted first. A file that cannot be read is left out (and left alone). */
export async function listTrash(dir: string): Promise<TrashedArticle[]> {
  const out: TrashedArticle[] = [];
  for (const name of await trashFileNames(dir)) {
    const path = join(dir, TRASH_DIR, name);
    const entry = name.slice(0, -'.json'.length);
    const stamp = STAMP.exec(entry.slice(entry.lastIndexOf('@') + 1));
    // The time in the name; for an older entry, the change time (a rename keeps the modification time).
    const trashedAt =
      entry.includes('@') && stamp ? `${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z` : new Date((await stat(path)).ctimeMs).toISOString();
    const decoded = await readFile(path, 'utf8')
      .then((raw) => articleCodec.decode(JSON.parse(raw) as unknown))
      .catch(() => null);
    if (!decoded?.ok) continue;
    out.push({ ...summaryOf(decoded.value), trashedAt, entry });
  }
  return out.sort((a, b) => (a.trashedAt < b.trashedAt ? 1 : a.trashedAt > b.trashedAt ? -1 : a.title.localeCompare(b.title) || (a.entry < b.entry ? 1 : -1)));
}

/** The article files in the trash folder (none when there is no folder). */
async function trashFileNames(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(dir, TRASH_DIR), { withFileTypes: true });
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return [];
    throw error;
  }
  return entries.filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.')).map((e) => e.name);
}

/** `<id>@2026-12-03T07-42-00-123Z`: the time with characters every file system allows. */
function entryName(id: string, when: number): string {
  return `${id}@${new Date(when).toISOString().replace(/[:.]/g, '-')}`;
}

/** Deletes everything in the trash for good; returns how many articles that was. */
export async function emptyTrash(dir: string): Promise<number> {
  const count = (await listTrash(dir)).length;
  await rm(join(dir, TRASH_DIR), { recursive: true, force: true });
  return count;
}

function trashPath(entry: string): string {
  return `${TRASH_DIR}/${entry}.json`;
}

async function ensureDir(dir: string): Promise<void> {
  await mkdir(join(dir, TRASH_DIR), { recursive: true });
}

async function putBack(dir: string, store: ArticleStore, moved: Move[], from: 'trash' | 'articles'): Promise<void> {
  for (const { id, entry } of moved.reverse()) {
    const [a, b] = [join(dir, store.relPath(id)), join(dir, trashPath(entry))];
    await rename(from === 'trash' ? b : a, from === 'trash' ? a : b).catch(() => undefined);
  }
}

function moveError(what: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('io', `${what}: a file could not be moved (${error instanceof Error ? error.message : String(error)}).`);
}
