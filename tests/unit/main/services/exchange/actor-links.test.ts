import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../support/cli';
import { createEntity, entitiesNamed, linkMention } from '../../../../../src/core/actors';
import type { ActorEntity } from '../../../../../src/core/actors/entity';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { importAnnotations } from '../../../../../src/main/services/exchange/import-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { loadAnnotationMusts } from '../../../core/formats/w3c/ajv-musts';
import { SHARED_MISSING_REASON, sharedAvailable } from '../../../../support/shared';
import { workspaceForTest } from '../support';
import { asInputs, folderSnapshot, tagWorkspace } from './support';

/**
 * Actor links through every format that can hold them: a seed workspace whose actor spans link
 * registry entities is exported, imported into a fresh workspace, and every link comes back
 * naming the same entity (name, and in Lede JSON kind, aliases and external id too).
 */

if (!sharedAvailable) console.warn(`actor-link W3C schema test ${SHARED_MISSING_REASON}`);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
const NOW = '2026-03-01T10:00:00.000Z';

function must<T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** Links every actor span of the seed layer to an entity named after its text (one per distinct text). */
async function linkSeedActors(ws: Workspace): Promise<number> {
  let linked = 0;
  for (const s of await ws.listArticles()) {
    for (const a of (await ws.getDoc(s.id)).annotations.filter((x) => x.label === 'actor' && x.author === 'seed')) {
      const name = a.quote.replace(/\s+/g, ' ').trim();
      let entity = entitiesNamed(ws.actors(), name)[0];
      if (!entity) {
        const made = must(
          createEntity(
            ws.actors(),
            { name, kind: linked % 2 ? 'organisation' : 'person', aliases: [`${name} (alias)`], ...(linked === 0 ? { externalId: 'Q7747' } : {}) },
            NOW,
          ),
        );
        await ws.applyEdit(made.edit);
        entity = made.entity;
      }
      await ws.applyEdit(must(linkMention(ws.actors(), await ws.getDoc(s.id), a.id, entity.id, NOW)));
      linked++;
    }
  }
  return linked;
}

/** Every linked span of a layer, by article text and offsets, with the entity it names. */
async function links(ws: Workspace, author: string, full = false): Promise<string[]> {
  const out: string[] = [];
  const byId = new Map(ws.actors().entities.map((e) => [e.id, e]));
  for (const s of await ws.listArticles()) {
    const doc = await ws.getDoc(s.id);
    for (const a of doc.annotations.filter((x) => x.author === author && x.entity)) {
      const e = byId.get(a.entity!);
      expect(e, `annotation ${a.id} links ${a.entity}, which the registry lacks`).toBeDefined();
      const what = full ? JSON.stringify({ id: e!.id, name: e!.name, kind: e!.kind, aliases: e!.aliases, externalId: e!.externalId }) : e!.name;
      out.push(`${doc.article.hash} ${a.fragments.map((f) => `${f.start}-${f.end}`).join(',')} -> ${what}`);
    }
  }
  return out.sort();
}

async function seeded() {
  const w = await workspaceForTest();
  await tagWorkspace(w.ws);
  const linked = await linkSeedActors(w.ws);
  expect(linked).toBeGreaterThan(3);
  return w;
}

