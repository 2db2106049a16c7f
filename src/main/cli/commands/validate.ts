import { Command, Option } from 'commander';
import { IMPORT_FORMATS, type ImportFormat } from '../../../core/formats';
import { formatProblem } from '../../../core/model/result';
import { readInputPaths } from '../../services/exchange/read-paths';
import { validateFiles } from '../../services/exchange/validate-files';

/**
 * `lede validate [--format F] PATH...`: checks annotation files or brat folders as an import
 * would, without a workspace and without importing; prints every problem (file:line field:
 * message) and exits 1 if there is any, 0 when all is well. Usage errors exit 2.
 */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check annotation files or a brat folder without importing them; prints every problem')
    .argument('<paths...>', 'annotation files or brat folders')
    .addOption(new Option('--format <format>', 'format of every file (default: from names and content)').choices(IMPORT_FORMATS))
    .action(async (paths: string[], options: { format?: ImportFormat }) => {
      const read = await readInputPaths(paths);
      const result = validateFiles(read.files, options.format ? { format: options.format } : {});
      const problems = [...read.problems, ...result.problems];
      for (const note of result.notes) console.log(`note: ${note}`);
      for (const p of problems) console.log(`error: ${formatProblem(p)}`);
      if (problems.length > 0) {
        console.log(`${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
        process.exitCode = 1;
      } else console.log(`OK: ${result.checked} annotation file${result.checked === 1 ? '' : 's'} checked, no problems.`);
    });
}
