import { Command, CommanderError } from 'commander';
import { registerActors } from './commands/actors';
import { registerAgree } from './commands/agree';
import { registerImport } from './commands/import';
import { registerList } from './commands/list';
import { registerExport } from './commands/export';
import { registerImportAnnotations } from './commands/import-annotations';
import { registerValidate } from './commands/validate';

/**
 * `lede`: headless access to a workspace for pipelines. Each command lives in its own file under
 * commands/ and registers itself here. Usage errors print help and exit 2; a command that fails
 * sets exit code 1.
 */
const program = new Command('lede')
  .description('Lede: annotate news articles — headless import, export and agreement')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) })
  .exitOverride();

registerList(program);
registerImport(program);
registerAgree(program);
registerExport(program);
registerImportAnnotations(program);
registerValidate(program);
registerActors(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Help and version requests exit 0; every other parse problem is a usage error.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  console.error(`lede: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
