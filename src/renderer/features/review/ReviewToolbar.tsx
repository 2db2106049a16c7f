import { useEffect, useState } from 'react';
import type { OverallProgress } from '../../../core/review/progress';
import { acceptAllAgreed, type ReviewModel } from '../../state/review-actions';
import { reviewableLayers, useReview, type ReviewScope } from '../../state/review-store';
import { useWorkspace } from '../../state/workspace-store';
import { counted } from '../../../core/text/plural';

/**
 * The review's set-up and standing: which layers are compared and into which reviewed layer,
 * one article or the whole workspace, progress (settled / open) for this article and overall,
 * and accepting every agreed annotation in one step.
 */
export function ReviewToolbar({ model }: { model: ReviewModel | null }) {
  const { layerA, layerB, reviewed, scope, overview, tab } = useReview();
  const setLayers = useReview((s) => s.setLayers);
  const setScope = useReview((s) => s.setScope);
  const setTab = useReview((s) => s.setTab);
  const articles = useWorkspace((s) => s.articles);
  const layers = reviewableLayers();
  void articles; // re-render when the articles (and so the layers) change
  const [name, setName] = useState(reviewed);
  useEffect(() => setName(reviewed), [reviewed]);
  const commitName = () => {
    const clean = name.trim();
    if (clean && clean !== reviewed) setLayers({ reviewed: clean });
    else setName(reviewed);
  };
  const overall = overallNow(overview?.overall ?? null, overview?.articles.find((a) => a.articleId === model?.doc.article.id) ?? null, model);

  return (
    <div className="review-toolbar">
      <div className="review-tabs" role="tablist" aria-label="Review">
        <button type="button" role="tab" aria-selected={tab === 'adjudicate'} className="tab" onClick={() => setTab('adjudicate')}>
          Differences
        </button>
        <button type="button" role="tab" aria-selected={tab === 'agreement'} className="tab" onClick={() => setTab('agreement')}>
          Agreement
        </button>
      </div>
      <label>
        A{' '}
        <select aria-label="Layer A" className="review-layer-select" title={layerA} value={layerA} onChange={(e) => setLayers({ layerA: e.target.value })}>
          <LayerOptions layers={layers} current={layerA} />
        </select>
      </label>
      <label>
        B{' '}
        <select aria-label="Layer B" className="review-layer-select" title={layerB} value={layerB} onChange={(e) => setLayers({ layerB: e.target.value })}>
          <LayerOptions layers={layers} current={layerB} />
        </select>
      </label>
      <label>
        into{' '}
        <input
          aria-label="Reviewed layer"
          className="reviewed-name"
          title={name}
          value={name}
          list="review-layer-names"
          onChange={(e) => setName(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => e.key === 'Enter' && commitName()}
        />
        <datalist id="review-layer-names">
          {layers.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      </label>
      <select aria-label="Scope" value={scope} onChange={(e) => setScope(e.target.value as ReviewScope)}>
        <option value="article">This article</option>
        <option value="workspace">Whole workspace</option>
      </select>
      <div className="review-progress">
        {model && (
          <span data-testid="review-progress-article" title="Items of this article: settled / open (differences and agreed ones)">
            This article: <b>{model.progress.settled}</b> settled · <b>{model.progress.open}</b> open
          </span>
        )}
        {overall && (
          <span data-testid="review-progress-overall" title="All articles with layer A or B">
            All: <b>{overall.settled}</b> settled · <b>{overall.open}</b> open · {overall.articlesDone} of {counted(overall.articles, 'article')} done
          </span>
        )}
      </div>
      <button
        type="button"
        className="button"
        disabled={!model || model.progress.agreed.open === 0}
        onClick={acceptAllAgreed}
        title="Accept every agreed annotation of this article (Shift+A)"
      >
        Accept all agreed ({model?.progress.agreed.open ?? 0}) <kbd>⇧A</kbd>
      </button>
    </div>
  );
}

function LayerOptions({ layers, current }: { layers: string[]; current: string }) {
  const all = current && !layers.includes(current) ? [current, ...layers] : layers;
  return (
    <>
      {!current && <option value="">choose…</option>}
      {all.map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </>
  );
}

/** The workspace totals with the open article's figures taken from the page (they change with every decision). */
function overallNow(overall: OverallProgress | null, stored: { settled: number; open: number } | null, model: ReviewModel | null): OverallProgress | null {
  if (!overall) return null;
  if (!model || !stored) return overall;
  const settled = overall.settled - stored.settled + model.progress.settled;
  const open = overall.open - stored.open + model.progress.open;
  const doneBefore = stored.open === 0 ? 1 : 0;
  const doneNow = model.progress.open === 0 ? 1 : 0;
  return { ...overall, settled, open, articlesDone: overall.articlesDone - doneBefore + doneNow };
}
