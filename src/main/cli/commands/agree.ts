import { Command, InvalidArgumentError } from 'commander';
import { withWorkspaceOption } from '../workspace-option';

/** `--layers A,B,...`: at least two different names, else a usage error (exit 2). */
function parseLayers(value: string): string[] {
  const layers = [
    ...new Set(
      value
        .split(',')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    ),
  ];
  if (layers.length < 2) throw new InvalidArgumentError('give at least two different layers, separated by commas (e.g. --layers me,colleague)');
  return layers;
}

/**
 * `lede agree [--workspace DIR | BRAT_PROJECT_DIR] [--layers A,B,...] [--json]`: the agreement
 * figures of issue 5 — instance and token F1, Cohen's kappa, Krippendorff's alpha — as markdown
 * tables (n/a where undefined) or JSON in the reference file's shape. Reads a workspace (every
 * layer but the rejected companions of reviewed layers, unless --layers says which) or a brat
 * project laid out as <annotator>/<doc>.{txt,ann} directly. Usage errors exit 2, failures 1.
 */
export function registerAgree(program: Command): void {
  withWorkspaceOption(program.command('agree'))
    .description('inter-annotator agreement figures of a workspace or a brat project (<annotator>/<doc>.{txt,ann})')
    .argument('[brat_project_dir]', 'brat project folder with one subfolder per annotator (instead of --workspace)')
    .option('--layers <a,b,...>', 'layers (annotators) to compare; default: all', parseLayers)
    .option('--json', 'print JSON instead of markdown tables')
    .action(async (bratDir: string | undefined, options: { workspace?: string; layers?: string[]; json?: boolean }, command: Command) => {
      if (bratDir !== undefined && options.workspace !== undefined)
        command.error('error: give either --workspace DIR or a brat project folder, not both', { exitCode: 2 });
      if (bratDir === undefined) {
        // First: the threads that read the articles load their code while this one loads the rest and opens the workspace.
        const { prestartTallyThreads } = await import('../../services/review/tally-threads/prestart');
        prestartTallyThreads();
      }
      // Loaded only here: the figures, the brat reader and the store are no part of `lede --help`.
      const { runAgree } = await import('./agree-run');
      await runAgree(bratDir, options);
    });
}
