import { beforeEach, describe, expect, it } from 'vitest';
import type { ActorDetail, ActorRow } from '../../../../src/core/api';
import type { ActorEntity } from '../../../../src/core/actors/entity';
import type { MatchResult } from '../../../../src/core/actors/names/matcher';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { actorDetail, listActorRows, proposeActor } from '../../../../src/renderer/state/actor-lookup-actions';
import { useActors } from '../../../../src/renderer/state/actors-store';
import { perform, whenSaved } from '../../../../src/renderer/state/editor-history';
import { useWorkspace } from '../../../../src/renderer/state/workspace-store';
import { article, connectTo, FakeBackend, messageTexts, NOW } from './fake-backend';

const KELLOGG: ActorEntity = { id: 'e1', kind: 'person', name: 'Keith Kellogg', aliases: [], properties: {}, note: '', created: NOW, modified: NOW };
const ROW: ActorRow = { ...KELLOGG, mentions: 2, articles: 1 };
const MATCH: MatchResult = {
  name: 'Kellogg',
  match: { id: 'e1', name: 'Keith Kellogg', kind: 'person', score: 0.9, reason: 'surname', reasons: ['surname'], matched: 'Kellogg' },
  candidates: [],
};
const DETAIL: ActorDetail = { entity: KELLOGG, mentions: [] };
const SPAN = { id: 'span-1', quote: 'Kellogg', author: 'me' };

let backend: FakeBackend;
let sent: unknown[];

/** Lets every promise that can settle now settle (no clock involved). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(async () => {
  await whenSaved();
  backend = new FakeBackend([article('a', 'Envoy Kellogg arrived in Kyiv.')]);
  connectTo(backend, 'a');
  sent = [];
  backend.api.matchActorNames = async (args) => (sent.push(args), [MATCH]);
  backend.api.listActors = async () => (backend.calls.push('listActors'), { entities: [ROW] });
  backend.api.getActor = async (args) => (backend.calls.push('getActor'), sent.push(args), DETAIL);
});

/** An edit on its way to the store, held there until `backend.release()`. */
function editInFlight(): void {
  backend.hold();
  const made = createAnnotation(useWorkspace.getState().doc!, { label: 'actor', fragments: [{ start: 6, end: 13 }] }, { author: 'me', now: NOW });
  if (!made.ok) throw new Error('bad test input');
  perform({ kind: 'doc', articleId: 'a', command: made.value.command });
}

describe('actor lookups (state/actor-lookup-actions)', () => {
  it('proposes the entity the matcher finds for an unlinked span, asked with its quote, article and layer', async () => {
    await proposeActor('a', SPAN, () => true);
    expect(sent).toEqual([{ names: ['Kellogg'], articleId: 'a', author: 'me' }]);
    expect(useActors.getState().proposal).toEqual({ annotationId: 'span-1', quote: 'Kellogg', result: MATCH });
  });

  it('asks with at most 200 characters of a long quote', async () => {
    await proposeActor('a', { ...SPAN, quote: 'K'.repeat(300) }, () => true);
    expect(sent).toEqual([{ names: ['K'.repeat(200)], articleId: 'a', author: 'me' }]);
  });

  it('keeps no proposal for a span no longer shown, or when the matcher fails (quietly: the span stays unlinked)', async () => {
    await proposeActor('a', SPAN, () => false);
    expect(useActors.getState().proposal).toBeNull();
    backend.api.matchActorNames = async () => {
      throw new Error('matcher down');
    };
    await expect(proposeActor('a', SPAN, () => true)).resolves.toBeUndefined();
    expect(useActors.getState().proposal).toBeNull();
    expect(messageTexts()).toEqual([]);
  });

  it('lists the registry’s rows only once the edit in flight is stored (else the counts would be the old ones)', async () => {
    editInFlight();
    const rows = listActorRows();
    await settled();
    expect(backend.calls).toEqual(['applyEdit']);
    backend.release();
    expect(await rows).toEqual([ROW]);
    expect(backend.calls).toEqual(['applyEdit', 'listActors']);
  });

  it('reads one entity with its mentions only once the edit in flight is stored', async () => {
    editInFlight();
    const detail = actorDetail('e1');
    await settled();
    expect(backend.calls).toEqual(['applyEdit']);
    backend.release();
    expect(await detail).toEqual(DETAIL);
    expect(backend.calls).toEqual(['applyEdit', 'getActor']);
    expect(sent).toEqual([{ id: 'e1' }]);
  });
});
