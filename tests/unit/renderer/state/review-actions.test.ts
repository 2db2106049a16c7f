import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { undo, whenSaved } from '../../../../src/renderer/state/editor-history';
import { acceptAllAgreed, currentReviewModel, decideItem } from '../../../../src/renderer/state/review-actions';
import { useReview } from '../../../../src/renderer/state/review-store';
import { useWorkspace } from '../../../../src/renderer/state/workspace-store';
import { connectTo, FakeBackend, messageTexts, twoLayers } from './fake-backend';

const reviewedSpans = (doc: ArticleDoc) => doc.annotations.filter((a) => a.author === 'reviewed').map((a) => [a.label, a.fragments[0]!.start]);
const difference = (start: number) =>
  currentReviewModel()!.progress.items.find((x) => x.item.isDifference && x.item.kind === 'span' && x.item.start === start)!.item.id;

let backend: FakeBackend;
beforeEach(async () => {
  await whenSaved();
  backend = new FakeBackend([twoLayers()]);
  connectTo(backend, 'a');
  useReview.setState({
    layerA: 'alice',
    layerB: 'bob',
    reviewed: 'reviewed',
    scope: 'article',
    filter: 'differences',
    currentItemId: null,
    notice: null,
    pending: null,
    editing: false,
  });
});

describe('review actions (state/review-actions)', () => {
  it('compares the open article’s two layers: one agreed span, two differences', () => {
    const model = currentReviewModel()!;
    expect(model.progress.agreed.open).toBe(1);
    expect(model.progress.items.filter((x) => x.item.isDifference)).toHaveLength(2);
  });

  it('a decision is an edit: on the page at once, saved to the store, and it moves on to the next open difference', async () => {
    const claim = difference(18);
    expect(decideItem({ kind: 'acceptA' }, claim)).toBe(true);
    expect(reviewedSpans(useWorkspace.getState().doc!)).toEqual([['claim', 18]]);
    expect(useReview.getState().currentItemId).toBe(difference(37));
    await whenSaved();
    expect(reviewedSpans(backend.docs.get('a')!)).toEqual([['claim', 18]]);
  });

  it('accepts every agreed span in one edit, and one undo takes it back in the store too', async () => {
    acceptAllAgreed();
    expect(messageTexts()).toContain('Accepted 1 agreed annotation.');
    await whenSaved();
    expect(reviewedSpans(backend.docs.get('a')!)).toEqual([['actor', 0]]);
    undo();
    await whenSaved();
    expect(reviewedSpans(backend.docs.get('a')!)).toEqual([]);
  });

  it('a decision that cannot apply is explained beside the item and sends nothing', async () => {
    const claim = difference(18);
    expect(decideItem({ kind: 'acceptB' }, claim)).toBe(false); // Bob has no span there
    expect(useReview.getState().notice).toMatchObject({ itemId: claim });
    await whenSaved();
    expect(backend.calls).toEqual([]);
  });
});
