import { create } from 'zustand';
import type { WorkspaceInfo } from '../../core/api';
import type { ArticleSummary } from '../../core/model/article';
import type { ArticleDoc } from '../../core/model/document';
import { annotationsById } from '../../core/edits/annotation-ids';
import { backend } from './api';
import { startPrefetch, takePrefetched } from './article-prefetch';
import { showError, useMessages } from './messages';

interface WorkspaceState {
  info: WorkspaceInfo | null;
  articles: ArticleSummary[];
  currentId: string | null;
  doc: ArticleDoc | null;
  loading: boolean;
  load(): Promise<void>;
  refreshArticles(): Promise<void>;
  openArticle(id: string): Promise<void>;
  setInfo(info: WorkspaceInfo): void;
  /** Replaces the open document (after an edit was applied locally). */
  setDoc(doc: ArticleDoc): void;
}

/** What the workspace holds, as far as the page has loaded it. */
export const useWorkspace = create<WorkspaceState>((set, get) => ({
  info: null,
  articles: [],
  currentId: null,
  doc: null,
  loading: true,

  async load() {
    try {
      const { api } = backend();
      const [info, articles] = await Promise.all([api.getWorkspace({}), api.listArticles({})]);
      set({ info, articles, loading: false });
      for (const notice of info.notices) useMessages.getState().show('warning', notice);
      const wanted = articleFromHash() ?? articles[0]?.id;
      if (wanted && articles.some((a) => a.id === wanted)) await get().openArticle(wanted);
    } catch (error) {
      set({ loading: false });
      showError('Could not open the workspace', error);
    }
  },

  async refreshArticles() {
    try {
      set({ articles: await backend().api.listArticles({}) });
    } catch (error) {
      showError('Could not list the articles', error);
    }
  },

  async openArticle(id) {
    try {
      const doc = await (takePrefetched(id) ?? backend().api.getArticle({ id }));
      set({ currentId: id, doc });
      rememberInAddress(id);
      indexWhenIdle(doc);
    } catch (error) {
      showError('Could not open the article', error);
    }
  },

  setInfo: (info) => set({ info }),
  setDoc: (doc) => set({ doc }),
}));

/** Starts fetching an article the analyst is about to open (the press of its row: article-prefetch.ts). */
export function prefetchArticle(id: string): void {
  if (useWorkspace.getState().currentId !== id) startPrefetch(backend().api, id);
}

/**
 * Names the open article in the URL fragment (read back on reload) once the browser is idle, after
 * the open is painted: Chromium's replaceState (and the favicon it rebuilds) takes 4-11 ms. Queued
 * from the next frame, it ran before the task that reports the paint, inside every open.
 */
function rememberInAddress(id: string): void {
  requestIdleCallback(
    () => {
      if (useWorkspace.getState().currentId !== id || window.location.hash === `#${id}`) return;
      history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${id}`);
    },
    { timeout: 1000 },
  );
}

/**
 * Builds the open document's annotations-by-id map (core/edits/annotation-ids.ts) once the
 * browser is idle, so the first tag does not pay for it (2–4 ms at 20,000 spans): every later
 * edit carries it along.
 */
function indexWhenIdle(doc: ArticleDoc): void {
  const build = () => {
    const now = useWorkspace.getState().doc;
    if (now?.article.id === doc.article.id) annotationsById(now.annotations);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(build, { timeout: 2000 });
  else setTimeout(build, 0);
}

/** The article named in the URL fragment, so a reload reopens the same article. */
function articleFromHash(): string | null {
  const id = decodeURIComponent(window.location.hash.slice(1));
  return id || null;
}
