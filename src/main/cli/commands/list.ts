import type { Command } from 'commander';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';
import { formatTable } from '../table';
import { say } from '../terminal';

/** `lede list [--workspace DIR] [--json]`: the articles with id, title and annotation counts. */
export function registerList(program: Command): void {
  withWorkspaceOption(program.command('list'))
    .description('list the articles with id, title and annotation counts')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      const articles = await usingWorkspace(options.workspace, 'read', (w) => w.listArticles());
      if (options.json) {
        say(JSON.stringify(articles.map(({ id, title, source, importedAt, hash, annotationCount, authors }) => ({ id, title, source, importedAt, hash, annotationCount, authors })), null, 2));
        return;
      }
      const rows = articles.map((a) => [a.id, a.title, String(a.annotationCount), Object.entries(a.authors).map(([k, v]) => `${k}: ${v}`).join(', ')]);
      say(formatTable(['id', 'title', 'annotations', 'by author'], rows, { maxWidth: [24, 60, 11, 40] }));
      say(`${articles.length} article${articles.length === 1 ? '' : 's'}`);
    });
}
