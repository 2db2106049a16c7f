import { Command, InvalidArgumentError, Option } from 'commander';
import { serializeFormat } from '../../../core/formats';
import { formatProblem } from '../../../core/model/result';
import { suggest } from '../../../core/suggest';
import { SUGGESTION_KINDS, type SuggestionLayerKind } from '../../../core/suggest/as-layer';
import { evaluateSuggestions, formatQualityReport } from '../../../core/suggest/evaluate';
import { writeOutputFiles } from '../../services/output-files';
import { readGoldCorpus } from '../../services/suggest/gold-corpus';
import { acceptSuggestions, SUGGESTED_LAYER, suggestFiles, suggestWorkspace } from '../../services/suggest/suggest-articles';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';
import { describeReport } from './import-annotations';

const OUTPUT_FORMATS = ['brat', 'w3c', 'jsonl'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

interface SuggestOptions {
  workspace?: string;
  article?: string[];
  kinds: Set<SuggestionLayerKind>;
  format?: OutputFormat;
  out?: string;
  accept?: boolean;
  replace?: boolean;
  evaluate?: string;
}

function parseKinds(value: string): Set<SuggestionLayerKind> {
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = kinds.filter((k) => !(SUGGESTION_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0 || kinds.length === 0) throw new InvalidArgumentError(`expected a comma-separated list of ${SUGGESTION_KINDS.join(', ')}${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`);
  const set = new Set(kinds as SuggestionLayerKind[]);
  if (set.has('speaker') && !set.has('quote')) throw new InvalidArgumentError('speaker links start at quotes: add quote to --kinds');
  return set;
}

/**
 * `lede suggest`: quotes, their speakers and actors proposed by the offline rules, for pipelines.
 * - `lede suggest [--article ID...] --format F --out PATH`: the workspace's articles, written as
 *   annotation files; the workspace is read, never changed.
 * - `lede suggest FILE... --format brat --out DIR`: plain text files outside any workspace.
 * - `lede suggest --accept [--replace]`: stored in the workspace as the layer `suggested`.
 * - `lede suggest --evaluate DIR`: scored against a PolNeAR-style brat corpus (Content/Source).
 */
export function registerSuggest(program: Command): void {
  withWorkspaceOption(program.command('suggest'))
    .description(`suggest quotes, speakers and actors (offline): write them as annotation files, store them as the layer '${SUGGESTED_LAYER}', or evaluate them`)
    .argument('[files...]', 'plain text, Markdown or HTML files outside the workspace (default: the workspace articles)')
    .option('--article <id...>', 'only these workspace articles (default: all)')
    .addOption(new Option('--kinds <list>', 'what to suggest, comma-separated').argParser(parseKinds).default(new Set(SUGGESTION_KINDS), SUGGESTION_KINDS.join(',')))
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS))
    .option('--out <path>', 'output file (a folder for brat)')
    .option('--accept', `store the suggestions in the workspace as the layer '${SUGGESTED_LAYER}', for review against yours`)
    .option('--replace', `with --accept: replace an earlier '${SUGGESTED_LAYER}' layer (default: refuse)`)
    .option('--evaluate <corpus>', 'score the suggestions against a brat corpus with Content/Source attributions (e.g. PolNeAR) and print precision, recall, F1 and speaker accuracy')
    .action(async (files: string[], options: SuggestOptions, command: Command) => {
      if (options.evaluate !== undefined) return evaluate(options.evaluate);
      const usage = usageProblem(files, options);
      if (usage) command.error(`error: ${usage}`, { exitCode: 2 });
      const request = { kinds: options.kinds };
      if (options.accept) {
        const result = await usingWorkspace(options.workspace, 'write', async (ws) => {
          const { docs, schema } = await suggestWorkspace(ws, options.article, request);
          return acceptSuggestions(ws, docs, schema, options.replace === true);
        });
        if (!result.ok) {
          for (const p of result.errors) console.error(`error: ${formatProblem(p)}`);
          const hint = options.replace ? '' : ` (--replace replaces an earlier '${SUGGESTED_LAYER}' layer)`;
          console.error(`Nothing was stored: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}${hint}.`);
          process.exitCode = 1;
          return;
        }
        console.log(describeReport(result.report));
        return;
      }
      const { docs, schema } = files.length > 0 ? await suggestFiles(files, request) : await usingWorkspace(options.workspace, 'read', (ws) => suggestWorkspace(ws, options.article, request));
      const out = serializeFormat(options.format!, docs, schema, {});
      const written = await writeOutputFiles(options.out!, out.files, { folder: options.format === 'brat' });
      for (const note of out.report) console.error(`note: ${note}`);
      const count = (label: string) => docs.reduce((n, d) => n + d.annotations.filter((a) => a.label === label).length, 0);
      const links = docs.reduce((n, d) => n + d.relations.length, 0);
      const articles = `${docs.length} article${docs.length === 1 ? '' : 's'}`;
      console.log(`Suggested ${count('quote')} quote${count('quote') === 1 ? '' : 's'}, ${count('actor')} actor${count('actor') === 1 ? '' : 's'} and ${links} speaker link${links === 1 ? '' : 's'} in ${articles}, as ${options.format}: ${written.length === 1 ? written[0] : `${written.length} files in ${options.out}`}`);
    });
}

function usageProblem(files: readonly string[], options: SuggestOptions): string | null {
  if (options.accept) {
    if (files.length > 0) return '--accept stores suggestions of workspace articles; import the files first (lede import FILE...)';
    if (options.format || options.out) return '--accept stores the suggestions in the workspace: leave out --format and --out';
    return null;
  }
  if (options.replace) return '--replace goes with --accept';
  if (files.length > 0 && options.article) return 'give files or --article, not both';
  if (!options.format || !options.out) return 'say where the suggestions go: --format brat|w3c|jsonl --out PATH, or --accept';
  return null;
}

function evaluate(corpus: string): void {
  const docs = readGoldCorpus(corpus);
  if (docs.length === 0) throw new Error(`no brat documents (.txt with .ann) under ${corpus}`);
  const report = evaluateSuggestions(corpus, docs, (text) => suggest({ text }));
  if (!report.ok) throw new Error(report.errors.map(formatProblem).join('; '));
  console.log(formatQualityReport(report.value));
}
