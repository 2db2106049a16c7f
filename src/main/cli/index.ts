import { Command, CommanderError } from 'commander';
import { registerActors } from './commands/actors';
import { registerAgree } from './commands/agree';
import { registerImport } from './commands/import';
import { registerList } from './commands/list';
import { registerExport } from './commands/export';
import { registerImportAnnotations } from './commands/import-annotations';
import { registerSetMeta } from './commands/set-meta';
import { registerSuggest } from './commands/suggest';
import { registerTrash } from './commands/trash';
import { registerUpdateArticle } from './commands/update-article';
import { registerValidate } from './commands/validate';
import { terminalSafe, warn } from './terminal';

/**
 * `lede`: headless access to a workspace for pipelines. Each command lives in its own file under
 * commands/ and registers itself here. Usage errors print help and exit 2; a command that fails
 * sets exit code 1.
 */
const program = new Command('lede')
  .description('Lede: annotate news articles — headless import, export, agreement and suggestions')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(terminalSafe(text)) })
  .exitOverride();

registerList(program);
registerImport(program);
registerAgree(program);
registerExport(program);
registerImportAnnotations(program);
registerValidate(program);
registerSuggest(program);
registerUpdateArticle(program);
registerSetMeta(program);
registerActors(program);
registerTrash(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Help and version requests exit 0; every other parse problem is a usage error.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  warn(`lede: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
