import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { MAX_ARTICLE_BYTES } from '../../../core/model/article';
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
        const problem = await readProblem(path);
        if (problem) failed.push(`${path}: ${problem}`);
        else files.push({ name: basename(path), bytes: new Uint8Array(await readFile(path)) });
      }
      const report = files.length ? await usingWorkspace(options.workspace, 'write', (w) => w.importArticleFiles(files)) : null;
      for (const a of report?.added ?? []) say(`added    ${a.id}  ${a.title}  (${a.source})`);
      for (const d of report?.duplicates ?? []) say(`skipped  ${d.file}: same text as ${d.existing}`);
      for (const f of report?.failed ?? []) failed.push(`${f.file}: ${f.error}`);
      for (const f of failed) warn(`failed   ${f}`);
      say(`${report?.added.length ?? 0} added, ${report?.duplicates.length ?? 0} skipped, ${failed.length} failed`);
      if (failed.length) process.exitCode = 1;
    });
}

/** Checks a path before reading it, so a directory or a huge file is refused without loading it. */
export async function readProblem(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return 'not a file';
    if (info.size > MAX_ARTICLE_BYTES) return `the file is ${(info.size / 1048576).toFixed(1)} MB, over the 20 MB limit for an article`;
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read it (${(error as Error).message})`;
  }
}
