import { ApiError } from '../../../core/api/contract';
import type { ArticleReviewSummary, ReviewOverview } from '../../../core/api/review';
import { articleReviewProgress, overallProgress, type ArticleProgress } from '../../../core/review/progress';
import { isRejectedLayer } from '../../../core/review/ids';
import type { Workspace } from '../workspace';

/**
 * Review progress over the workspace: for every article where layer A or B has annotations, how
 * many items are settled and open (read from the reviewed layer itself, so it is right after a
 * restart or an undo). The renderer keeps the open article's figures current on its own.
 */
export async function reviewOverview(ws: Workspace, layers: { layerA: string; layerB: string; reviewed: string }): Promise<ReviewOverview> {
  const { layerA, layerB, reviewed } = layers;
  if (reviewed === layerA || reviewed === layerB)
    throw new ApiError('invalid-argument', `The reviewed layer must not be one of the layers compared ("${reviewed}").`);
  if (reviewed.trim() === '' || isRejectedLayer(reviewed)) throw new ApiError('invalid-argument', `"${reviewed}" cannot be used as a reviewed layer name.`);
  const progress: ArticleProgress[] = [];
  const articles: ArticleReviewSummary[] = [];
  for (const summary of await ws.listArticles()) {
    if (!summary.authors[layerA] && !summary.authors[layerB]) continue;
    const p = articleReviewProgress(await ws.getDoc(summary.id), { a: layerA, b: layerB, reviewed });
    progress.push(p);
    articles.push({ articleId: summary.id, title: summary.title, settled: p.settled, open: p.open, differences: p.differences, agreed: p.agreed });
  }
  return { articles, overall: overallProgress(progress) };
}
