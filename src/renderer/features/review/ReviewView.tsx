import { useEffect } from 'react';
import { currentReviewModel, reviewModelOf } from '../../state/review-actions';
import { chooseDefaultLayers, useReview } from '../../state/review-store';
import { useWorkspace } from '../../state/workspace-store';
import { AgreementPanel } from './AgreementPanel';
import { DifferenceList } from './DifferenceList';
import { ItemCard } from './ItemCard';
import { ReviewArticles } from './ReviewArticles';
import { ReviewText } from './ReviewText';
import { ReviewToolbar } from './ReviewToolbar';
import { REVIEW_KEYS } from '../../commands/shortcuts';
import { useReviewKeys } from './review-keys';
import '../../styles/review.css';

/**
 * Review (issue 5): two layers of the open article compared item by item, each difference settled
 * into the reviewed layer, and the agreement figures. The comparison is recomputed from the
 * document after every decision, so the lists, marks and progress are always what is stored.
 */
export function ReviewView() {
  const doc = useWorkspace((s) => s.doc);
  const articles = useWorkspace((s) => s.articles);
  const { layerA, layerB, reviewed, tab, scope } = useReview();
  const model = reviewModelOf(doc, layerA, layerB, reviewed);
  useReviewKeys();

  useEffect(() => chooseDefaultLayers(), [articles]);
  useEffect(() => void useReview.getState().refreshOverview(), [doc?.article.id]);

  const pickAt = (offset: number) => {
    const m = currentReviewModel();
    if (!m) return;
    const under = m.progress.items.filter((x) => x.item.start <= offset && offset < x.item.end);
    const pick = under.find((x) => x.item.isDifference && x.status === 'open') ?? under.find((x) => x.item.isDifference) ?? under[0];
    if (pick) {
      if (!pick.item.isDifference) useReview.getState().setFilter('all');
      useReview.getState().focusItem(pick.item.id);
    }
  };

  const missing =
    !layerA || !layerB
      ? 'Choose the two layers to compare: this needs an article with annotations by two annotators (import a colleague’s set first).'
      : layerA === layerB
        ? 'Choose two different layers.'
        : null;
  return (
    <main className="review-view" aria-label="Review">
      <ReviewToolbar model={model} />
      {tab === 'agreement' ? (
        <AgreementPanel />
      ) : (
        <div className={`review-body ${scope === 'workspace' ? 'with-articles' : ''}`}>
          {scope === 'workspace' && (
            <ReviewArticles current={model ? { articleId: model.doc.article.id, open: model.progress.open, settled: model.progress.settled } : null} />
          )}
          {model ? (
            <>
              <DifferenceList model={model} />
              <ReviewText model={model} onPick={pickAt} />
              <div className="review-right">
                <ItemCard model={model} />
                <details className="review-keys-legend">
                  <summary>Keys</summary>
                  <dl>
                    {REVIEW_KEYS.map((k) => (
                      <div key={k.keys}>
                        <dt>
                          <kbd>{k.keys}</kbd>
                        </dt>
                        <dd>{k.what}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              </div>
            </>
          ) : (
            <p className="review-empty muted">{!doc ? 'Open an article to review it.' : missing}</p>
          )}
        </div>
      )}
    </main>
  );
}
