import type { ArticleSummary } from '../../../core/model/article';

/** How the article list is ordered. */
export type ArticleSort = 'imported' | 'title' | 'annotations';

export const SORT_NAMES: Record<ArticleSort, string> = {
  imported: 'Date imported',
  title: 'Title',
  annotations: 'Most annotations',
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The articles whose title or source file contains every word of `query` (case- and
 * accent-insensitive), in `sort` order. The host already sends them in import order, so that
 * order is the input's; the others break ties by it, so equal rows never swap.
 */
export function orderArticles(articles: readonly ArticleSummary[], sort: ArticleSort, query: string): ArticleSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const rank = new Map(articles.map((a, i) => [a.id, i]));
  const kept = words.length === 0 ? [...articles] : articles.filter((a) => {
    const hay = fold(`${a.title}\n${a.source}`);
    return words.every((w) => hay.includes(w));
  });
  if (sort === 'imported') return kept;
  const byRank = (a: ArticleSummary, b: ArticleSummary) => rank.get(a.id)! - rank.get(b.id)!;
  if (sort === 'title') return kept.sort((a, b) => collator.compare(a.title, b.title) || byRank(a, b));
  return kept.sort((a, b) => b.annotationCount - a.annotationCount || byRank(a, b));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
