import { ApiCallError } from '../../../../src/renderer/bridge/api-client';
import type { Connection } from '../../../../src/renderer/bridge/connect';
import type { LedeApi, WorkspaceInfo } from '../../../../src/core/api';
import { applyCommand } from '../../../../src/core/edits/apply';
import { applyEditToState } from '../../../../src/core/edits/apply-edit';
import { createAnnotation } from '../../../../src/core/edits/builders';
import type { Edit } from '../../../../src/core/edits/commands';
import { EMPTY_HISTORY } from '../../../../src/core/edits/history';
import { lastChangeOf } from '../../../../src/core/model/article';
import { ARTICLE_META_KEYS } from '../../../../src/core/model/article-meta';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { defaultLabelSchema } from '../../../../src/core/model/label-schema';
import { DEFAULT_SETTINGS } from '../../../../src/core/model/settings';
import { setBackend } from '../../../../src/renderer/state/api';
import { useActors } from '../../../../src/renderer/state/actors-store';
import { useHistory } from '../../../../src/renderer/state/editor-history';
import { useMessages } from '../../../../src/renderer/state/messages';
import { useWorkspace } from '../../../../src/renderer/state/workspace-store';

export const NOW = '2026-01-01T00:00:00.000Z';

export function article(id: string, text: string): ArticleDoc {
  return { article: { id, title: id, source: 's', importedAt: NOW, hash: '0'.repeat(64), text }, annotations: [], relations: [] };
}

/** `doc` with one more span, `label` over [start, end), tagged by `author` (through core's own edit). */
export function tagged(doc: ArticleDoc, author: string, label: string, start: number, end: number): ArticleDoc {
  const made = createAnnotation(doc, { label, fragments: [{ start, end }] }, { author, now: NOW });
  if (!made.ok) throw new Error(made.errors[0]!.message);
  const next = applyCommand(doc, made.value.command);
  if (!next.ok) throw new Error(next.errors[0]!.message);
  return next.value;
}

/** Alice and Bob agree on "The minister"; only Alice tagged the claim, only Bob "Unions" (the review tests' article). */
export function twoLayers(): ArticleDoc {
  let doc = article('a', 'The minister said the deal was fair. Unions disagreed.');
  doc = tagged(doc, 'alice', 'actor', 0, 12);
  doc = tagged(doc, 'bob', 'actor', 0, 12);
  doc = tagged(doc, 'alice', 'claim', 18, 36);
  doc = tagged(doc, 'bob', 'actor', 37, 43);
  return doc;
}

/**
 * A backend for the renderer's state: a plain object implementing the api methods the state calls,
 * over an in-memory store that applies edits with core's applyEditToState, as Workspace.applyEdit
 * does. `hold()` keeps the next saves waiting until released, so a test sees the queue; `refuse`
 * makes the backend answer an edit with a conflict, as a store that no longer holds what the edit
 * was made on. Any method the fake does not implement throws, naming it.
 */
export class FakeBackend {
  labelSchema = defaultLabelSchema();
  docs = new Map<string, ArticleDoc>();
  /** Every call, in the order it arrived: `applyEdit`, `getWorkspace`, … */
  calls: string[] = [];
  /** Edits stored, in the order they were applied. */
  saved: Edit[] = [];
  /** Saves running at once (the queue must keep this at one). */
  inFlight = 0;
  maxInFlight = 0;
  refuse: (edit: Edit) => boolean = () => false;
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;

  constructor(docs: ArticleDoc[]) {
    for (const d of docs) this.docs.set(d.article.id, d);
  }

  info(): WorkspaceInfo {
    return { path: '/fake', articleCount: this.docs.size, settings: DEFAULT_SETTINGS, labelSchema: this.labelSchema, notices: [] };
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = null;
  }

  readonly api: Partial<LedeApi> = {
    applyEdit: async (args) => {
      // The api's argument type is the schema's input form; the page sends an Edit.
      const edit = args.edit as Edit;
      this.calls.push('applyEdit');
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      try {
        if (this.gate) await this.gate;
        if (this.refuse(edit)) throw new ApiCallError('applyEdit', { code: 'conflict', message: 'This edit no longer applies; nothing was changed.' });
        const outcome = applyEditToState(edit, { labelSchema: this.labelSchema, docs: this.docs });
        if (!outcome.ok) throw new ApiCallError('applyEdit', { code: 'conflict', message: outcome.errors[0]!.message });
        this.labelSchema = outcome.value.labelSchema;
        for (const [id, doc] of outcome.value.docs) this.docs.set(id, doc);
        this.saved.push(edit);
        return { savedAt: NOW, labelSchema: this.labelSchema };
      } finally {
        this.inFlight--;
      }
    },
    getWorkspace: async () => (this.calls.push('getWorkspace'), this.info()),
    getArticle: async ({ id }) => {
      this.calls.push('getArticle');
      const doc = this.docs.get(id);
      if (!doc) throw new ApiCallError('getArticle', { code: 'not-found', message: `no article ${id}` });
      return doc;
    },
    listArticles: async () => (
      this.calls.push('listArticles'),
      [...this.docs.values()].map((doc) => {
        const { article: a, annotations } = doc;
        const meta = Object.fromEntries(ARTICLE_META_KEYS.flatMap((k) => (a[k] === undefined ? [] : [[k, a[k]]])));
        return {
          id: a.id,
          title: a.title,
          source: a.source,
          importedAt: a.importedAt,
          hash: a.hash,
          length: a.text.length,
          annotationCount: annotations.length,
          authors: {},
          ...meta,
          changedAt: lastChangeOf(doc),
          ...(a.infoChangedAt ? { infoChangedAt: a.infoChangedAt } : {}),
        };
      })
    ),
    listActors: async () => (this.calls.push('listActors'), { entities: [] }),
    saveSettings: async ({ settings }) => (this.calls.push('saveSettings'), settings),
  };

  connection(): Connection {
    const api = new Proxy(this.api, {
      get: (target, method: string) => {
        const fn = target[method as keyof LedeApi];
        if (fn) return fn;
        return () => Promise.reject(new Error(`the fake backend has no ${method}`));
      },
    }) as LedeApi;
    return { api, shell: 'web', onMenuCommand: () => () => {} };
  }
}

/** Connects the state to `backend` with `open` as the open article, and clears what an earlier test left. */
export function connectTo(backend: FakeBackend, open: string): void {
  setBackend(backend.connection());
  useMessages.getState().dismissAll();
  useHistory.setState({ history: EMPTY_HISTORY, save: 'saved', savedAt: null, error: null });
  useActors.setState({ registry: { entities: [] }, loaded: true, proposal: null });
  useWorkspace.setState({ info: backend.info(), articles: [], currentId: open, doc: backend.docs.get(open) ?? null, loading: false });
}

export const messageTexts = () => useMessages.getState().messages.map((m) => m.text);
