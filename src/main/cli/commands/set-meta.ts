import type { Command } from 'commander';
import type { ArticleInfoChanges } from '../../../core/edits/article-info';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';

/**
 * `lede set-meta ID [--title T] [--outlet O] [--url U] [--byline B] [--date D] [--lang L]
 * [--tag X]... [--no-tags] [--json]`: sets an article's title and metadata. An empty value clears
 * a field; --tag replaces the tags with the ones given, --no-tags clears them. All values are
 * checked first: one bad value changes nothing. Exit code 1 on a bad value or unknown article.
 */
export function registerSetMeta(program: Command): void {
  withWorkspaceOption(program.command('set-meta'))
    .description('set an article\'s title, outlet, URL, byline, published date, language or tags ("" clears a field)')
    .argument('<id>', 'article id (see lede list)')
    .option('--title <title>', 'the title')
    .option('--outlet <name>', 'the outlet or source name')
    .option('--url <url>', "the article's web address (http:// or https://)")
    .option('--byline <names>', 'who wrote it')
    .option('--date <date>', 'published date, such as 2026-12-02 or 2026-12-02T09:30Z')
    .option('--lang <code>', 'language code, such as en, de or pt-BR')
    .option('--tag <tag>', 'a tag (repeat for several; replaces the tags)', (tag: string, tags: string[] = []) => [...tags, tag])
    .option('--no-tags', 'remove every tag')
    .option('--json', "print the article's details after the change as JSON")
    .action(
      async (
        id: string,
        options: {
          workspace?: string;
          json?: boolean;
          title?: string;
          outlet?: string;
          url?: string;
          byline?: string;
          date?: string;
          lang?: string;
          tag?: string[];
          tags?: boolean;
        },
      ) => {
        const changes: ArticleInfoChanges = {};
        if (options.title !== undefined) changes.title = options.title;
        if (options.outlet !== undefined) changes.outlet = options.outlet;
        if (options.url !== undefined) changes.url = options.url;
        if (options.byline !== undefined) changes.byline = options.byline;
        if (options.date !== undefined) changes.published = options.date;
        if (options.lang !== undefined) changes.language = options.lang;
        if (options.tag !== undefined) changes.tags = options.tag;
        else if (options.tags === false) changes.tags = [];
        if (Object.keys(changes).length === 0) {
          console.error('lede: nothing to set: give at least one of --title, --outlet, --url, --byline, --date, --lang, --tag, --no-tags');
          process.exitCode = 2;
          return;
        }
        const { article, changed } = await usingWorkspace(options.workspace, 'write', (w) => w.setArticleInfo(id, changes));
        const { text: _text, history: _history, ...details } = article;
        if (options.json) {
          console.log(JSON.stringify({ changed, article: details }, null, 2));
          return;
        }
        console.log(changed ? `${id}: details updated` : `${id}: already as given; nothing was written`);
        for (const [key, value] of Object.entries(details)) {
          if (['id', 'hash'].includes(key)) continue;
          console.log(`  ${key.padEnd(10)} ${Array.isArray(value) ? value.join(', ') : String(value)}`);
        }
      },
    );
}
