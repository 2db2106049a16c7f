import { Command, Option } from 'commander';
import { IMPORT_FORMATS, type ImportFormat } from '../../../core/formats';
import { formatProblem } from '../../../core/model/result';
import { readInputPaths } from '../../services/exchange/read-paths';
import { validateFiles } from '../../services/exchange/validate-files';
import { usingWorkspace } from '../workspace-option';
import { say } from '../terminal';

/**
 * `lede validate [--format F] [--workspace DIR] PATH...`: checks annotation files or brat folders
 * as an import would, without importing; prints every problem (file:line field: message) and
 * exits 1 if there is any, 0 when all is well. Usage errors exit 2. A workspace is read (never
 * locked or changed) only when named: then W3C targets that point at its articles' texts resolve.
 */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check annotation files or a brat folder without importing them; prints every problem')
    .argument('<paths...>', 'annotation files or brat folders')
    .addOption(new Option('--format <format>', 'format of every file (default: from names and content)').choices(IMPORT_FORMATS))
    .option('--workspace <dir>', 'also resolve W3C targets against the texts of this workspace (read only)')
    .action(async (paths: string[], options: { format?: ImportFormat; workspace?: string }) => {
      const read = await readInputPaths(paths);
      const texts = options.workspace ? await workspaceTexts(options.workspace) : new Map<string, string>();
      const result = validateFiles(read.files, { ...(options.format ? { format: options.format } : {}), textOf: (hash) => texts.get(hash) });
      const problems = [...read.problems, ...result.problems];
      for (const note of result.notes) say(`note: ${note}`);
      for (const p of problems) say(`error: ${formatProblem(p)}`);
      if (problems.length > 0) {
        say(`${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
        process.exitCode = 1;
      } else say(`OK: ${result.checked} annotation file${result.checked === 1 ? '' : 's'} checked, no problems.`);
    });
}

/** Every article text of a workspace by its hash. */
function workspaceTexts(dir: string): Promise<Map<string, string>> {
  return usingWorkspace(dir, 'read', async (ws) => {
    const texts = new Map<string, string>();
    for (const summary of await ws.listArticles()) {
      const doc = await ws.getDoc(summary.id);
      texts.set(doc.article.hash, doc.article.text);
    }
    return texts;
  });
}
