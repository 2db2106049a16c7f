import type { UpdateArticleReport } from '../../../core/api/articles';
import { ApiError } from '../../../core/api/contract';
import { updateArticleText } from '../../../core/edits/update-text';
import { REANCHOR_STATES, type ReanchorState } from '../../../core/text/reanchor';
import { prepareArticle } from './article-import';
import type { ArticleStore } from '../article-store';

export type { UpdateArticleReport } from '../../../core/api/articles';

/**
 * Replaces a stored article's text with the text of `file` (read exactly as an import reads it:
 * .txt as is, .md as its readable text, .html through Readability) and re-anchors every
 * annotation of every layer (core/edits/update-text.ts). The article keeps its id, title, source
 * and import time; the old text goes into its history. A refused file changes nothing.
 *
 * Duplicates: a text that is already another article of the workspace is refused (two
 * articles with one text would make every import by hash ambiguous).
 */
export async function updateArticle(
  articles: ArticleStore,
  id: string,
  file: { name: string; bytes: Uint8Array },
  now: string,
  write: (set: () => Promise<void>) => Promise<void>,
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
  for (const a of update.annotations) counts[a.state]++;
  return { id, changed: true, counts, annotations: update.annotations };
}
