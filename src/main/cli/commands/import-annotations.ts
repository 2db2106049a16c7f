import { Command, InvalidArgumentError, Option } from 'commander';
import type { AnnotationImportReport } from '../../../core/api/exchange';
import { IMPORT_FORMATS, formatNames, type ImportFormat } from '../../../core/formats';
import { describeActorPlan, describeActors, NEW_ACTOR } from '../../../core/formats/entity-links';
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

/** `--new-actor ID`, repeatable: add their actor ID as a new entity rather than link it to one of ours by name. */
export function newActor(value: string, previous: string[] = []): string[] {
  const id = value.trim();
  if (id === '' || id.length > 100) throw new InvalidArgumentError('give the id of their actor, as the plan prints it (1 to 100 characters)');
  return [...previous, id];
}

interface ImportCliOptions {
  workspace?: string;
  as?: string;
  format?: ImportFormat;
  map?: Record<string, string>;
  replace?: boolean;
  newActor?: string[];
  yes?: boolean;
  dryRun?: boolean;
}

/**
 * `lede import-annotations [--workspace DIR] --as NAME [--format F] [--map THEIRS=OURS]... [--replace]
 * [--new-actor ID]... [--yes] [--dry-run] PATH...`: imports
 * annotation files (Lede JSON, W3C, JSONL, brat files or folders) as the layer NAME, all or
 * nothing. A brat project folder laid out as <annotator>/<doc>.{txt,ann} takes its layer names from
 * its folders, and Lede JSON keeps its own layers, so --as may be left out for those. Zips (the
 * app's own exports) are read as the files they hold. Labels match ours by name ignoring case;
 * --map puts a differently named one onto one of ours (an unknown label on either side is an error). Prints the
 * report; every problem (file:line field) and exit 1 on failure; usage errors exit 2.
 * Their actors link to ours by id, else by name, else are added. A link by name is never made
 * unasked: the plan is printed and nothing imported (exit 1) until --yes accepts it or --new-actor
 * adds those actors as new. --dry-run prints the plan and stores nothing.
 */
export function registerImportAnnotations(program: Command): void {
  withWorkspaceOption(program.command('import-annotations'))
    .description(`import annotation sets (${formatNames('import')}; brat files, folders or projects) as a layer, all or nothing`)
    .argument('<paths...>', 'annotation files or brat folders')
    .option('--as <name>', 'the layer (annotator) the set becomes; brat projects use their folder names', layerName)
    .addOption(new Option('--format <format>', 'format of every file (default: from names and content)').choices(IMPORT_FORMATS))
    .option('--map <theirs=ours>', 'import their label as one of yours (id or name); repeatable', labelMapping)
    .option('--replace', 'replace the layer where an article already has it (default: refuse)')
    .option('--new-actor <id>', 'add their actor ID as new instead of linking it to yours by name; repeatable', newActor)
    .option('--yes', 'accept the plan: link their actors to yours by name where it proposes so')
    .option('--dry-run', 'print the plan (how each label and actor would land), store nothing')
    .action(async (paths: string[], options: ImportCliOptions) => {
      const read = await readInputPaths(paths);
      // Handed over (the array emptied): the import lets each file's bytes go once decoded.
      const handOver = () => read.files.splice(0);
      const actors = Object.fromEntries((options.newActor ?? []).map((id) => [id, NEW_ACTOR]));
      const preview = options.dryRun ? true : options.yes ? false : 'name-matches';
      const result = read.problems.length
        ? { ok: false as const, errors: read.problems, notes: [] }
        : await usingWorkspace(options.workspace, options.dryRun ? 'read' : 'write', (ws) =>
            importAnnotations(ws, handOver, {
              ...(options.as ? { as: options.as } : {}),
              ...(options.format ? { format: options.format } : {}),
              ...(options.map ? { map: options.map } : {}),
              ...(Object.keys(actors).length ? { actors } : {}),
              replace: options.replace === true,
              preview,
            }),
          );
      if (result.ok && result.report.preview) {
        say(describePlan(result.report));
        if (options.dryRun) return;
        const matches = (result.report.actors ?? []).filter((a) => a.how === 'matched');
        warn(`Nothing was imported: ${matches.length} of their actors would be linked to yours by name (above).`);
        warn(`Run again with --yes to accept, or --new-actor ID to add one as new instead (e.g. --new-actor ${matches[0]!.theirs}).`);
        process.exitCode = 1;
        return;
      }
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

/** What an import would do, before it is made: its layers and labels, and where each actor would land. */
export function describePlan(r: AnnotationImportReport): string {
  const lines: string[] = ['Plan (nothing stored yet):'];
  for (const l of r.layers)
    lines.push(
      `layer ${l.author}: ${l.annotations} annotation${l.annotations === 1 ? '' : 's'}, ${l.relations} link${l.relations === 1 ? '' : 's'} in ${l.articles} article${l.articles === 1 ? '' : 's'}`,
    );
  for (const l of r.labels ?? [])
    if (l.how === 'mapped' || l.how === 'case') lines.push(`label ${l.theirs} → ${l.ours}${l.how === 'mapped' ? ' (mapped)' : ''}`);
  for (const s of r.schemaAdded) lines.push(`label schema: would add ${s}`);
  for (const line of describeActorPlan(r.actors ?? [])) lines.push(`actor: ${line}`);
  return lines.join('\n');
}

export function describeReport(r: AnnotationImportReport): string {
  const lines: string[] = [];
  for (const n of r.notes) lines.push(`note: ${n}`);
  for (const a of r.articlesAdded) lines.push(`added article ${a.id}  ${a.title}`);
  for (const l of r.layers) {
    const replaced = l.replaced ? ` (replaced on ${l.replaced} article${l.replaced === 1 ? '' : 's'})` : '';
    lines.push(
      `layer ${l.author}: ${l.annotations} annotation${l.annotations === 1 ? '' : 's'}, ${l.relations} link${l.relations === 1 ? '' : 's'} in ${l.articles} article${l.articles === 1 ? '' : 's'}${replaced}`,
    );
  }
  for (const l of r.labels ?? [])
    if (l.how === 'mapped' || l.how === 'case') lines.push(`label ${l.theirs} → ${l.ours}${l.how === 'mapped' ? ' (mapped)' : ''}`);
  for (const s of r.schemaAdded) lines.push(`label schema: added ${s}`);
  // Every actor of theirs, and where it landed: nothing is merged into the registry unsaid.
  for (const line of describeActors(r.actors ?? [])) lines.push(`actor: ${line}`);
  lines.push(
    `Imported ${r.layers.length} layer${r.layers.length === 1 ? '' : 's'}: ${r.articlesAdded.length} article${r.articlesAdded.length === 1 ? '' : 's'} added, ${r.articlesMatched} matched by text.`,
  );
  return lines.join('\n');
}
