import { Command, CommanderError } from 'commander';
import { terminalSafe, warn } from './terminal';

/**
 * `lede`: headless access to a workspace for pipelines. Each command lives in its own file under
 * commands/ and registers itself here. Usage errors print help and exit 2; a command that fails
 * sets exit code 1.
 *
 * A command's module is loaded only when that command runs: between them they bring the Markdown
 * reader, every annotation format, the actor matcher and the suggestion rules, and a process pays
 * for the modules it evaluates (all of them made `lede --help` and `lede list` take a third of a
 * second before doing anything). Without a known command name (`lede`, `lede --help`, `lede help
 * agree`, a typo) every command is registered, so help and "did you mean" see them all.
 */
type Register = (program: Command) => void;

/** In the order `lede --help` lists them. */
const COMMANDS = new Map<string, () => Promise<Register>>([
  ['list', async () => (await import('./commands/list')).registerList],
  ['import', async () => (await import('./commands/import')).registerImport],
  ['agree', async () => (await import('./commands/agree')).registerAgree],
  ['export', async () => (await import('./commands/export')).registerExport],
  ['import-annotations', async () => (await import('./commands/import-annotations')).registerImportAnnotations],
  ['validate', async () => (await import('./commands/validate')).registerValidate],
  ['suggest', async () => (await import('./commands/suggest')).registerSuggest],
  ['update-article', async () => (await import('./commands/update-article')).registerUpdateArticle],
  ['set-meta', async () => (await import('./commands/set-meta')).registerSetMeta],
  ['actors', async () => (await import('./commands/actors')).registerActors],
  ['trash', async () => (await import('./commands/trash')).registerTrash],
]);

async function main(): Promise<void> {
  const program = new Command('lede')
    .description('Lede: annotate news articles — headless import, export, agreement and suggestions')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(terminalSafe(text)) })
    .exitOverride();
  // The command is the first argument: `lede` itself takes no option but help (`lede --help agree` is help).
  const named = COMMANDS.get(process.argv[2] ?? '');
  const registers = await Promise.all(named ? [named()] : [...COMMANDS.values()].map((load) => load()));
  for (const register of registers) register(program);
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Help and version requests exit 0; every other parse problem is a usage error.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  warn(`lede: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
