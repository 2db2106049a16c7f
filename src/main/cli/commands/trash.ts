import type { Command } from 'commander';
import { counted } from '../../../core/text/plural';
import { formatTable } from '../table';
import { say } from '../terminal';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';

/**
 * `lede delete ID...`, `lede restore ID...`, `lede trash [--json] [--empty]`: deleted articles
 * (annotations included) go to the workspace's trash/ folder and can be restored until it is
 * emptied. Each request is all or nothing: one unknown id and nothing moves (exit code 1).
 */
export function registerTrash(program: Command): void {
  withWorkspaceOption(program.command('delete'))
    .description('move articles, with their annotations, to the trash (see lede trash, lede restore)')
    .argument('<ids...>', 'article ids (see lede list)')
    .action(async (ids: string[], options: { workspace?: string }) => {
      const deleted = await usingWorkspace(options.workspace, 'write', (w) => w.deleteArticles(ids));
      say(`${counted(deleted, 'article')} moved to the trash; \`lede restore ID\` brings one back`);
    });

  withWorkspaceOption(program.command('restore'))
    .description('move articles back from the trash')
    .argument('<ids...>', 'article ids (the latest deleted copy) or trash entries ID@WHEN (exactly that copy; see lede trash)')
    .action(async (ids: string[], options: { workspace?: string }) => {
      const restored = await usingWorkspace(options.workspace, 'write', (w) => w.restoreArticles(ids));
      for (const a of restored) say(`restored ${a.id}  ${a.title}  (${counted(a.annotationCount, 'annotation')})`);
    });

  withWorkspaceOption(program.command('trash'))
    .description('list the articles in the trash (--empty deletes them for good)')
    .option('--json', 'print JSON instead of a table')
    .option('--empty', 'delete every article in the trash for good')
    .action(async (options: { workspace?: string; json?: boolean; empty?: boolean }) => {
      if (options.empty) {
        const removed = await usingWorkspace(options.workspace, 'write', (w) => w.emptyTrash());
        say(`the trash is empty (${counted(removed, 'article')} deleted for good)`);
        return;
      }
      const trashed = await usingWorkspace(options.workspace, 'read', (w) => w.listTrash());
      if (options.json)
        return say(
          JSON.stringify(
            trashed.map(({ id, entry, title, source, annotationCount, trashedAt }) => ({ id, entry, title, source, annotationCount, trashedAt })),
            null,
            2,
          ),
        );
      say(
        formatTable(
          ['entry', 'title', 'annotations', 'deleted'],
          trashed.map((a) => [a.entry, a.title, String(a.annotationCount), a.trashedAt]),
          { maxWidth: [46, 50, 11, 24] },
        ),
      );
      say(`${counted(trashed.length, 'article')} in the trash`);
    });

  withWorkspaceOption(program.command('init'))
    .description('create a workspace (with the sample articles unless --no-seeds)')
    .option('--no-seeds', 'start with no articles')
    .action(async (options: { workspace?: string; seeds: boolean }) => {
      const { created, path, count } = await usingWorkspace(
        options.workspace,
        'write',
        async (w) => ({ created: w.created, path: w.dir, count: w.info().articleCount }),
        { seeds: options.seeds },
      );
      if (created) say(`created the workspace ${path} with ${counted(count, 'article')}`);
      else say(`${path} is already a Lede workspace (${counted(count, 'article')}); nothing was changed`);
    });
}
