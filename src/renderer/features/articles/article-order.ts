import type { ArticleSummary } from '../../../core/model/article';

/** How the article list is ordered. */
export type ArticleSort = 'imported' | 'title' | 'published' | 'outlet' | 'annotations' | 'changed';

export const SORT_NAMES: Record<ArticleSort, string> = {
  imported: 'Date imported',
  title: 'Title',
  published: 'Date published',
  outlet: 'Outlet',
  annotations: 'Most annotations',
  changed: 'Last changed',
};

/**
 * What the list keeps besides the text filter, each optional: articles of one outlet, with one
 * tag (either case-insensitively), published within [from, to] (calendar dates, both ends
 * included; an article with no published date is left out once either end is set).
 */
export interface ArticleFilter {
  outlet?: string;
  tag?: string;
  from?: string;
  to?: string;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The articles whose title, source file, outlet, byline or tags contain every word of `query`
 * (case- and accent-insensitive) and that pass `filter`, in `sort` order. The host already sends
 * them in import order, so that order is the input's; the others break ties by it, so equal rows
 * never swap. Articles without the field a sort reads (no outlet, no published date) go last.
 */
export function orderArticles(articles: readonly ArticleSummary[], sort: ArticleSort, query: string, filter: ArticleFilter = {}): ArticleSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const rank = new Map(articles.map((a, i) => [a.id, i]));
  const keep = filterTest(filter);
  const kept =
    words.length === 0 && !keep
      ? [...articles]
      : articles.filter((a) => {
          if (keep && !keep(a)) return false;
          if (words.length === 0) return true;
          const hay = fold(`${a.title}\n${a.source}\n${a.outlet ?? ''}\n${a.byline ?? ''}\n${(a.tags ?? []).join('\n')}`);
          return words.every((w) => hay.includes(w));
        });
  if (sort === 'imported') return kept;
  const byRank = (a: ArticleSummary, b: ArticleSummary) => rank.get(a.id)! - rank.get(b.id)!;
  switch (sort) {
    case 'title':
      return kept.sort((a, b) => collator.compare(a.title, b.title) || byRank(a, b));
    case 'outlet':
      return kept.sort((a, b) => missingLast(a.outlet, b.outlet) ?? (collator.compare(a.outlet!, b.outlet!) || byRank(a, b)));
    // Newest first: the question is "what came in / what did I touch lately".
    case 'published':
      return kept.sort(
        (a, b) =>
          missingLast(a.published, b.published) ??
          (cmp(b.published!.slice(0, 10), a.published!.slice(0, 10)) || cmp(b.published!, a.published!) || byRank(a, b)),
      );
    case 'changed':
      return kept.sort((a, b) => cmp(b.changedAt ?? b.importedAt, a.changedAt ?? a.importedAt) || byRank(a, b));
    case 'annotations':
      return kept.sort((a, b) => b.annotationCount - a.annotationCount || byRank(a, b));
  }
}

/** The outlets and tags the articles have, each once (first spelling met), sorted: the filter menus. */
export function filterChoices(articles: readonly ArticleSummary[]): { outlets: string[]; tags: string[] } {
  const outlets = new Map<string, string>();
  const tags = new Map<string, string>();
  for (const a of articles) {
    if (a.outlet && !outlets.has(a.outlet.toLowerCase())) outlets.set(a.outlet.toLowerCase(), a.outlet);
    for (const t of a.tags ?? []) if (!tags.has(t.toLowerCase())) tags.set(t.toLowerCase(), t);
  }
  const sorted = (m: Map<string, string>) => [...m.values()].sort(collator.compare);
  return { outlets: sorted(outlets), tags: sorted(tags) };
}

/** True when the filter keeps anything out. */
export function filterActive(filter: ArticleFilter): boolean {
  return Boolean(filter.outlet || filter.tag || filter.from || filter.to);
}

function filterTest(filter: ArticleFilter): ((a: ArticleSummary) => boolean) | null {
  if (!filterActive(filter)) return null;
  const outlet = filter.outlet?.toLowerCase();
  const tag = filter.tag?.toLowerCase();
  // A day compares by its first ten characters: "2025-03-14T23:30+02:00" is published on the 14th, as the page said.
  const from = filter.from?.slice(0, 10);
  const to = filter.to?.slice(0, 10);
  return (a) => {
    if (outlet && a.outlet?.toLowerCase() !== outlet) return false;
    if (tag && !(a.tags ?? []).some((t) => t.toLowerCase() === tag)) return false;
    if (from || to) {
      const day = a.published?.slice(0, 10);
      if (!day || (from && day < from) || (to && day > to)) return false;
    }
    return true;
  };
}

function missingLast(a: string | undefined, b: string | undefined): number | undefined {
  if (a && b) return undefined;
  return a ? -1 : b ? 1 : 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
