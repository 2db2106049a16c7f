import type { Command } from 'commander';
import { readArticleInput } from '../../services/article-input-files';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';
import { say, warn } from '../terminal';

/**
 * `lede import [--workspace DIR] FILE...`: imports article files (.txt, .md, .html) and prints what
 * was added, what was skipped and why. Exit code 1 if any file failed.
 */
export function registerImport(program: Command): void {
  withWorkspaceOption(program.command('import'))
    .description('import article files (.txt, .md, .html)')
    .argument('<files...>', 'article files')
    .action(async (paths: string[], options: { workspace?: string }) => {
      const failed: string[] = [];
      const files: { name: string; bytes: Uint8Array }[] = [];
      for (const path of paths) {
        const input = await readArticleInput(path);
        if (input.ok) files.push(input.file);
        else failed.push(`${path}: ${input.problem}`);
      }
      const report = files.length ? await usingWorkspace(options.workspace, 'write', (w) => w.importArticleFiles(files)) : null;
      for (const a of report?.added ?? []) say(`added    ${a.id}  ${a.title}  (${a.source})`);
      for (const d of report?.duplicates ?? []) say(`skipped  ${d.file}: same text as ${d.existing}`);
      // Each error names its file already (and where in it).
      for (const f of report?.failed ?? []) failed.push(f.error);
      for (const f of failed) warn(`failed   ${f}`);
      say(`${report?.added.length ?? 0} added, ${report?.duplicates.length ?? 0} skipped, ${failed.length} failed`);
      if (failed.length) process.exitCode = 1;
    });
}
