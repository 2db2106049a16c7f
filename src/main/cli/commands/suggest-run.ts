import { serializeFormat } from '../../../core/formats';
import { formatProblem } from '../../../core/model/result';
import { suggest } from '../../../core/suggest';
import { evaluateSuggestions, formatQualityReport } from '../../../core/suggest/evaluate';
import { writeOutputFiles } from '../../services/output-files';
import { readGoldCorpus } from '../../services/suggest/gold-corpus';
import { acceptSuggestions, SUGGESTED_LAYER, suggestFiles, suggestWorkspace } from '../../services/suggest/suggest-articles';
import { say, warn } from '../terminal';
import { usingWorkspace } from '../workspace-option';
import { describeReport } from './import-annotations';
import type { SuggestOptions } from './suggest';

/** What `lede suggest` does once its arguments are checked (suggest.ts), loaded on demand. */
export async function runSuggest(files: string[], options: SuggestOptions): Promise<void> {
  if (options.evaluate !== undefined) return evaluate(options.evaluate);
  const request = { kinds: options.kinds };
  if (options.accept) {
    const result = await usingWorkspace(options.workspace, 'write', async (ws) => {
      const { docs, schema } = await suggestWorkspace(ws, options.article, request);
      return acceptSuggestions(ws, docs, schema, options.replace === true);
    });
    if (!result.ok) {
      for (const p of result.errors) warn(`error: ${formatProblem(p)}`);
      const hint = options.replace ? '' : ` (--replace replaces an earlier '${SUGGESTED_LAYER}' layer)`;
      warn(`Nothing was stored: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}${hint}.`);
      process.exitCode = 1;
      return;
    }
    say(describeReport(result.report));
    return;
  }
  const { docs, schema } =
    files.length > 0
      ? await suggestFiles(files, request)
      : await usingWorkspace(options.workspace, 'read', (ws) => suggestWorkspace(ws, options.article, request));
  const out = serializeFormat(options.format!, docs, schema, {});
  const written = await writeOutputFiles(options.out!, out.files, { folder: options.format === 'brat' });
  for (const note of out.report) warn(`note: ${note}`);
  const count = (label: string) => docs.reduce((n, d) => n + d.annotations.filter((a) => a.label === label).length, 0);
  const links = docs.reduce((n, d) => n + d.relations.length, 0);
  const articles = `${docs.length} article${docs.length === 1 ? '' : 's'}`;
  say(
    `Suggested ${count('quote')} quote${count('quote') === 1 ? '' : 's'}, ${count('actor')} actor${count('actor') === 1 ? '' : 's'} and ${links} speaker link${links === 1 ? '' : 's'} in ${articles}, as ${options.format}: ${written.length === 1 ? written[0] : `${written.length} files in ${options.out}`}`,
  );
}

function evaluate(corpus: string): void {
  const docs = readGoldCorpus(corpus);
  if (docs.length === 0) throw new Error(`no brat documents (.txt with .ann) under ${corpus}`);
  const report = evaluateSuggestions(corpus, docs, (text) => suggest({ text }));
  if (!report.ok) throw new Error(report.errors.map(formatProblem).join('; '));
  say(formatQualityReport(report.value));
}
