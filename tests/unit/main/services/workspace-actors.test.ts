import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAndLink, createEntity, deleteEntity, linkMention, mergeEntities, renameEntity } from '../../../../src/core/actors';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { invertEdit, type Edit } from '../../../../src/core/edits/commands';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { ACTORS_FILE } from '../../../../src/main/services/actors/actor-store';
import { openWorkspace, type Workspace } from '../../../../src/main/services/workspace';
import { docOnDisk, workspaceForTest, SEEDS_DIR } from './support';

/** The actor registry in a real workspace: actors.json, the mention index, undo across articles. */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const now = () => new Date().toISOString();

/** Tags the first occurrence of `text` in the article as an actor; returns the annotation id. */
async function tag(ws: Workspace, articleId: string, text: string, from = 0): Promise<string> {
  const doc = await ws.getDoc(articleId);
  const start = doc.article.text.indexOf(text, from);
  if (start < 0) throw new Error(`"${text}" is not in ${articleId}`);
  const r = createAnnotation(doc, { label: 'actor', fragments: [{ start, end: start + text.length }] }, { author: 'me', now: now() });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  await ws.applyEdit({ kind: 'doc', articleId, command: r.value.command });
  return r.value.annotation.id;
}

function must<T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** Every file of the workspace except backups and caches, by path, as bytes. */
/** The stored files' content; an article as stored = its file plus its change journal replayed (compaction writes exactly that). */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of [ACTORS_FILE, 'label-schema.json']) files.set(name, readFileSync(join(dir, name), 'utf8'));
  for (const name of readdirSync(join(dir, 'articles'))) {
    if (name.endsWith('.json')) files.set(`articles/${name}`, JSON.stringify(docOnDisk(dir, name.slice(0, -'.json'.length))));
  }
  return files;
}

async function articleWith(ws: Workspace, text: string): Promise<ArticleDoc[]> {
  const docs = await Promise.all((await ws.listArticles()).map((a) => ws.getDoc(a.id)));
  return docs.filter((d) => d.article.text.includes(text));
}

