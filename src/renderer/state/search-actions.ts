import type { SearchResults } from '../../core/api';
import { backend } from './api';

/** Searches every article's text and notes (the workspace's search thread): at most `limit` hits, only inside `label`'s annotations when one is given. */
export function searchArticles(query: string, limit: number, label?: string): Promise<SearchResults> {
  return backend().api.searchArticles({ query, limit, ...(label ? { label } : {}) });
}
