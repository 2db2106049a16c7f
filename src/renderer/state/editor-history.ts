import { create } from 'zustand';
import { applyCommand } from '../../core/edits/apply';
import { articlesTouched, type Edit } from '../../core/edits/commands';
import { describeEdit, EMPTY_HISTORY, recordOrMerge, takeRedo, takeUndo, type History } from '../../core/edits/history';
import type { ArticleDoc } from '../../core/model/document';
import type { LabelSchema } from '../../core/model/label-schema';
import { fail, ok, type Result } from '../../core/model/result';
import { backend } from './api';
import { showError, useMessages } from './messages';
import { useWorkspace } from './workspace-store';
import { sameJson } from '../../core/model/same-json';
import type { ActorRegistry } from '../../core/actors/entity';
import type { ArticleSummary } from '../../core/model/article';
import type { ArticleInfoPatch } from '../../core/edits/commands';
import { applyRegistrySteps, useActors } from './actors-store';
import { authorCounts } from './editor-diff';
import { applyRejections, withRejections } from '../../core/edits/rejections';
import type { RejectedSuggestions } from '../../core/model/settings';

/**
 * Every change goes through `perform`: applied to the page at once (instant paint), recorded for
 * undo, and sent to the store in order. The store's answer drives the visible save state; if
 * the store refuses an edit, the page reloads what is stored and says why.
 */

export type SaveState = 'saved' | 'saving' | 'error';

interface HistoryState {
  history: History;
  save: SaveState;
  savedAt: string | null;
  error: string | null;
}

export const useHistory = create<HistoryState>(() => ({ history: EMPTY_HISTORY, save: 'saved', savedAt: null, error: null }));

let queue: Promise<void> = Promise.resolve();
let pending = 0;
/** Bumped when a save fails: edits queued behind it are dropped (they built on what was refused). */
let generation = 0;

function flatten(edit: Edit): Exclude<Edit, { kind: 'batch' }>[] {
  return edit.kind === 'batch' ? edit.edits.flatMap(flatten) : [edit];
}

const NO_REJECTIONS: RejectedSuggestions = Object.freeze({});

/** What an edit changes on the page besides the actor registry: the open document, the label schema, rejected suggestions. */
interface PageState {
  doc: ArticleDoc | null;
  schema: LabelSchema;
  rejections: RejectedSuggestions;
}

/** Applies an edit to what the page holds: the open document, the label schema, rejected suggestions and the actor registry. */
function applyToPage(edit: Edit, { doc, schema, rejections }: PageState): Result<PageState & { actors: ActorRegistry | null }> {
  const steps = flatten(edit);
  const registrySteps = steps.flatMap((s) => (s.kind === 'actors' ? [s.command] : []));
  const actors = registrySteps.length > 0 ? applyRegistrySteps(useActors.getState().registry, registrySteps) : ok(null);
  if (!actors.ok) return actors;
  for (const step of steps) {
    if (step.kind === 'schema') {
      if (!sameJson(step.before, schema)) return fail('The label schema changed since this edit was made.');
      schema = step.after;
    } else if (step.kind === 'rejections') {
      const next = applyRejections(rejections, step);
      if (!next.ok) return next;
      rejections = next.value;
    } else if (step.kind === 'doc' && doc && step.articleId === doc.article.id) {
      const next = applyCommand(doc, step.command);
      if (!next.ok) return next;
      doc = next.value;
    }
  }
  return ok({ doc, schema, rejections, actors: actors.value });
}

/** The title and metadata changes an edit makes, by article: open or not, the list shows them. */
function infoChanges(edit: Edit): Map<string, ArticleInfoPatch[]> {
  const out = new Map<string, ArticleInfoPatch[]>();
  for (const step of flatten(edit)) {
    if (step.kind !== 'doc' || step.command.op !== 'article') continue;
    out.set(step.articleId, [...(out.get(step.articleId) ?? []), step.command.after]);
  }
  return out;
}

/**
 * The list's summaries after the title and metadata changes of an edit: several articles tagged
 * at once, and their undo and redo, show in the list and its filters at once. The last change
 * moves forward with an edit's time; when undo moves it back, the store's summaries bring it
 * (see replay).
 */
function withInfo(articles: ArticleSummary[], changes: Map<string, ArticleInfoPatch[]>): ArticleSummary[] {
  if (changes.size === 0) return articles;
  return articles.map((a) => {
    const patches = changes.get(a.id);
    if (!patches) return a;
    const next: Record<string, unknown> = { ...a };
    let changedAt = a.changedAt ?? a.importedAt;
    for (const patch of patches) {
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined) delete next[key];
        else next[key] = value;
      }
      if (patch.infoChangedAt && patch.infoChangedAt > changedAt) changedAt = patch.infoChangedAt;
    }
    return { ...(next as unknown as ArticleSummary), changedAt };
  });
}