describe('the actor registry in the workspace', () => {
  it('a new workspace has an empty actors.json', async () => {
    const { ws, dir } = await workspaceForTest();
    expect(ws.actors()).toEqual({ entities: [] });
    expect(JSON.parse(readFileSync(join(dir, ACTORS_FILE), 'utf8'))).toEqual({ schemaVersion: 1, registry: { entities: [] } });
  });

  it('creates and links an entity, keeps it across a restart, and undoes it byte for byte', async () => {
    const { ws, dir } = await workspaceForTest();
    const [doc0] = await articleWith(ws, 'Zelenskyy');
    const spanId = await tag(ws, doc0!.article.id, 'Zelenskyy');
    const before = snapshot(dir);
    const created = must(createAndLink(ws.actors(), await ws.getDoc(doc0!.article.id), spanId, { kind: 'person' }, now()));
    await ws.applyEdit(created.edit);
    expect(ws.actors().entities.map((e) => e.name)).toEqual(['Zelenskyy']);
    await ws.close();

    const reopened = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
    cleanups.push(() => reopened.close());
    expect(reopened.actors().entities).toEqual([created.entity]);
    expect((await reopened.getDoc(doc0!.article.id)).annotations.find((a) => a.id === spanId)?.entity).toBe(created.entity.id);
    expect((await reopened.mentionIndex()).articlesOf(created.entity.id)).toEqual([doc0!.article.id]);

    await reopened.applyEdit(invertEdit(created.edit));
    await reopened.flush();
    expect(snapshot(dir)).toEqual(before);
    expect((await reopened.mentionIndex()).articlesOf(created.entity.id)).toEqual([]);
  });

  it('merges two entities linked across three articles; undo restores every file byte for byte', async () => {
    const { ws, dir } = await workspaceForTest();
    const docs = await articleWith(ws, 'Putin');
    expect(docs.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = docs.map((d) => d.article.id) as [string, string, string];
    const putin = must(createEntity(ws.actors(), { name: 'Vladimir Putin' }, now()));
    await ws.applyEdit(putin.edit);
    const other = must(createEntity(ws.actors(), { name: 'Putin', aliases: ['V. Putin'] }, now(), { allowSameName: true }));
    await ws.applyEdit(other.edit);
    const link = async (articleId: string, entityId: string, from = 0) => {
      const spanId = await tag(ws, articleId, 'Putin', from);
      await ws.applyEdit(must(linkMention(ws.actors(), await ws.getDoc(articleId), spanId, entityId, now())));
    };
    await link(a, putin.entity.id);
    await link(b, other.entity.id);
    await link(c, other.entity.id);
    const index = await ws.mentionIndex();
    expect(index.articlesOf(other.entity.id)).toEqual([b, c].sort());
    await ws.flush();
    const before = snapshot(dir);

    const merge = must(mergeEntities(ws.actors(), await ws.docsMentioning(putin.entity.id, other.entity.id), putin.entity.id, other.entity.id, now()));
    await ws.applyEdit(merge);
    await ws.flush();
    expect(ws.actors().entities.map((e) => e.id)).toEqual([putin.entity.id]);
    expect(ws.actors().entities[0]!.aliases).toEqual(expect.arrayContaining(['Putin', 'V. Putin']));
    expect(index.articlesOf(putin.entity.id)).toEqual([a, b, c].sort());
    expect(index.articlesOf(other.entity.id)).toEqual([]);
    for (const id of [a, b, c]) expect((await ws.getDoc(id)).annotations.filter((x) => x.entity === putin.entity.id)).toHaveLength(1);

    await ws.applyEdit(invertEdit(merge));
    await ws.flush();
    expect(snapshot(dir)).toEqual(before);
    expect(index.articlesOf(other.entity.id)).toEqual([b, c].sort());
  });

  it('refuses to remove an entity that a span in another article still links, and changes nothing', async () => {
    const { ws, dir } = await workspaceForTest();
    const [doc] = await articleWith(ws, 'Zelenskyy');
    const spanId = await tag(ws, doc!.article.id, 'Zelenskyy');
    const created = must(createAndLink(ws.actors(), await ws.getDoc(doc!.article.id), spanId, {}, now()));
    await ws.applyEdit(created.edit);
    await ws.flush();
    const before = snapshot(dir);
    // A registry-only removal, as a stale client might send: the span would point at nothing.
    const removal: Edit = { kind: 'actors', command: { op: 'remove', entities: [created.entity] } };
    await expect(ws.applyEdit(removal)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('still link') });
    expect(snapshot(dir)).toEqual(before);
    // Deleting through the builder (which unlinks every mention) is allowed.
    await ws.applyEdit(must(deleteEntity(ws.actors(), await ws.docsMentioning(created.entity.id), created.entity.id, now())));
    expect(ws.actors().entities).toEqual([]);
    expect((await ws.getDoc(doc!.article.id)).annotations.find((a) => a.id === spanId)?.entity).toBeUndefined();
  });

  it('refuses a link to an entity that is not in the registry', async () => {
    const { ws } = await workspaceForTest();
    const [doc] = await articleWith(ws, 'Zelenskyy');
    const spanId = await tag(ws, doc!.article.id, 'Zelenskyy');
    const ghost = must(createEntity(ws.actors(), { name: 'Nobody' }, now())).entity;
    const fake = must(linkMention({ entities: [ghost] }, await ws.getDoc(doc!.article.id), spanId, ghost.id, now()));
    await expect(ws.applyEdit(fake)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('sets a damaged actors.json aside and restores the newest valid backup', async () => {
    const { ws, dir } = await workspaceForTest();
    const first = must(createEntity(ws.actors(), { name: 'Volodymyr Zelenskyy' }, now()));
    await ws.applyEdit(first.edit);
    const second = must(renameEntity(ws.actors(), first.entity.id, 'Volodymyr Zelensky', now(), true));
    await ws.applyEdit(second);
    await ws.close();
    const damaged = readFileSync(join(dir, ACTORS_FILE), 'utf8').slice(0, 40);
    writeFileSync(join(dir, ACTORS_FILE), damaged);

    const reopened = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
    cleanups.push(() => reopened.close());
    expect(reopened.actors().entities.map((e) => e.name)).toEqual(['Volodymyr Zelenskyy']);
    const notice = reopened.info().notices.find((n) => n.includes(ACTORS_FILE));
    expect(notice).toMatch(/damaged.*moved to .*restored/s);
    const aside = readdirSync(join(dir, 'damaged'), { recursive: true })
      .map(String)
      .filter((n) => n.includes('actors'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, 'damaged', aside[0]!), 'utf8')).toBe(damaged);
  });

  it('refuses an actors.json that breaks the registry rules (two entities with one id)', async () => {
    const { ws, dir } = await workspaceForTest();
    const e = must(createEntity(ws.actors(), { name: 'Kyiv', kind: 'place' }, now())).entity;
    await ws.close();
    writeFileSync(join(dir, ACTORS_FILE), JSON.stringify({ schemaVersion: 1, registry: { entities: [e, e] } }));
    const reopened = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
    cleanups.push(() => reopened.close());
    expect(reopened.info().notices.join('\n')).toMatch(/actors\.json was damaged \(it The actor registry has two entities|actors\.json was damaged/);
    expect(reopened.actors()).toEqual({ entities: [] });
  });
});
