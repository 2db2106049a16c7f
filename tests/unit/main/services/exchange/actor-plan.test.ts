import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../support/cli';
import { createEntity, linkMention } from '../../../../../src/core/actors';
import { createAnnotation } from '../../../../../src/core/edits/builders';
import { NEW_ACTOR } from '../../../../../src/core/formats/entity-links';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { importAnnotations } from '../../../../../src/main/services/exchange/import-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { newWorkspace } from '../support';
import { asInputs, folderSnapshot } from './support';

/**
 * "Importing a colleague's set links its entities to yours by id, else by name through the matcher,
 * and reports what it merged or created; nothing is merged silently" (issue 15): the import's plan
 * lists every actor of theirs and where it will land before anything is stored; the analyst may
 * turn a name match into a new actor; a failed or cancelled import changes nothing.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function workspace() {
  const w = await newWorkspace();
  cleanups.push(w.cleanup);
  return w;
}
const NOW = '2026-03-01T10:00:00.000Z';

function must<T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** Links the first occurrence of `text` in the first seed article that has it to a new entity `name`; returns the entity's id. */
async function tagAndLink(ws: Workspace, text: string, name: string, author = 'me'): Promise<string> {
  for (const s of await ws.listArticles()) {
    const doc = await ws.getDoc(s.id);
    const start = doc.article.text.indexOf(text);
    if (start < 0) continue;
    const id = `a_${name.replace(/\W/g, '')}`;
    await ws.applyEdit({
      kind: 'doc',
      articleId: s.id,
      command: must(createAnnotation(doc, { label: 'actor', fragments: [{ start, end: start + text.length }], id }, { author, now: NOW })).command,
    });
    const made = must(createEntity(ws.actors(), { name, kind: 'person' }, NOW, { allowSameName: true }));
    await ws.applyEdit(made.edit);
    await ws.applyEdit(must(linkMention(ws.actors(), await ws.getDoc(s.id), id, made.entity.id, NOW)));
    return made.entity.id;
  }
  throw new Error(`no seed article has "${text}"`);
}

/** A colleague's Lede JSON: "Zelensky" (a name ours knows as Volodymyr Zelenskyy) and "Keith Kellogg" (new to us). */
async function colleagueSet() {
  const theirs = await workspace();
  const zelensky = await tagAndLink(theirs.ws, 'Zelensky', 'Zelensky', 'carla');
  const kellogg = await tagAndLink(theirs.ws, 'Keith Kellogg', 'Keith Kellogg', 'carla');
  const out = await exportFiles(theirs.ws, { format: 'lede', annotators: ['carla'] });
  return { files: asInputs(out.files), zelensky, kellogg };
}

async function ours() {
  const w = await workspace();
  const made = must(createEntity(w.ws.actors(), { name: 'Volodymyr Zelenskyy', kind: 'person' }, NOW));
  await w.ws.applyEdit(made.edit);
  return { ...w, zelenskyy: made.entity.id };
}