function showOnPage({ doc, schema, rejections }: PageState, edit: Edit): void {
  const ws = useWorkspace.getState();
  const info = ws.info ? { ...ws.info, labelSchema: schema, settings: withRejections(ws.info.settings, rejections) } : null;
  const summaries = withInfo(ws.articles, infoChanges(edit));
  const articles = doc
    ? summaries.map((a) =>
        a.id === doc.article.id
          ? { ...a, title: doc.article.title, annotationCount: doc.annotations.length, authors: authorCounts(doc.annotations).toRecord() }
          : a,
      )
    : summaries;
  useWorkspace.setState({ doc, info, articles });
}

/**
 * Applies, records and saves an edit. `merge` folds it into the previous entry when both change
 * the same fields of one annotation (a note typed in bursts). Returns false when it did not apply.
 */
export function perform(edit: Edit, options: { merge?: boolean; record?: History | null; alreadySaved?: boolean } = {}): boolean {
  const ws = useWorkspace.getState();
  if (!ws.info) return false;
  const applied = applyToPage(edit, { doc: ws.doc, schema: ws.info.labelSchema, rejections: ws.info.settings.rejectedSuggestions ?? NO_REJECTIONS });
  if (!applied.ok) {
    useMessages.getState().show('error', `That change could not be made: ${applied.errors.map((e) => e.message).join('; ')}`);
    return false;
  }
  showOnPage(applied.value, edit);
  if (applied.value.actors) useActors.setState({ registry: applied.value.actors });
  const history = options.record === undefined ? recordOrMerge(useHistory.getState().history, edit, options.merge ?? false) : options.record;
  if (history) useHistory.setState({ history });
  // An edit the backend built and applied itself (actor merge / split / delete) is only recorded.
  if (!options.alreadySaved) send(edit);
  return true;
}

function send(edit: Edit): void {
  const mine = generation;
  pending++;
  useHistory.setState({ save: 'saving' });
  queue = queue.then(async () => {
    try {
      if (mine !== generation) return;
      const result = await backend().api.applyEdit({ edit });
      useHistory.setState({ savedAt: result.savedAt });
    } catch (error) {
      generation++;
      useHistory.setState({ save: 'error', error: error instanceof Error ? error.message : String(error), history: EMPTY_HISTORY });
      showError('Your last change was not saved; the article was reloaded as stored', error);
      await reloadFromStore();
    } finally {
      pending--;
      if (pending === 0 && useHistory.getState().save === 'saving') useHistory.setState({ save: 'saved', error: null });
    }
  });
}

/** Puts the page back in step with the store after a refused edit. */
async function reloadFromStore(): Promise<void> {
  try {
    const { api } = backend();
    const ws = useWorkspace.getState();
    const info = await api.getWorkspace({});
    const doc = ws.currentId ? await api.getArticle({ id: ws.currentId }) : null;
    useWorkspace.setState({ info, doc });
    await useActors.getState().load();
  } catch (error) {
    showError('Lede could not reload the article from the store', error);
  }
}

/** True while an edit made in this page has not yet been answered by the store. */
export function hasUnsavedEdits(): boolean {
  return pending > 0;
}

/** Resolves when every edit made so far has been answered by the store. */
export function whenSaved(): Promise<void> {
  return queue;
}

function replay(step: { apply: Edit; history: History } | null, verb: string): void {
  if (!step) {
    useMessages.getState().show('info', `Nothing to ${verb}.`);
    return;
  }
  const ws = useWorkspace.getState();
  const touched = articlesTouched(step.apply);
  if (!perform(step.apply, { record: step.history })) return;
  // Undo puts an article's last change back to a time the page does not know (it may be an
  // annotation's): once saved, and nothing else waits, the list takes the store's summaries.
  if (infoChanges(step.apply).size > 0) {
    void whenSaved().then(() => {
      if (!hasUnsavedEdits()) return useWorkspace.getState().refreshArticles();
      return undefined;
    });
  }
  // Undoing a change made in another article opens it, so the analyst sees what changed; one made
  // in several (tags added to a selection in the list) stays in the list, where it shows.
  const elsewhere = ws.currentId && touched.length === 1 && touched[0] !== ws.currentId ? touched[0] : undefined;
  if (elsewhere) void whenSaved().then(() => useWorkspace.getState().openArticle(elsewhere));
}

export function undo(): void {
  replay(takeUndo(useHistory.getState().history), 'undo');
}

export function redo(): void {
  replay(takeRedo(useHistory.getState().history), 'redo');
}

/** Tooltips for the undo/redo buttons. */
export function undoLabel(history: History): string {
  const last = history.done[history.done.length - 1];
  return last ? `Undo ${describeEdit(last)}` : 'Nothing to undo';
}

export function redoLabel(history: History): string {
  const last = history.undone[history.undone.length - 1];
  return last ? `Redo ${describeEdit(last)}` : 'Nothing to redo';
}
