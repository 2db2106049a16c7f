import { join } from 'node:path';
import type { SearchResults } from '../../../core/api/articles';
import { parseQuery } from '../../../core/search/article-search';
import { appRoot } from '../paths';
import { WorkspaceExchange } from './workspace-exchange';
import { loadWorkspaceParts } from './workspace-open';

export { INDEX_DELAY_MS } from './workspace-base';

export interface OpenOptions {
  /** 'write' takes the workspace lock; 'read' never writes anything (CLI list/export while the app runs). */
  mode: 'write' | 'read';
  /** Folder of seed .txt files for a NEW workspace; default: the app's `seeds/` folder; null: start empty. */
  seedsDir?: string | null;
}

/** A search stops looking after this long, with the hits found so far (search is linear, so only a huge workspace gets here). */
export const SEARCH_DEADLINE_MS = 10_000;

export async function openWorkspace(dir: string, options: OpenOptions): Promise<Workspace> {
  let workspace: Workspace | undefined;
  const parts = await loadWorkspaceParts(dir, options.mode, () => workspace?.articleSaved());
  workspace = new Workspace(parts);
  try {
    if (parts.isNew && options.seedsDir !== null) await workspace.addSeeds(options.seedsDir ?? join(appRoot(), 'seeds'));
    else if (parts.isNew) await workspace.flush();
    else if (parts.indexStale && !parts.readOnly) await workspace.flush();
  } catch (error) {
    await workspace.close();
    throw error;
  }
  return workspace;
}

/**
 * An open workspace: the one place the app, the browser host and the CLI read and change stored
 * data. Every change is validated first and written durably; a change that cannot be written
 * leaves memory equal to what is on disk and reports an `io` error.
 *
 * Its methods live in one file per concern, each class built on the one before:
 * workspace-base.ts (open parts, lock, notices, settings, flush and close) ← workspace-actors.ts
 * (registry, matcher, mentions) ← workspace-edits.ts (applyEdit) ← workspace-articles.ts (import,
 * trash, rename, seeds) ← workspace-exchange.ts (putDocs) ← this class (search).
 */
export class Workspace extends WorkspaceExchange {
  /**
   * Search of every article's text and notes (src/core/search/article-search), in article-list
   * order: the first `limit` matches, and how many there are in all. `caller` names who asks
   * (a window): a newer search cancels the same caller's earlier one, not another window's.
   */
  async search(query: string, limit = 100, label?: string, caller = ''): Promise<SearchResults> {
    await this.parts.articles.loadAll();
    // On the search thread (search-worker/), fed the articles this workspace holds; its deadline
    // is enforced there per chunk of text, and the caller's newer search cancels this one.
    const articles = this.parts.articles.summaries().map(({ id, title }) => ({ id, title }));
    return this.searcher.search({ articles, load: (id) => this.getDoc(id) }, parseQuery(query), { label, limit, deadlineMs: SEARCH_DEADLINE_MS, caller });
  }
}
