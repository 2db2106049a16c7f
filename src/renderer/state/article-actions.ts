import { create } from 'zustand';
import type { TrashedArticle } from '../../core/api';
import { EMPTY_HISTORY } from '../../core/edits/history';
import { counted } from '../../core/text/plural';
import { backend } from './api';
import { useHistory, whenSaved } from './editor-history';
import { readFilePayloads } from './read-files';
import { showError, useMessages } from './messages';
import { usePanels } from './ui-panels';
import { useWorkspace } from './workspace-store';

interface TrashState {
  trash: TrashedArticle[];
  refresh(): Promise<void>;
}

/** The articles in the workspace's trash, as the page last listed them. */
export const useTrash = create<TrashState>((set) => ({
  trash: [],
  async refresh() {
    try {
      set({ trash: await backend().api.listTrash({}) });
    } catch (error) {
      showError('Could not list the trash', error);
    }
  },
}));

/** Moves articles to the trash; when the open one goes, the next one in the list opens. */
export async function deleteArticles(ids: string[]): Promise<boolean> {
  const ws = useWorkspace.getState();
  const index = ws.articles.findIndex((a) => a.id === ws.currentId);
  try {
    const { deleted } = await backend().api.deleteArticles({ ids });
    useMessages
      .getState()
      .show('info', `${counted(deleted, 'article')} moved to the trash. Restore ${deleted === 1 ? 'it' : 'them'} from Trash below the list.`);
  } catch (error) {
    showError('Nothing was deleted', error);
    return false;
  }
  await Promise.all([ws.refreshArticles(), useTrash.getState().refresh()]);
  if (ws.currentId && ids.includes(ws.currentId)) {
    const left = useWorkspace.getState().articles;
    const next = left[Math.min(Math.max(index, 0), left.length - 1)];
    if (next) {
      usePanels.setState({ drawerStaysFor: next.id });
      await useWorkspace.getState().openArticle(next.id);
    } else useWorkspace.setState({ currentId: null, doc: null });
  }
  return true;
}

export async function restoreArticles(ids: string[]): Promise<void> {
  try {
    const { restored } = await backend().api.restoreArticles({ ids });
    const [only] = restored;
    useMessages.getState().show('success', restored.length === 1 && only ? `Restored “${only.title}”.` : `Restored ${counted(restored.length, 'article')}.`);
  } catch (error) {
    showError('Nothing was restored', error);
  }
  await Promise.all([useWorkspace.getState().refreshArticles(), useTrash.getState().refresh()]);
}

export async function emptyTrash(): Promise<void> {
  try {
    await backend().api.emptyTrash({});
  } catch (error) {
    showError('The trash was not emptied', error);
  }
  await useTrash.getState().refresh();
}

/** Gives an article a new title; the list and, if it is open, the article view follow. */
export async function renameArticle(id: string, title: string): Promise<void> {
  try {
    const summary = await backend().api.renameArticle({ id, title });
    const { articles, doc } = useWorkspace.getState();
    useWorkspace.setState({
      articles: articles.map((a) => (a.id === id ? summary : a)),
      ...(doc?.article.id === id ? { doc: { ...doc, article: { ...doc.article, title: summary.title } } } : {}),
    });
  } catch (error) {
    showError('The article was not renamed', error);
  }
}

/**
 * Replaces an article's text with a corrected version read from `file`; the store re-anchors every
 * annotation. Edits made before refer to the old text, so the undo history starts afresh. Throws
 * when the backend refuses (the caller says so).
 */
export async function updateArticleText(articleId: string, file: File): Promise<void> {
  await whenSaved();
  const { api } = backend();
  const [payload] = await readFilePayloads([file]);
  const report = await api.updateArticleText({ id: articleId, file: payload! });
  if (!report.changed) {
    useMessages.getState().show('info', `${file.name} holds the text already stored; nothing was changed.`);
    return;
  }
  // The workspace info too: the rejected suggestions of this article were re-anchored with it.
  const [doc, articles, info] = await Promise.all([api.getArticle({ id: articleId }), api.listArticles({}), api.getWorkspace({})]);
  useHistory.setState({ history: EMPTY_HISTORY });
  useWorkspace.setState({ doc, articles, info });
  const review = report.counts['needs-review'] + report.counts.orphaned;
  useMessages
    .getState()
    .show(
      'success',
      `Text updated from ${file.name}: ${counted(report.annotations.length, 'annotation')} re-anchored${review ? `, ${review} to review` : ''}.`,
    );
}
