import { ApiError } from '../../../core/api/contract';
import { agreementDocument, agreementView, type AgreementDocument } from '../../../core/agreement/documents';
import { tallyDocument, type DocumentTally } from '../../../core/agreement/document-tally';
import { agreementOfTallies, sortedAnnotators, type AgreementReport } from '../../../core/agreement/report';
import type { ArticleSummary } from '../../../core/model/article';
import { isRejectedLayer } from '../../../core/review/ids';
import { inPool } from '../article-store';
import type { Workspace } from '../workspace';
import { NO_TASK, runTask, type Task } from '../tasks';
import { tallyOnThreads, type TallyOptions } from './tally-threads/tally-threads';

/**
 * The workspace as the agreement figures see it. A layer is an author of annotations; the
 * rejected companions of reviewed layers ("reviewed (rejected)") hold turned-down copies, not
 * anyone's judgement, so they are never offered as layers to measure.
 */

/** Layers (authors) with annotations in the given articles, or in the whole workspace; sorted. */
export async function workspaceLayers(ws: Workspace, articleIds?: readonly string[]): Promise<string[]> {
  const wanted = articleIds ? new Set(articleIds) : null;
  const layers = new Set<string>();
  for (const summary of await ws.listArticles()) {
    if (wanted && !wanted.has(summary.id)) continue;
    for (const [author, count] of Object.entries(summary.authors)) if (count > 0 && !isRejectedLayer(author)) layers.add(author);
  }
  return [...layers].sort();
}

async function checkArticles(ws: Workspace, articleIds?: readonly string[]): Promise<void> {
  const known = new Set((await ws.listArticles()).map((s) => s.id));
  const missing = (articleIds ?? []).filter((id) => !known.has(id));
  if (missing.length > 0) throw new ApiError('not-found', `No article with id ${missing.join(', ')} in this workspace.`);
}

/**
 * The articles in scope: with `layers`, only articles where at least one of them has annotations
 * (an article none of the layers touched is not part of the comparison, so it is not reported as
 * left out either).
 */
async function articlesInScope(ws: Workspace, articleIds?: readonly string[], layers?: readonly string[]): Promise<ArticleSummary[]> {
  await checkArticles(ws, articleIds);
  const wanted = articleIds ? new Set(articleIds) : null;
  return (await ws.listArticles()).filter((summary) => (!wanted || wanted.has(summary.id)) && (!layers || layers.some((l) => (summary.authors[l] ?? 0) > 0)));
}

/** The articles in scope as agreement documents (each with the layers present in it), in list order. */
export async function workspaceDocuments(
  ws: Workspace,
  articleIds?: readonly string[],
  layers?: readonly string[],
  task: Task = NO_TASK,
): Promise<AgreementDocument[]> {
  const inScope = await articlesInScope(ws, articleIds, layers);
  task.step('Reading articles', inScope.length);
  // Read a few files at a time (one by one, reading was three quarters of `lede agree`), kept in list order.
  const documents = new Array<AgreementDocument>(inScope.length);
  await inPool([...inScope.keys()], 16, async (i) => {
    documents[i] = agreementDocument(await ws.getDocOnce(inScope[i]!.id));
    task.advance();
  });
  return documents;
}

/**
 * The agreement tallies of the articles in scope for `annotators` (sorted, each once), in list
 * order: read and counted on tally threads where the store allows (tally-threads/), so parsing a
 * thousand files uses every core, and only their counts are kept.
 */
export async function workspaceTallies(
  ws: Workspace,
  annotators: string[],
  articleIds?: readonly string[],
  task: Task = NO_TASK,
  threads: Pick<TallyOptions, 'threads' | 'threadsFrom'> = {},
): Promise<DocumentTally[]> {
  const inScope = await articlesInScope(ws, articleIds, annotators);
  task.step('Reading articles', inScope.length);
  const files = inScope.map((summary) => ws.fileToReadOnce(summary.id));
  const readHere = async (i: number) => tallyDocument(agreementView(await ws.getDocOnce(inScope[i]!.id)), annotators);
  return tallyOnThreads(files, { annotators, ...threads }, readHere, () => task.advance());
}

/** Refuses layers the scope does not have, naming the ones it does. */
export async function checkLayers(ws: Workspace, layers: readonly string[], articleIds?: readonly string[]): Promise<string[]> {
  await checkArticles(ws, articleIds);
  const distinct = [...new Set(layers)];
  const available = await workspaceLayers(ws, articleIds);
  const unknown = distinct.filter((l) => !available.includes(l));
  const where = articleIds ? 'this article' : 'this workspace';
  if (unknown.length > 0) {
    throw new ApiError('invalid-argument', `No layer named ${unknown.map((l) => `"${l}"`).join(', ')} in ${where}. Layers: ${available.join(', ') || 'none'}.`);
  }
  if (distinct.length < 2)
    throw new ApiError(
      'invalid-argument',
      `Agreement compares at least two layers; ${where} has ${available.length === 1 ? `only "${available[0]}"` : 'none'} to choose from.`,
    );
  return distinct;
}

/** Every agreement figure for the chosen layers over the articles in scope. `threads`: see tallyOnThreads. */
export async function workspaceAgreement(
  ws: Workspace,
  layers: readonly string[],
  articleIds?: readonly string[],
  taskId?: string,
  threads: Pick<TallyOptions, 'threads' | 'threadsFrom'> = {},
): Promise<AgreementReport> {
  return runTask(taskId, 'Agreement', async (task) => {
    const annotators = sortedAnnotators(await checkLayers(ws, layers, articleIds));
    const tallies = await workspaceTallies(ws, annotators, articleIds, task, threads);
    // Merging is one synchronous pass: a step without counts, the last point a cancel can stop.
    task.step('Computing the figures', 0);
    return agreementOfTallies(tallies, { annotators });
  });
}
