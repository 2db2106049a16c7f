import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareLayers, differencesOf } from '../../../../../src/core/agreement/compare';
import { createAnnotation } from '../../../../../src/core/edits/builders';
import { invertEdit } from '../../../../../src/core/edits/commands';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { acceptAgreed, decide, type Decision } from '../../../../../src/core/review';
import { reviewOverview } from '../../../../../src/main/services/review/review-overview';
import { workspaceLayers } from '../../../../../src/main/services/review/workspace-agreement';
import { openWorkspace, type Workspace } from '../../../../../src/main/services/workspace';
import { newWorkspace, SEEDS_DIR } from '../support';

let ws: Workspace;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ ws, dir, cleanup } = await newWorkspace()));
afterEach(async () => cleanup());

const LAYERS = { layerA: 'me', layerB: 'colleague', reviewed: 'reviewed' };
const NOW = '2025-01-01T00:00:00.000Z';

async function tag(id: string, author: string, label: string, word: string, nth = 0): Promise<void> {
  const doc = await ws.getDoc(id);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.article.text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`"${word}" is not in the article`);
  const made = createAnnotation(doc, { label, fragments: [{ start: at, end: at + word.length }] }, { author, now: NOW });
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  await ws.applyEdit({ kind: 'doc', articleId: id, command: made.value.command });
}

async function settle(id: string, itemId: string, decision: Decision): Promise<void> {
  const doc: ArticleDoc = await ws.getDoc(id);
  const edit = decide({ doc, comparison: compareLayers(doc, 'me', 'colleague'), reviewed: 'reviewed', now: NOW }, itemId, decision);
  if (!edit.ok) throw new Error(JSON.stringify(edit.errors));
  if (edit.value) await ws.applyEdit(edit.value);
}

describe('reviewOverview', () => {
  it('counts settled and open items per article and overall, from the stored layers alone', async () => {
    const [first, second] = (await ws.listArticles()).map((a) => a.id);
    await tag(first!, 'me', 'actor', 'Trump');
    await tag(first!, 'colleague', 'actor', 'Trump');
    await tag(first!, 'me', 'actor', 'Putin');
    await tag(first!, 'colleague', 'claim', 'Putin');
    await tag(second!, 'colleague', 'actor', 'Kremlin');

    let overview = await reviewOverview(ws, LAYERS);
    expect(overview.articles.map((a) => a.articleId)).toEqual([first, second]);
    expect(overview.articles[0]).toMatchObject({ settled: 0, open: 2, differences: { settled: 0, open: 1 }, agreed: { settled: 0, open: 1 } });
    expect(overview.overall).toMatchObject({ articles: 2, articlesDone: 0, settled: 0, open: 3 });

    const doc = await ws.getDoc(first!);
    const agreed = acceptAgreed({ doc, comparison: compareLayers(doc, 'me', 'colleague'), reviewed: 'reviewed', now: NOW });
    if (!agreed.ok || !agreed.value) throw new Error('nothing to accept');
    await ws.applyEdit(agreed.value);
    const [labelDiff] = differencesOf(compareLayers(await ws.getDoc(first!), 'me', 'colleague'));
    await settle(first!, labelDiff!.id, { kind: 'reject' });
    const [onlyB] = differencesOf(compareLayers(await ws.getDoc(second!), 'me', 'colleague'));
    await settle(second!, onlyB!.id, { kind: 'acceptB' });

    overview = await reviewOverview(ws, LAYERS);
    expect(overview.overall).toMatchObject({ articles: 2, articlesDone: 2, settled: 3, open: 0 });
    // The rejection is kept in its companion layer, which is never offered as a layer to measure.
    expect((await ws.getDoc(first!)).annotations.map((a) => a.author)).toContain('reviewed (rejected)');
    expect(await workspaceLayers(ws)).toEqual(['colleague', 'me', 'reviewed']);

    // Nothing but the documents holds the review: a reopened workspace tells the same.
    await ws.close();
    ws = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
    expect((await reviewOverview(ws, LAYERS)).overall).toEqual(overview.overall);
  });

  it('a link taken with its ends is one stored edit: saved, read back after a restart, and undone by its inverse', async () => {
    const [id] = (await ws.listArticles()).map((a) => a.id);
    for (const author of ['me', 'colleague']) {
      await tag(id!, author, 'quote', 'I don’t know that they’ll meet');
      await tag(id!, author, 'actor', 'Trump', 1);
    }
    const tagged = await ws.getDoc(id!);
    const [quote, speaker] = ['I don’t know that they’ll meet', 'Trump'].map((q) => tagged.annotations.find((a) => a.author === 'me' && a.quote === q)!);
    await ws.applyEdit({
      kind: 'doc',
      articleId: id!,
      command: {
        op: 'insert',
        annotations: [],
        relations: [{ id: 'rel_me_1', type: 'speaker', from: quote!.id, to: speaker!.id, author: 'me', created: NOW, modified: NOW }],
      },
    });
    const before = await ws.getDoc(id!);
    const link = compareLayers(before, 'me', 'colleague').items.find((i) => i.kind === 'relation')!;
    // The walk puts the link after both its ends, though the quote comes first in the text.
    expect(compareLayers(before, 'me', 'colleague').items.map((i) => i.kind)).toEqual(['span', 'span', 'relation']);

    const ctx = { doc: before, comparison: compareLayers(before, 'me', 'colleague'), reviewed: 'reviewed', now: NOW };
    expect(decide(ctx, link.id, { kind: 'acceptA' })).toMatchObject({ ok: false, errors: [{ field: 'ends' }] });
    const edit = decide(ctx, link.id, { kind: 'acceptA', withEnds: true });
    if (!edit.ok || !edit.value) throw new Error(JSON.stringify(edit));
    await ws.applyEdit(edit.value);
    expect((await reviewOverview(ws, LAYERS)).overall).toMatchObject({ settled: 3, open: 0 });

    await ws.close();
    ws = await openWorkspace(dir, { mode: 'write', seedsDir: SEEDS_DIR });
    const after = await ws.getDoc(id!);
    expect(after.relations.filter((r) => r.author === 'reviewed').map((r) => r.type)).toEqual(['speaker']);
    expect(
      after.annotations
        .filter((a) => a.author === 'reviewed')
        .map((a) => a.quote)
        .sort(),
    ).toEqual(['I don’t know that they’ll meet', 'Trump']);
    await ws.applyEdit(invertEdit(edit.value));
    expect(await ws.getDoc(id!)).toEqual(before);
    expect((await reviewOverview(ws, LAYERS)).overall).toMatchObject({ settled: 0, open: 3 });
  });

  it('refuses a reviewed layer that is one of the compared ones or a rejected companion', async () => {
    await expect(reviewOverview(ws, { ...LAYERS, reviewed: 'me' })).rejects.toThrow(/must not be one of the layers compared/);
    await expect(reviewOverview(ws, { ...LAYERS, reviewed: 'x (rejected)' })).rejects.toThrow(/cannot be used as a reviewed layer/);
    expect(await reviewOverview(ws, LAYERS)).toEqual({ articles: [], overall: expect.objectContaining({ articles: 0, open: 0 }) });
  });
});
