import { InvalidArgumentError, type Command } from 'commander';
import { ACTOR_KINDS, type ActorKind } from '../../../core/actors/entity';
import { createEntity } from '../../../core/actors/registry-edits';
import { linkMention } from '../../../core/actors/mention-edits';
import type { MatchCandidate } from '../../../core/actors/names/matcher';
import { linkedEntityIds } from '../../../core/actors/queries';
import type { Edit } from '../../../core/edits/commands';
import { nowIso } from '../../../core/model/ids';
import { formatProblem } from '../../../core/model/result';
import { actorEdit, listActors, matchActorNames } from '../../services/actors/actors';
import { formatTable } from '../table';
import { usingWorkspace, withWorkspaceOption } from '../workspace-option';

/**
 * `lede actors …`: the actor registry (issue 15) from the shell. `lede actors` lists it;
 * `add`, `merge` and `link` change it (taking the workspace lock); `match` says what names most
 * likely are. Usage errors exit 2, failures 1.
 */
export function registerActors(program: Command): void {
  const actors = program.command('actors').description('the actor registry: list (default), add, match, merge, link');
  // `list` is the default, so `lede actors --json` lists; options live on the subcommands only,
  // else the parent would take `--json` away from `match`.
  withWorkspaceOption(actors.command('list', { isDefault: true }))
    .description('list the registry with mention and article counts')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      const { entities } = await usingWorkspace(options.workspace, 'read', listActors);
      if (options.json) {
        console.log(
          JSON.stringify(
            entities.map(({ id, name, kind, aliases, mentions, articles }) => ({ id, name, kind, aliases, mentions, articles })),
            null,
            2,
          ),
        );
        return;
      }
      const rows = entities.map((e) => [e.id, e.name, e.kind, e.aliases.join('; '), String(e.mentions), String(e.articles)]);
      console.log(formatTable(['id', 'name', 'kind', 'aliases', 'mentions', 'articles'], rows, { maxWidth: [24, 40, 12, 40, 8, 8] }));
      console.log(`${entities.length} actor${entities.length === 1 ? '' : 's'}`);
    });

  withWorkspaceOption(actors.command('add'))
    .description('add entities to the registry, one per name')
    .argument('<name...>', 'canonical names')
    .option('--kind <kind>', `${ACTOR_KINDS.join(' | ')} (default person)`, parseKind)
    .action(async (names: string[], options: { workspace?: string; kind?: ActorKind }) => {
      await usingWorkspace(options.workspace, 'write', async (ws) => {
        for (const name of names) {
          const created = createEntity(ws.actors(), { name: name.trim(), ...(options.kind ? { kind: options.kind } : {}) }, nowIso());
          if (!created.ok) throw new Error(`"${name}" was not added: ${formatProblem(created.errors[0]!)}`);
          await ws.applyEdit(created.value.edit);
          console.log(`added\t${created.value.entity.id}\t${created.value.entity.name}`);
        }
      });
    });

  withWorkspaceOption(actors.command('match'))
    .description('what each name most likely is in the registry (proposal and candidates with score and reason)')
    .argument('<name...>', 'names as written in an article')
    .option('--json', 'print JSON')
    .action(async (names: string[], options: { workspace?: string; json?: boolean }) => {
      const results = await usingWorkspace(options.workspace, 'read', (ws) => matchActorNames(ws, names));
      const brief = (c: MatchCandidate) => ({ id: c.id, name: c.name, score: round(c.score), reason: c.reason });
      if (options.json) {
        console.log(
          JSON.stringify(
            results.map((r) => ({ name: r.name, match: r.match ? brief(r.match) : null, candidates: r.candidates.map(brief) })),
            null,
            2,
          ),
        );
        return;
      }
      const rows = results.map((r) => [
        r.name,
        r.match ? `${r.match.name} (${r.match.id})` : '—',
        r.match ? `${round(r.match.score)} ${r.match.reason}` : '',
        r.candidates
          .filter((c) => c.id !== r.match?.id)
          .map((c) => `${c.name} ${round(c.score)}`)
          .join('; '),
      ]);
      console.log(formatTable(['name', 'proposed', 'score', 'other candidates'], rows, { maxWidth: [40, 50, 20, 60] }));
    });

  withWorkspaceOption(actors.command('merge'))
    .description('merge the second entity into the first: its mentions move, its names become aliases')
    .argument('<keep_id>')
    .argument('<gone_id>')
    .action(async (keepId: string, goneId: string, options: { workspace?: string }) => {
      await usingWorkspace(options.workspace, 'write', async (ws) => {
        await actorEdit(ws, { op: 'merge', keepId, goneId });
        console.log(`merged ${goneId} into ${keepId}`);
      });
    });

  withWorkspaceOption(actors.command('link'))
    .description('link every unlinked actor span to the entity the matcher proposes (score at least the threshold)')
    .option('--dry-run', 'print what would be linked, change nothing')
    .action(async (options: { workspace?: string; dryRun?: boolean }) => {
      await usingWorkspace(options.workspace, options.dryRun ? 'read' : 'write', async (ws) => {
        let linked = 0;
        for (const summary of await ws.listArticles()) {
          const doc = await ws.getDoc(summary.id);
          const context = linkedEntityIds(doc);
          const matcher = ws.actorMatcher();
          const edits: Edit[] = [];
          for (const span of doc.annotations.filter((a) => a.label === 'actor' && a.entity === undefined)) {
            const match = matcher.match(span.quote, { context }).match;
            if (!match) continue;
            const edit = linkMention(ws.actors(), doc, span.id, match.id, nowIso());
            if (!edit.ok) continue;
            edits.push(edit.value);
            console.log(
              `${options.dryRun ? 'would link' : 'linked'}\t${summary.id}\t"${span.quote}"\t→ ${match.name} (${match.id}, ${round(match.score)} ${match.reason})`,
            );
          }
          if (edits.length === 0) continue;
          linked += edits.length;
          if (!options.dryRun) await ws.applyEdit({ kind: 'batch', label: `actor links in "${summary.title}"`, edits });
        }
        console.log(`${linked} span${linked === 1 ? '' : 's'} ${options.dryRun ? 'would be ' : ''}linked`);
      });
    });
}

function parseKind(value: string): ActorKind {
  if ((ACTOR_KINDS as readonly string[]).includes(value)) return value as ActorKind;
  throw new InvalidArgumentError(`choose one of ${ACTOR_KINDS.join(', ')}`);
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
