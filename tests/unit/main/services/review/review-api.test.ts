import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../../../src/core/edits/builders';
import { createDispatcher } from '../../../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../../../src/main/ipc/handlers';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { newWorkspace } from '../support';

/** The review methods through the dispatcher both transports share: arguments checked, errors as envelopes. */
let ws: Workspace;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ ws, cleanup } = await newWorkspace()));
afterEach(async () => cleanup());

async function tag(id: string, author: string, label: string, start: number, end: number): Promise<void> {
  const made = createAnnotation(await ws.getDoc(id), { label, fragments: [{ start, end }] }, { author, now: '2025-01-01T00:00:00.000Z' });
  if (!made.ok) throw new Error('bad test annotation');
  await ws.applyEdit({ kind: 'doc', articleId: id, command: made.value.command });
}

describe('review api', () => {
  it('answers overview, report and disagreements, and refuses bad arguments before any work', async () => {
    const dispatch = createDispatcher(
      createHandlers(() => ws),
      () => undefined,
    );
    const [id] = (await ws.listArticles()).map((a) => a.id);
    await tag(id!, 'me', 'actor', 0, 9);
    await tag(id!, 'colleague', 'actor', 0, 9);
    await tag(id!, 'colleague', 'claim', 10, 20);

    const overview = await dispatch('reviewOverview', { layerA: 'me', layerB: 'colleague', reviewed: 'reviewed' });
    expect(overview).toMatchObject({ ok: true, value: { overall: { articles: 1, open: 2, settled: 0 } } });
    const report = await dispatch('agreementReport', { layers: ['me', 'colleague'], articleIds: [id] });
    expect(report).toMatchObject({ ok: true, value: { annotators: ['colleague', 'me'], labels: ['actor', 'claim'], documents: [{ id }] } });
    const rows = await dispatch('agreementDisagreements', { layers: ['me', 'colleague'], figure: { kind: 'instance', label: 'claim' } });
    expect(rows).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ articleId: id, label: 'claim', side: 'A', layers: ['colleague', 'me'], start: 10, end: 20 }] },
    });

    for (const [method, args] of [
      ['agreementReport', { layers: ['me'] }],
      ['agreementReport', { layers: ['me', 'me'] }],
      ['agreementReport', { layers: ['me', 'colleague'], articleIds: [] }],
      ['agreementDisagreements', { layers: ['me', 'colleague'], figure: { kind: 'kappa', label: 'claim' } }],
      ['reviewOverview', { layerA: 'me', layerB: 'me', reviewed: 'reviewed' }],
    ] as const) {
      const answer = await dispatch(method, args);
      expect(answer, `${method} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await dispatch('agreementReport', { layers: ['me', 'nobody'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: 'No layer named "nobody" in this workspace. Layers: colleague, me.' },
    });
  });
});
