import { Command, InvalidArgumentError, Option } from 'commander';
import type { AnnotationImportReport } from '../../../core/api/exchange';
import { IMPORT_FORMATS, formatNames, type ImportFormat } from '../../../core/formats';
import { describeActors } from '../../../core/formats/entity-links';
import { formatProblem } from '../../../core/model/result';
import { importAnnotations } from '../../services/exchange/import-annotations';
import { readInputPaths } from '../../services/exchange/read-paths';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';
import { say, warn } from '../terminal';

export function layerName(value: string): string {
  const name = value.trim();
  if (name === '' || name.length > 200) throw new InvalidArgumentError('a layer name is 1 to 200 characters');
  return name;
}

/** `--map their=ours`, repeatable: their label onto one of ours (id or display name). */
export function labelMapping(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  const theirs = value.slice(0, eq).trim();
  const ours = value.slice(eq + 1).trim();
  if (eq < 0 || theirs === '' || ours === '') throw new InvalidArgumentError('give --map THEIRS=OURS, e.g. --map Person=actor');
  if (theirs.length > 200 || ours.length > 200) throw new InvalidArgumentError('a label is at most 200 characters');
  return { ...previous, [theirs]: ours };
}

/**
 * `lede import-annotations [--workspace DIR] --as NAME [--format F] [--map THEIRS=OURS]... [--replace] PATH...`: imports
 * annotation files (Lede JSON, W3C, JSONL, brat files or folders) as the layer NAME, all or
 * nothing. A brat project folder laid out as <annotator>/<doc>.{txt,ann} takes its layer names from
 * its folders, and Lede JSON keeps its own layers, so --as may be left out for those. Zips (the
 * app's own exports) are read as the files they hold. Labels match ours by name ignoring case;
 * --map puts a differently named one onto one of ours (an unknown label on either side is an error). Prints the
 * report; every problem (file:line field) and exit 1 on failure; usage errors exit 2.
 */
export function registerImportAnnotations(program: Command): void {
  withWorkspaceOption(program.command('import-annotations'))
    .description(`import annotation sets (${formatNames('import')}; brat files, folders or projects) as a layer, all or nothing`)
    .argument('<paths...>', 'annotation files or brat folders')
    .option('--as <name>', 'the layer (annotator) the set becomes; brat projects use their folder names', layerName)
    .addOption(new Option('--format <format>', 'format of every file (default: from names and content)').choices(IMPORT_FORMATS))
    .option('--map <theirs=ours>', 'import their label as one of yours (id or name); repeatable', labelMapping)
    .option('--replace', 'replace the layer where an article already has it (default: refuse)')
    .action(async (paths: string[], options: { workspace?: string; as?: string; format?: ImportFormat; map?: Record<string, string>; replace?: boolean }) => {
      const read = await readInputPaths(paths);
      const result = read.problems.length
        ? { ok: false as const, errors: read.problems, notes: [] }
        : await usingWorkspace(options.workspace, 'write', (ws) =>
            importAnnotations(ws, read.files, { ...(options.as ? { as: options.as } : {}), ...(options.format ? { format: options.format } : {}), ...(options.map ? { map: options.map } : {}), replace: options.replace === true }),
          );
      if (!result.ok) {
        for (const note of result.notes) say(`note: ${note}`);
        for (const p of result.errors) warn(`error: ${formatProblem(p)}`);
        warn(`Nothing was imported: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}.`);
        process.exitCode = 1;
        return;
      }
      say(describeReport(result.report));
    });
}

export function describeReport(r: AnnotationImportReport): string {
  const lines: string[] = [];
  for (const n of r.notes) lines.push(`note: ${n}`);
  for (const a of r.articlesAdded) lines.push(`added article ${a.id}  ${a.title}`);
  for (const l of r.layers) {
    const replaced = l.replaced ? ` (replaced on ${l.replaced} article${l.replaced === 1 ? '' : 's'})` : '';
    lines.push(`layer ${l.author}: ${l.annotations} annotation${l.annotations === 1 ? '' : 's'}, ${l.relations} link${l.relations === 1 ? '' : 's'} in ${l.articles} article${l.articles === 1 ? '' : 's'}${replaced}`);
  }
  for (const l of r.labels ?? []) if (l.how === 'mapped' || l.how === 'case') lines.push(`label ${l.theirs} → ${l.ours}${l.how === 'mapped' ? ' (mapped)' : ''}`);
  for (const s of r.schemaAdded) lines.push(`label schema: added ${s}`);
  // Every actor of theirs, and where it landed: nothing is merged into the registry unsaid.
  for (const line of describeActors(r.actors ?? [])) lines.push(`actor: ${line}`);
  lines.push(`Imported ${r.layers.length} layer${r.layers.length === 1 ? '' : 's'}: ${r.articlesAdded.length} article${r.articlesAdded.length === 1 ? '' : 's'} added, ${r.articlesMatched} matched by text.`);
  return lines.join('\n');
}