describe("the plan of a colleague's actors, before anything is stored", () => {
  it("preview 'review' stores nothing and says where each actor will land: by name (score, reason) or new", async () => {
    const { files, zelensky, kellogg } = await colleagueSet();
    const { ws, dir, zelenskyy } = await ours();
    const before = folderSnapshot(dir);
    const plan = await importAnnotations(ws, files, { preview: 'review' });
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    expect(plan.report.preview).toBe(true);
    expect(plan.report.actors!.map((a) => [a.theirs, a.how, a.how === 'created' ? 'new' : a.ours])).toEqual(
      [
        [zelensky, 'matched', zelenskyy],
        [kellogg, 'created', 'new'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    const matched = plan.report.actors!.find((a) => a.how === 'matched')!;
    expect(matched.score).toBeGreaterThanOrEqual(0.75);
    expect(matched.reason).toMatch(/\w/);
    // Cancelling is not importing: nothing was written, and the registry is as it was.
    expect(folderSnapshot(dir)).toEqual(before);
    expect(ws.actors().entities.map((e) => e.name)).toEqual(['Volodymyr Zelenskyy']);
  });

  it('the analyst turns the name match into a new actor: both are added, the spans link them, the report says so', async () => {
    const { files, zelensky, kellogg } = await colleagueSet();
    const { ws, zelenskyy } = await ours();
    const result = await importAnnotations(ws, files, { actors: { [zelensky]: NEW_ACTOR, [kellogg]: NEW_ACTOR } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const declined = result.report.actors!.find((a) => a.theirs === zelensky)!;
    expect(declined).toMatchObject({ how: 'created', declined: { id: zelenskyy, name: 'Volodymyr Zelenskyy' } });
    expect(
      ws
        .actors()
        .entities.map((e) => e.name)
        .sort(),
    ).toEqual(['Keith Kellogg', 'Volodymyr Zelenskyy', 'Zelensky']);
    const linked: string[] = [];
    for (const s of await ws.listArticles())
      for (const a of (await ws.getDoc(s.id)).annotations)
        if (a.author === 'carla') linked.push(`${a.quote} -> ${ws.actors().entities.find((e) => e.id === a.entity)!.name}`);
    expect(linked.sort()).toEqual(['Keith Kellogg -> Keith Kellogg', 'Zelensky -> Zelensky']);
  });

  it('accepting the plan as reviewed links by name; a decision naming an actor of ours that is gone refuses and changes nothing', async () => {
    const { files, zelensky, kellogg } = await colleagueSet();
    const { ws, dir, zelenskyy } = await ours();
    const before = folderSnapshot(dir);
    const gone = await importAnnotations(ws, files, { actors: { [zelensky]: 'ent_gone', [kellogg]: NEW_ACTOR } });
    expect(gone.ok).toBe(false);
    if (!gone.ok)
      expect(gone.errors.map((e) => e.message)).toEqual([
        `their actor "Zelensky" (${zelensky}) was to be linked to your actor ent_gone, which is no longer in the registry; review the import again`,
      ]);
    const unknown = await importAnnotations(ws, files, { actors: { ent_nobody: NEW_ACTOR } });
    expect(unknown.ok).toBe(false);
    expect(folderSnapshot(dir)).toEqual(before);
    const accepted = await importAnnotations(ws, files, { actors: { [zelensky]: zelenskyy, [kellogg]: NEW_ACTOR } });
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
    expect(accepted.report.actors!.find((a) => a.theirs === zelensky)).toMatchObject({ how: 'matched', ours: zelenskyy });
    expect(
      ws
        .actors()
        .entities.map((e) => e.name)
        .sort(),
    ).toEqual(['Keith Kellogg', 'Volodymyr Zelenskyy']);
  });

  it("a set without actors or new labels imports at once under 'review' (one round trip, as before)", async () => {
    const theirs = await workspace();
    const s = (await theirs.ws.listArticles())[0]!;
    const doc = await theirs.ws.getDoc(s.id);
    await theirs.ws.applyEdit({
      kind: 'doc',
      articleId: s.id,
      command: must(createAnnotation(doc, { label: 'claim', fragments: [{ start: 0, end: 5 }], id: 'c1' }, { author: 'carla', now: NOW })).command,
    });
    const out = await exportFiles(theirs.ws, { format: 'lede', annotators: ['carla'] });
    const { ws } = await ours();
    const result = await importAnnotations(ws, asInputs(out.files), { preview: 'review' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.preview).toBeUndefined();
    expect(result.report.layers.map((l) => [l.author, l.annotations])).toEqual([['carla', 1]]);
  });
});

describe('lede import-annotations: the same plan, and a link by name only when accepted', () => {
  async function onDisk() {
    const { files, zelensky } = await colleagueSet();
    const folder = mkdtempSync(join(tmpdir(), 'lede-actor-plan-'));
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    writeFileSync(join(folder, 'set.lede.json'), files[0]!.bytes);
    const target = await ours();
    await target.ws.close();
    return { file: join(folder, 'set.lede.json'), dir: target.dir, zelensky, zelenskyy: target.zelenskyy };
  }

  it('prints the plan and imports nothing (exit 1) while a name match is unaccepted; --dry-run prints it (exit 0)', async () => {
    const { file, dir, zelensky, zelenskyy } = await onDisk();
    const before = folderSnapshot(dir);
    const refused = runCli(['import-annotations', '--workspace', dir, file]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('Plan (nothing stored yet):');
    expect(refused.stdout).toMatch(
      new RegExp(`actor: "Zelensky" \\(${zelensky}\\) will be linked to your "Volodymyr Zelenskyy" \\(${zelenskyy}\\) by name: \\w+, score 0\\.\\d\\d`),
    );
    expect(refused.stdout).toMatch(/actor: "Keith Kellogg" \(ent_\w+\) will be added as new/);
    expect(refused.stderr).toContain('Nothing was imported: 1 of their actors would be linked to yours by name (above).');
    expect(refused.stderr).toContain(`--new-actor ${zelensky}`);
    const dry = runCli(['import-annotations', '--workspace', dir, '--dry-run', file]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Plan (nothing stored yet):');
    expect(folderSnapshot(dir)).toEqual(before);
  });

  it('--new-actor adds it as new; --yes links it by name; both print the report', async () => {
    const declined = await onDisk();
    const run = runCli(['import-annotations', '--workspace', declined.dir, '--new-actor', declined.zelensky, declined.file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/actor: Actor "Zelensky" was added to the registry as ent_\w+ \(you chose not to link it to your "Volodymyr Zelenskyy"\)\./);
    const accepted = await onDisk();
    const yes = runCli(['import-annotations', '--workspace', accepted.dir, '--yes', accepted.file]);
    expect(yes.stderr).toBe('');
    expect(yes.status).toBe(0);
    expect(yes.stdout).toMatch(
      new RegExp(`actor: Actor "Zelensky" \\(${accepted.zelensky}\\) was linked to your "Volodymyr Zelenskyy" \\(${accepted.zelenskyy}\\) by name`),
    );
  });
});
