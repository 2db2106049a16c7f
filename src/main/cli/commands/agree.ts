import { Command, InvalidArgumentError } from 'commander';
import { agreementJson, agreementMarkdown } from '../../../core/agreement/format';
import { computeAgreement } from '../../../core/agreement/report';
import { formatProblem } from '../../../core/model/result';
import { isLedeWorkspace, readBratProject } from '../../services/review/brat-project';
import { workspaceAgreement, workspaceLayers } from '../../services/review/workspace-agreement';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';
import { terminalSafe, warn } from '../terminal';

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
      const report = bratDir !== undefined ? await bratReport(bratDir, options.layers) : await workspaceReport(options.workspace, options.layers);
      if (report.documents.length === 0) warn('Warning: no document is shared by all the layers compared; every figure is n/a.');
      process.stdout.write(terminalSafe(options.json ? `${JSON.stringify(agreementJson(report), null, 2)}\n` : agreementMarkdown(report)));
    });
}

async function bratReport(dir: string, layers: string[] | undefined) {
  if (isLedeWorkspace(dir)) throw new Error(`${dir} is a Lede workspace, not a brat project: use --workspace ${dir}`);
  const project = await readBratProject(dir);
  if (!project.ok) throw new Error(`cannot read the brat project ${dir}:\n${project.errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  const { annotators, documents } = project.value;
  const unknown = (layers ?? []).filter((l) => !annotators.includes(l));
  if (unknown.length > 0) throw new Error(`no annotator folder ${unknown.join(', ')} in ${dir}; annotators: ${annotators.join(', ')}`);
  const chosen = layers ?? annotators;
  if (chosen.length < 2) throw new Error(`agreement needs at least two annotators; ${dir} has only ${annotators.join(', ')}`);
  return computeAgreement(documents, { annotators: chosen });
}

async function workspaceReport(flag: string | undefined, layers: string[] | undefined) {
  return usingWorkspace(flag, 'read', async (ws) => {
    const all = await workspaceLayers(ws);
    if (!layers && all.length < 2)
      throw new Error(`agreement needs at least two layers; the workspace ${ws.dir} has ${all.length === 1 ? `only "${all[0]}"` : 'no annotations'}`);
    return workspaceAgreement(ws, layers ?? all);
  });
}
