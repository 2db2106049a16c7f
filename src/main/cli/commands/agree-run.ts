import { agreementJson, agreementMarkdown } from '../../../core/agreement/format';
import { computeAgreement, type AgreementReport } from '../../../core/agreement/report';
import { formatProblem } from '../../../core/model/result';
import { isLedeWorkspace, readBratProject } from '../../services/review/brat-project';
import { workspaceAgreement, workspaceLayers } from '../../services/review/workspace-agreement';
import { usingWorkspace } from '../workspace-option';
import { terminalSafe, warn } from '../terminal';

/** What `lede agree` does once its arguments are checked (agree.ts), loaded on demand. */
export async function runAgree(bratDir: string | undefined, options: { workspace?: string; layers?: string[]; json?: boolean }): Promise<void> {
  const report = bratDir !== undefined ? await bratReport(bratDir, options.layers) : await workspaceReport(options.workspace, options.layers);
  if (report.documents.length === 0) warn('Warning: no document is shared by all the layers compared; every figure is n/a.');
  process.stdout.write(terminalSafe(options.json ? `${JSON.stringify(agreementJson(report), null, 2)}\n` : agreementMarkdown(report)));
}

async function bratReport(dir: string, layers: string[] | undefined): Promise<AgreementReport> {
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

async function workspaceReport(flag: string | undefined, layers: string[] | undefined): Promise<AgreementReport> {
  return usingWorkspace(flag, 'read', async (ws) => {
    const all = await workspaceLayers(ws);
    if (!layers && all.length < 2)
      throw new Error(`agreement needs at least two layers; the workspace ${ws.dir} has ${all.length === 1 ? `only "${all[0]}"` : 'no annotations'}`);
    return workspaceAgreement(ws, layers ?? all);
  });
}
