import type { Command } from 'commander';
import { ARTICLE_META_KEYS } from '../../../core/model/article-meta';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';
import { formatTable } from '../table';
import { say } from '../terminal';

/**
 * `lede list [--workspace DIR] [--json]`: the articles with id, title, outlet, published date,
 * tags and annotation counts; `--json` gives every field of each summary (metadata included,
 * absent fields left out) and when it last changed.
 */
export function registerList(program: Command): void {
  withWorkspaceOption(program.command('list'))
    .description('list the articles with id, title, outlet, date, tags and annotation counts')
    .option('--json', 'print JSON instead of a table (with url, byline, language and last change too)')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      const articles = await usingWorkspace(options.workspace, 'read', (w) => w.listArticles());
      if (options.json) {
        say(
          JSON.stringify(
            articles.map((a) => {
              const meta = Object.fromEntries(ARTICLE_META_KEYS.flatMap((k) => (a[k] === undefined ? [] : [[k, a[k]]])));
              const { id, title, source, importedAt, hash, annotationCount, authors, changedAt } = a;
              return { id, title, source, importedAt, hash, ...meta, changedAt, annotationCount, authors };
            }),
            null,
            2,
          ),
        );
        return;
      }
      const rows = articles.map((a) => [
        a.id,
        a.title,
        a.outlet ?? '',
        a.published?.slice(0, 10) ?? '',
        (a.tags ?? []).join(', '),
        String(a.annotationCount),
        Object.entries(a.authors)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', '),
      ]);
      say(formatTable(['id', 'title', 'outlet', 'published', 'tags', 'annotations', 'by author'], rows, { maxWidth: [24, 50, 24, 10, 30, 11, 40] }));
      say(`${articles.length} article${articles.length === 1 ? '' : 's'}`);
    });
}