describe('actor links survive export and import into a fresh workspace', () => {
  it('Lede JSON: every link, and the entities whole (ids, names, kinds, aliases, external ids)', async () => {
    const { ws } = await seeded();
    const out = await exportFiles(ws, { format: 'lede', annotators: ['seed'] });
    const file = JSON.parse(out.files[0]!.content) as { actors: ActorEntity[] };
    expect(file.actors.map((e) => e.id)).toEqual(ws.actors().entities.map((e) => e.id));
    const fresh = await workspaceForTest();
    const result = await importAnnotations(fresh.ws, asInputs(out.files));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.actors?.map((a) => a.how)).toEqual(ws.actors().entities.map(() => 'created'));
    expect(fresh.ws.actors()).toEqual(ws.actors());
    expect(await links(fresh.ws, 'seed', true)).toEqual(await links(ws, 'seed', true));
    // Durable: the registry was written with the articles, and reads back after reopening.
    await fresh.ws.close();
    const reopened = await (await import('../../../../../src/main/services/workspace')).openWorkspace(fresh.dir, { mode: 'read' });
    expect(reopened.actors()).toEqual(ws.actors());
    await reopened.close();
  });

  it('brat: one "N<TAB>Reference T<n> Lede:<id><TAB>name" line per linked span; imported back, every link', async () => {
    const { ws } = await seeded();
    const out = await exportFiles(ws, { format: 'brat', annotators: ['seed'] });
    expect(out.report).toContain(
      `actor links of ${(await links(ws, 'seed')).length} spans: brat standoff carries each entity's id and canonical name only; its kind, aliases, properties, external id and note travel in Lede JSON`,
    );
    const names = new Map(ws.actors().entities.map((e) => [e.id, e.name]));
    let lines = 0;
    for (const f of out.files.filter((x) => x.path.endsWith('.ann'))) {
      const ids = new Set(
        f.content
          .split('\n')
          .filter((l) => /^T\d+\t/.test(l))
          .map((l) => l.split('\t')[0]),
      );
      for (const line of f.content.split('\n').filter((l) => l.includes('Lede:'))) {
        const m = /^(N\d+)\tReference (T\d+) Lede:(\S+)\t(.+)$/.exec(line);
        expect(m, line).not.toBeNull();
        expect(ids.has(m![2]), `${line} names a text-bound annotation of its file`).toBe(true);
        expect(m![4]).toBe(names.get(m![3]!));
        lines++;
      }
    }
    expect(lines).toBe((await links(ws, 'seed')).length);
    const fresh = await workspaceForTest();
    const result = await importAnnotations(fresh.ws, asInputs(out.files), { as: 'seed' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.actors?.every((a) => a.how === 'created')).toBe(true);
    expect(await links(fresh.ws, 'seed')).toEqual(await links(ws, 'seed'));
    // The external references brat held beside them are kept, not turned into links.
    const emoji = (await fresh.ws.listArticles()).find((s) => s.source === 'emoji.txt')!;
    expect((await fresh.ws.getDoc(emoji.id)).annotations.flatMap((a) => a.normalizations ?? [])).toEqual([{ resource: 'Wikidata', ref: 'Q90', text: 'Paris' }]);
  });

  it('W3C: an identifying body per linked span, valid by the W3C annotationMusts schemas; imported back, every link', async () => {
    const { ws } = await seeded();
    const out = await exportFiles(ws, { format: 'w3c', annotators: ['seed'] });
    const collection = JSON.parse(out.files[0]!.content) as {
      '@context': unknown;
      first: { items: { body: { purpose: string; source?: string; 'lede:entityName'?: string }[] }[] };
    };
    const identified = collection.first.items.filter((a) => a.body.some((b) => b.purpose === 'identifying'));
    expect(identified.length).toBe((await links(ws, 'seed')).length);
    const body = identified[0]!.body.find((b) => b.purpose === 'identifying')!;
    expect(body.source).toMatch(/^urn:lede:entity:/);
    expect(body['lede:entityName']).toBe(ws.actors().entities.find((e) => body.source!.endsWith(encodeURIComponent(e.id)))!.name);
    if (sharedAvailable) {
      const check = loadAnnotationMusts();
      for (const a of identified) expect(check({ '@context': collection['@context'], ...a })).toEqual([]);
    }
    const fresh = await workspaceForTest();
    const result = await importAnnotations(fresh.ws, asInputs(out.files), { as: 'seed' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.notes.filter((n) => /other than tagging/.test(n))).toEqual([]);
    expect(await links(fresh.ws, 'seed')).toEqual(await links(ws, 'seed'));
  });
});

describe('actor links in JSONL and CSV', () => {
  for (const variant of ['label', 'entities'] as const) {
    it(`JSONL (${variant}): every link comes back${variant === 'entities' ? '; each span carries entity_id and entity_name' : ''}`, async () => {
      const { ws } = await seeded();
      const out = await exportFiles(ws, { format: 'jsonl', jsonlVariant: variant, annotators: ['seed'] });
      if (variant === 'entities') {
        const spans = out.files[0]!.content.trim()
          .split('\n')
          .flatMap((l) => (JSON.parse(l) as { entities: { entity_id?: string; entity_name?: string }[] }).entities);
        const named = spans.filter((e) => e.entity_id);
        expect(named.length).toBe((await links(ws, 'seed')).length);
        for (const e of named) expect(e.entity_name).toBe(ws.actors().entities.find((x) => x.id === e.entity_id)!.name);
      }
      const fresh = await workspaceForTest();
      const result = await importAnnotations(fresh.ws, asInputs(out.files), { as: 'seed' });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(await links(fresh.ws, 'seed')).toEqual(await links(ws, 'seed'));
    });
  }

  it('CSV: entity id and canonical name for the row and for its speakers, sources and participants', async () => {
    const { ws } = await seeded();
    const out = await exportFiles(ws, { format: 'csv', annotators: ['seed'] });
    const Papa = (await import('papaparse')).default;
    const rows = Papa.parse<Record<string, string>>(out.files[0]!.content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const name = (id: string) => ws.actors().entities.find((e) => e.id === id)!.name;
    const actors = rows.filter((r) => r.entity_id);
    expect(actors.length).toBe((await links(ws, 'seed')).length);
    for (const r of actors) expect(r.entity_name).toBe(name(r.entity_id!));
    const speakers = rows.filter((r) => r.speaker_entity_id);
    expect(speakers.length).toBeGreaterThan(0);
    for (const r of speakers) expect(r.speaker_entity_name).toBe(r.speaker_entity_id!.split('; ').map(name).join('; '));
    for (const column of ['source_entity_id', 'source_entity_name', 'participant_entity_ids', 'participant_entity_names'])
      expect(Object.keys(rows[0]!)).toContain(column);
  });
});

describe("a colleague's actors are linked to yours and reported, never merged silently", () => {
  it('the same id is the same entity; else a name the matcher recognises; else a new entity', async () => {
    const { ws } = await seeded();
    const out = await exportFiles(ws, { format: 'lede', annotators: ['seed'] });
    // The colleague's workspace already knows one of the people, under its own id.
    const theirs = await workspaceForTest();
    // A name no other seed actor shares a part with, so exactly one of theirs matches it.
    const first = entitiesNamed(ws.actors(), 'Keith Kellogg')[0]!;
    const known = must(createEntity(theirs.ws.actors(), { name: first.name, kind: first.kind }, NOW));
    await theirs.ws.applyEdit(known.edit);
    const result = await importAnnotations(theirs.ws, asInputs(out.files), { as: 'colleague' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const matched = result.report.actors!.find((a) => a.theirs === first.id)!;
    expect(matched).toMatchObject({ how: 'matched', ours: known.entity.id, oursName: first.name });
    expect(matched.score).toBeGreaterThanOrEqual(0.75);
    expect(theirs.ws.actors().entities.filter((e) => e.name === first.name)).toHaveLength(1);
    expect(result.report.actors!.filter((a) => a.how === 'created')).toHaveLength(ws.actors().entities.length - 1);
    // Imported again into the source workspace: every entity is its own by id.
    const again = await importAnnotations(ws, asInputs(out.files), { as: 'colleague' });
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.report.actors!.every((a) => a.how === 'same-id' && a.ours === a.theirs)).toBe(true);
    expect((await links(ws, 'colleague')).length).toBe((await links(ws, 'seed')).length);
  });

  it('lede import-annotations --yes prints how each actor landed', async () => {
    const { ws } = await seeded();
    const out = await exportFiles(ws, { format: 'lede', annotators: ['seed'] });
    const folder = mkdtempSync(join(tmpdir(), 'lede-actors-'));
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    writeFileSync(join(folder, 'set.lede.json'), out.files[0]!.content);
    const target = await workspaceForTest();
    const known = must(createEntity(target.ws.actors(), { name: 'Keith Kellogg', kind: entitiesNamed(ws.actors(), 'Keith Kellogg')[0]!.kind }, NOW));
    await target.ws.applyEdit(known.edit);
    await target.ws.close();
    const run = runCli(['import-annotations', '--workspace', target.dir, '--as', 'colleague', '--yes', join(folder, 'set.lede.json')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`actor: Actor "Keith Kellogg" \\(ent_\\w+\\) was linked to your "Keith Kellogg" \\(${known.entity.id}\\) by name: \\w+, score`),
    );
    expect(run.stdout).toMatch(/actor: Actor "Vladimir Putin" was added to the registry as ent_\w+\./);
  });

  it('a span linking an entity neither the file nor the workspace has is refused, and nothing changes', async () => {
    const { ws, dir } = await seeded();
    const out = await exportFiles(ws, { format: 'lede', annotators: ['seed'] });
    const file = JSON.parse(out.files[0]!.content) as { actors?: unknown };
    delete file.actors;
    const fresh = await workspaceForTest();
    const before = folderSnapshot(fresh.dir);
    const result = await importAnnotations(fresh.ws, asInputs([{ path: 'x.lede.json', content: JSON.stringify(file) }]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/links the actor ent_\S+, which neither the file's registry nor this workspace has/);
    expect(folderSnapshot(fresh.dir)).toEqual(before);
    expect(dir).toBeTruthy();
  });

  it('putDocs refuses a document whose span links an entity the registry lacks', async () => {
    const { ws } = await workspaceForTest();
    const s = (await ws.listArticles())[0]!;
    const doc = await ws.getDoc(s.id);
    const text = doc.article.text;
    const a = {
      id: 'a1',
      label: 'actor',
      fragments: [{ start: 0, end: 3 }],
      quote: text.slice(0, 3),
      prefix: '',
      suffix: text.slice(3, 35),
      attributes: {},
      note: '',
      author: 'me',
      created: NOW,
      modified: NOW,
      entity: 'ent_nowhere',
    };
    await expect(ws.putDocs([{ ...doc, annotations: [a] }], ws.labelSchema())).rejects.toMatchObject({
      details: [expect.stringMatching(/links the actor ent_nowhere, which the actor registry lacks/)],
    });
    expect((await ws.getDoc(s.id)).annotations).toEqual(doc.annotations);
  });
});
