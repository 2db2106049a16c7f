import { Command, Option } from 'commander';
import { EXPORT_FORMATS, FORMATS, formatNames, type ExportFormat } from '../../../core/formats';
import { exportFiles } from '../../services/exchange/export-annotations';
import { writeOutputFiles } from '../../services/output-files';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';
import { layerName } from './import-annotations';
import { say, warn } from '../terminal';

interface ExportOptions {
  workspace?: string;
  format: ExportFormat;
  out: string;
  article?: string[];
  annotator?: string[];
  allLayers?: boolean;
  jsonlVariant?: 'label' | 'entities';
  split?: boolean;
  withRejected?: boolean;
}

/**
 * `lede export [--workspace DIR] --format F --out PATH [--article ID...] [--annotator NAME]... [--all-layers]`:
 * writes the analyst's own layer (or the named layers, or every layer, kept apart per annotator)
 * of the workspace or the chosen articles in a format.
 * brat, and --split, write a folder (--out names it); the other formats one file, or a file of
 * the format's default name inside --out when that is a folder. Reads the workspace without
 * locking it, so it works while the app is open. Which layers the export holds goes to stderr,
 * and so does every item of the report (what the format could not hold), one `lost:` line each.
 */
export function registerExport(program: Command): void {
  withWorkspaceOption(program.command('export'))
    .description(`export annotations as ${formatNames('export')}`)
    .addOption(
      new Option('--format <format>', `output format: ${FORMATS.map((f) => `${f.id} = ${f.label}`).join(', ')}`).choices(EXPORT_FORMATS).makeOptionMandatory(),
    )
    .requiredOption(
      '--out <path>',
      `output file (a folder for ${FORMATS.filter((f) => f.multiFile)
        .map((f) => f.id)
        .join(', ')} and --split)`,
    )
    .option('--article <id...>', 'only these articles (default: all)')
    .option(
      '--annotator <name>',
      "export this layer; repeat for several (default: your own layer, the workspace's analyst name)",
      (value: string, previous: string[] = []) => [...previous, layerName(value)],
    )
    .option('--all-layers', "every layer, one set per annotator (brat: OUT/<annotator>/<doc>.txt/.ann); review '(rejected)' layers only with --with-rejected")
    .addOption(new Option('--jsonl-variant <variant>', 'JSONL shape: doccano label or entities/relations').choices(['label', 'entities']).default('label'))
    .option(
      '--split',
      `one file per article (${FORMATS.filter((f) => f.splittable)
        .map((f) => f.label)
        .join(', ')}): each stays importable`,
    )
    .option('--with-rejected', "include review '(rejected)' layers when exporting every layer")
    .action(async (options: ExportOptions) => {
      const out = await usingWorkspace(options.workspace, 'read', (ws) =>
        exportFiles(ws, {
          format: options.format,
          ...(options.article ? { articleIds: options.article } : {}),
          ...(options.annotator?.length ? { annotators: options.annotator } : {}),
          ...(options.allLayers ? { allLayers: true } : {}),
          jsonlVariant: options.jsonlVariant ?? 'label',
          split: options.split === true,
          withRejected: options.withRejected === true,
        }),
      );
      const written = await writeOutputFiles(options.out, out.files, { folder: FORMATS.some((f) => f.id === options.format && f.multiFile) });
      // One write for every line: a large export can report tens of thousands of losses (brat
      // splitting spans at line breaks), and stderr on a pipe is a blocking write per call.
      warn([`layers: ${out.layout}`, ...out.report.map((note) => `lost: ${note}`)].join('\n'));
      say(
        `Exported ${out.annotationCount} annotation${out.annotationCount === 1 ? '' : 's'} of ${out.articleCount} article${out.articleCount === 1 ? '' : 's'} as ${options.format}: ${written.length === 1 ? written[0] : `${written.length} files in ${options.out}`}`,
      );
    });
}
