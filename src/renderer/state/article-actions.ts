import { create } from 'zustand';
import type { TrashedArticle } from '../../core/api';
import { counted } from '../../core/text/plural';
import { backend } from './api';
import { showError, useMessages } from './messages';
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
    useMessages.getState().show('info', `${counted(deleted, 'article')} moved to the trash. Restore ${deleted === 1 ? 'it' : 'them'} from Trash below the list.`);
  } catch (error) {
    showError('Nothing was deleted', error);
    return false;
  }
  await Promise.all([ws.refreshArticles(), useTrash.getState().refresh()]);
  if (ws.currentId && ids.includes(ws.currentId)) {
    const left = useWorkspace.getState().articles;
    const next = left[Math.min(Math.max(index, 0), left.length - 1)];
    if (next) await useWorkspace.getState().openArticle(next.id);
    else useWorkspace.setState({ currentId: null, doc: null });
  }
  return true;
}

export async function restoreArticles(ids: string[]): Promise<void> {
  try {
    await backend().api.restoreArticles({ ids });
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
