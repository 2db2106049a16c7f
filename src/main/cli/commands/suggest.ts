import { Command, InvalidArgumentError, Option } from 'commander';
import { SUGGESTION_KINDS, type SuggestionLayerKind } from '../../../core/suggest/as-layer';
import { SUGGESTED_LAYER } from '../../services/suggest/layer-name';
import { withWorkspaceOption } from '../workspace-option';

export const OUTPUT_FORMATS = ['brat', 'w3c', 'jsonl'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface SuggestOptions {
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
  const kinds = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = kinds.filter((k) => !(SUGGESTION_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0 || kinds.length === 0)
    throw new InvalidArgumentError(`expected a comma-separated list of ${SUGGESTION_KINDS.join(', ')}${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`);
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
    .description(
      `suggest quotes, speakers and actors (offline): write them as annotation files, store them as the layer '${SUGGESTED_LAYER}', or evaluate them`,
    )
    .argument('[files...]', 'plain text, Markdown or HTML files outside the workspace (default: the workspace articles)')
    .option('--article <id...>', 'only these workspace articles (default: all)')
    .addOption(
      new Option('--kinds <list>', 'what to suggest, comma-separated').argParser(parseKinds).default(new Set(SUGGESTION_KINDS), SUGGESTION_KINDS.join(',')),
    )
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS))
    .option('--out <path>', 'output file (a folder for brat)')
    .option('--accept', `store the suggestions in the workspace as the layer '${SUGGESTED_LAYER}', for review against yours`)
    .option('--replace', `with --accept: replace an earlier '${SUGGESTED_LAYER}' layer (default: refuse)`)
    .option(
      '--evaluate <corpus>',
      'score the suggestions against a brat corpus with Content/Source attributions (e.g. PolNeAR) and print precision, recall, F1 and speaker accuracy',
    )
    .action(async (files: string[], options: SuggestOptions, command: Command) => {
      const usage = options.evaluate === undefined ? usageProblem(files, options) : null;
      if (usage) command.error(`error: ${usage}`, { exitCode: 2 });
      // Loaded only here: the suggestion rules bring an NLP library whose start-up every other command would pay.
      const { runSuggest } = await import('./suggest-run');
      await runSuggest(files, options);
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
