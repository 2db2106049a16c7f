import type { SearchResults } from '../../core/api';
import { backend } from './api';

/**
 * This window's name to the search thread: the analyst's next search cancels this window's
 * earlier one, never a search another window (or browser tab) of the workspace is running.
 */
const CALLER = `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/** Searches every article's text and notes (the workspace's search thread): at most `limit` hits, only inside `label`'s annotations when one is given. */
export function searchArticles(query: string, limit: number, label?: string): Promise<SearchResults> {
  return backend().api.searchArticles({ query, limit, caller: CALLER, ...(label ? { label } : {}) });
}
