import type { UpdateArticleReport } from '../../../core/api/articles';
import { ApiError } from '../../../core/api/contract';
import { updateArticleText } from '../../../core/edits/update-text';
import type { Settings } from '../../../core/model/settings';
import { reanchorRejections } from '../../../core/suggest/rejections';
import { REANCHOR_STATES, type ReanchorState } from '../../../core/text/reanchor';
import { prepareArticle } from './article-import';
import type { ArticleStore } from '../article-store';
import type { StoredFile } from '../store/stored-file';

export type { UpdateArticleReport } from '../../../core/api/articles';

/**
 * Replaces a stored article's text with the text of `file` (read exactly as an import reads it:
 * .txt as is, .md as its readable text, .html through Readability) and re-anchors every
 * annotation of every layer (core/edits/update-text.ts). The article keeps its id, title, source
 * and import time; the old text goes into its history. A refused file changes nothing.
 *
 * Duplicates: a text that is already another article of the workspace is refused (two
 * articles with one text would make every import by hash ambiguous).
 *
 * Rejected suggestions (ids in the settings, per article) are re-anchored with the annotations
 * (core/suggest/rejections.ts): one whose text is still there stays rejected under its new id,
 * one whose text changed or vanished is dropped. They are saved after the article: if that save
 * fails, the update still succeeds and the worst case is that a rejected suggestion shows again
 * (the stored settings keep the old ids; StoredFile leaves memory equal to the disk).
 */
export async function updateArticle(
  articles: ArticleStore,
  id: string,
  file: { name: string; bytes: Uint8Array },
  now: string,
  write: (set: () => Promise<void>) => Promise<void>,
  settings?: StoredFile<Settings>,
): Promise<UpdateArticleReport> {
  const stored = await articles.load(id);
  const prepared = await prepareArticle(file, now);
  if (!prepared.ok) throw new ApiError('invalid-argument', `Nothing was changed: ${prepared.error}`);
  const { text, hash } = prepared.article;
  const counts = Object.fromEntries(REANCHOR_STATES.map((s) => [s, 0])) as Record<ReanchorState, number>;
  const doc = stored.value;
  if (hash === doc.article.hash) {
    counts.placed = doc.annotations.length;
    const annotations = doc.annotations.map((a) => ({ id: a.id, author: a.author, label: a.label, state: 'placed' as const, fragments: a.fragments }));
    return { id, changed: false, counts, annotations };
  }
  const other = articles.summaries().find((s) => s.hash === hash && s.id !== id);
  if (other) throw new ApiError('conflict', `Nothing was changed: ${file.name} has the same text as the article "${other.title}" (${other.id}).`);
  const update = updateArticleText(doc, { text, hash, now });
  await write(() => stored.set(update.doc));
  const rejected = settings?.value.rejectedSuggestions?.[id];
  if (settings && rejected && rejected.length > 0) {
    const { ids } = reanchorRejections(doc.article.text, text, rejected);
    const { [id]: _old, ...others } = settings.value.rejectedSuggestions!;
    // The article is updated already; a failed save here must not report the update as failed.
    await write(() => settings.set({ ...settings.value, rejectedSuggestions: ids.length > 0 ? { ...others, [id]: ids } : others })).catch(() => undefined);
  }
  for (const a of update.annotations) counts[a.state]++;
  return { id, changed: true, counts, annotations: update.annotations };
}
