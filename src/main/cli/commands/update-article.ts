import type { Command } from 'commander';
import { REANCHOR_STATES } from '../../../core/text/reanchor';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';
import { readArticleInput } from '../../services/article-input-files';

/**
 * `lede update-article [--workspace DIR] [--json] ID FILE`: replaces the article's text with the
 * text of FILE (read as `lede import` reads it) and re-anchors every annotation of every layer.
 * Prints the count per state (placed, moved, needs review, orphaned); with --json, each
 * annotation's id, layer, label, state and new fragments. Exit code 1 if nothing could be changed.
 */
export function registerUpdateArticle(program: Command): void {
  withWorkspaceOption(program.command('update-article'))
    .description("replace an article's text with a new version (.txt, .md, .html) and re-anchor its annotations")
    .argument('<id>', 'article id (see lede list)')
    .argument('<file>', 'the new version of the article')
    .option('--json', "print JSON: counts and every annotation's state and new fragments")
    .action(async (id: string, path: string, options: { workspace?: string; json?: boolean }) => {
      const input = await readArticleInput(path);
      if (!input.ok) {
        console.error(`lede: nothing was changed: ${path}: ${input.problem}`);
        process.exitCode = 1;
        return;
      }
      const report = await usingWorkspace(options.workspace, 'write', (w) => w.updateArticleText(id, input.file));
      if (options.json) {
        console.log(JSON.stringify(report, null, 2));
        return;
      }
      if (!report.changed) console.log(`${id}: the text is unchanged; nothing was written`);
      else console.log(`${id}: text updated, ${report.annotations.length} annotation(s) re-anchored`);
      for (const state of REANCHOR_STATES) console.log(`  ${state.padEnd(12)} ${report.counts[state]}`);
      const toReview = report.annotations.filter((a) => a.state === 'needs-review' || a.state === 'orphaned');
      for (const a of toReview) console.log(`  ${a.state === 'orphaned' ? 'orphaned    ' : 'needs review'} ${a.id}  ${a.label}  (${a.author})`);
      if (toReview.length) console.log(`They are marked with the attribute "reanchored"; delete it once checked.`);
    });
}
