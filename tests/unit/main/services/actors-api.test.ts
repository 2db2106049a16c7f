import { describe, expect, it } from 'vitest';
import { createEntity, MATCH_THRESHOLD } from '../../../../src/core/actors';
import type { ActorList } from '../../../../src/core/api';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { invertEdit, type Edit } from '../../../../src/core/edits/commands';
import { createDispatcher } from '../../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../../src/main/ipc/handlers';
import type { Workspace } from '../../../../src/main/services/workspace';
import { workspaceForTest } from './support';

/** The actor methods through the real dispatcher (validation included) on a real workspace. */

async function setup() {
  const w = await workspaceForTest();
  const dispatch = createDispatcher(createHandlers(() => w.ws));
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const r = await dispatch(method, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  return { ...w, call };
}

async function tagAll(ws: Workspace, text: string): Promise<{ articleId: string; annotationId: string }[]> {
  const refs = [];
  for (const summary of await ws.listArticles()) {
    const doc = await ws.getDoc(summary.id);
    const start = doc.article.text.search(new RegExp(`\\b${text}\\b`));
    if (start < 0) continue;
    const r = createAnnotation(doc, { label: 'actor', fragments: [{ start, end: start + text.length }] }, { author: 'me', now: new Date().toISOString() });
    if (!r.ok) throw new Error('bad span');
    await ws.applyEdit({ kind: 'doc', articleId: summary.id, command: r.value.command });
    refs.push({ articleId: summary.id, annotationId: r.value.annotation.id });
  }
  return refs;
}

describe('actor api', () => {
  it('matches names, lists entities with counts, lists an entity’s mentions, merges and undoes', async () => {
    const { ws, call } = await setup();
    const zel = createEntity(ws.actors(), { name: 'Volodymyr Zelenskyy', aliases: ['Zelensky'] }, new Date().toISOString());
    if (!zel.ok) throw new Error('bad entity');
    await call('applyEdit', { edit: zel.value.edit });
    const dup = createEntity(ws.actors(), { name: 'V. Zelenskyy' }, new Date().toISOString());
    if (!dup.ok) throw new Error('bad entity');
    await call('applyEdit', { edit: dup.value.edit });

    const matches = await call<{ name: string; match: { id: string; score: number; reason: string } | null; candidates: unknown[] }[]>('matchActorNames', {
      names: ['Zelensky', 'Angela Merkel'],
    });
    expect(matches.map((m) => m.name)).toEqual(['Zelensky', 'Angela Merkel']);
    expect(matches[0]!.match).toMatchObject({ id: zel.value.entity.id, reason: 'alias' });
    expect(matches[0]!.match!.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(matches[1]!.match).toBeNull();

    const spans = await tagAll(ws, 'Zelenskyy');
    expect(spans.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = spans;
    const link = (ref: { articleId: string; annotationId: string }, entity: string): Edit => ({
      kind: 'doc',
      articleId: ref.articleId,
      command: { op: 'update', id: ref.annotationId, before: { entity: null }, after: { entity } },
    });
    await call('applyEdit', { edit: link(first!, zel.value.entity.id) });
    for (const ref of rest) await call('applyEdit', { edit: link(ref, dup.value.entity.id) });

    const list = await call<ActorList>('listActors', {});
    const row = (id: string) => list.entities.find((e) => e.id === id);
    expect(row(zel.value.entity.id)).toMatchObject({ mentions: 1, articles: 1 });
    expect(row(dup.value.entity.id)).toMatchObject({ mentions: rest.length, articles: rest.length });

    const merged = await call<{ edit: Edit }>('actorEdit', { request: { op: 'merge', keepId: zel.value.entity.id, goneId: dup.value.entity.id } });
    const detail = await call<{ mentions: { articleId: string }[] }>('getActor', { id: zel.value.entity.id });
    expect(detail.mentions.map((m) => m.articleId).sort()).toEqual(spans.map((s) => s.articleId).sort());
    await expect(call('getActor', { id: dup.value.entity.id })).rejects.toMatchObject({ code: 'not-found' });

    await call('applyEdit', { edit: invertEdit(merged.edit) });
    const after = await call<ActorList>('listActors', {});
    expect(after.entities.find((e) => e.id === dup.value.entity.id)).toMatchObject({ mentions: rest.length });
    // The matcher follows the registry: the restored entity is matched again.
    const again = await call<{ candidates: { id: string }[] }[]>('matchActorNames', { names: ['V. Zelenskyy'] });
    expect(again[0]!.candidates.map((c) => c.id)).toContain(dup.value.entity.id);
  });

  it('splits mentions off into a new entity, and refuses a merge of an actor with itself', async () => {
    const { ws, call } = await setup();
    const e = createEntity(ws.actors(), { name: 'Putin' }, new Date().toISOString());
    if (!e.ok) throw new Error('bad entity');
    await call('applyEdit', { edit: e.value.edit });
    const spans = await tagAll(ws, 'Putin');
    for (const ref of spans) {
      await call('applyEdit', {
        edit: {
          kind: 'doc',
          articleId: ref.articleId,
          command: { op: 'update', id: ref.annotationId, before: { entity: null }, after: { entity: e.value.entity.id } },
        },
      });
    }
    await call('actorEdit', { request: { op: 'split', sourceId: e.value.entity.id, mentions: [spans[0]], name: 'Vladimir Putin' } });
    const list = await call<ActorList>('listActors', {});
    expect(list.entities.map((x) => [x.name, x.mentions]).sort()).toEqual(
      [
        ['Putin', spans.length - 1],
        ['Vladimir Putin', 1],
      ].sort(),
    );
    await expect(call('actorEdit', { request: { op: 'merge', keepId: e.value.entity.id, goneId: e.value.entity.id } })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('itself'),
    });
    await expect(call('matchActorNames', { names: [] })).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
