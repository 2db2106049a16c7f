import type { ArticleDoc } from '../model/document';

/**
 * One safe file name (no extension) per article, the same in every export: its source file's name
 * without the extension when that is usable, else its id; a name another article already has
 * (compared case-insensitively, as macOS and Windows file systems do) gets the id added.
 */
export function articleFileNames(docs: readonly ArticleDoc[]): string[] {
  const taken = new Set<string>();
  return docs.map((d) => {
    const stem = d.article.source
      .split(/[\\/]/)
      .pop()!
      .replace(/\.(txt|md|markdown|ann|json|html?)$/i, '')
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 120);
    let name = stem && !/^[._]*$/.test(stem) ? stem : d.article.id;
    if (taken.has(name.toLowerCase())) name = `${name}-${d.article.id}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
