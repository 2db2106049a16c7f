import { create } from 'zustand';
import type { ArticleDoc } from '../../core/model/document';
import { nowIso } from '../../core/model/ids';
import type { KnownName, Suggestion } from '../../core/suggest';
import { knownNamesOf } from '../../core/suggest/known';
import { counted } from '../../core/text/plural';
import { acceptCommand, openSuggestions } from '../../core/suggest/accept';
import { useActors } from './actors-store';
import { backend } from './api';
import { perform } from './editor-history';
import { useEditor } from './editor-store';
import { useMessages } from './messages';
import { useWorkspace } from './workspace-store';

/**
 * Suggestions of the open article (issue 16). They live only here: never in the document, so
 * no count, export or agreement sees them until one is accepted (then it is a normal annotation
 * made through `perform`, one undo step). Computed in a web worker started the first time they
 * are shown; `results` is for `text` only, so an edit or another article recomputes.
 */
interface SuggestState {
  shown: boolean;
  computing: boolean;
  text: string | null;
  all: Suggestion[];
  currentId: string | null;
  error: string | null;
}

export const useSuggest = create<SuggestState>(() => ({ shown: false, computing: false, text: null, all: [], currentId: null, error: null }));

let worker: Worker | null = null;
let seq = 0;

function startWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../features/suggest/suggest.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<{ seq: number; suggestions?: Suggestion[]; error?: string }>) => {
    if (e.data.seq !== seq) return;
    const all = e.data.suggestions ?? [];
    const { currentId } = useSuggest.getState();
    useSuggest.setState({ computing: false, all, error: e.data.error ?? null, currentId: all.some((x) => x.id === currentId) ? currentId : null });
  };
  worker.onerror = (e) => useSuggest.setState({ computing: false, error: e.message || 'the suggestion rules failed' });
  return worker;
}

/** Names tagged anywhere in the workspace, fetched when suggestions are first shown (the page holds one article at a time). */
let workspaceNames: KnownName[] | null = null;
let fetchingNames: Promise<void> | null = null;
/** The known names the current suggestions were computed with. */
let computedWith = '';

/**
 * Names the rules recognise as actors, each mention linked to its entity: the registry as the page
 * holds it now (names and aliases), the actors tagged in this article as they are now, and those
 * tagged in the rest of the workspace (core/suggest/known.ts).
 */
function knownNames(doc: ArticleDoc): KnownName[] {
  const here = knownNamesOf(useActors.getState().registry, [doc]);
  const seen = new Set(here.map((k) => `${k.entityId ?? ''}\u0000${k.name}`));
  return [...here, ...(workspaceNames ?? []).filter((k) => !seen.has(`${k.entityId ?? ''}\u0000${k.name}`))];
}

function loadWorkspaceNames(): Promise<void> {
  fetchingNames ??= (async () => {
    const actors = useActors.getState();
    const [names] = await Promise.all([backend().api.knownActorNames({}), actors.loaded ? null : actors.load()]);
    workspaceNames = names.names;
  })()
    .catch(() => {
      workspaceNames = []; // the article's own names still count
    })
    .finally(() => {
      fetchingNames = null;
      refreshSuggestions();
    });
  return fetchingNames;
}

/** Asks the worker for the suggestions of the open article when they are shown and out of date (its text, or the names it knows). */
export function refreshSuggestions(): void {
  const doc = useWorkspace.getState().doc;
  const s = useSuggest.getState();
  if (!s.shown || !doc) return;
  if (workspaceNames === null) {
    if (!fetchingNames) void loadWorkspaceNames();
    return;
  }
  const known = knownNames(doc);
  const key = JSON.stringify(known);
  if (s.text === doc.article.text && key === computedWith) return;
  seq++;
  computedWith = key;
  // Only the names changed (an actor was tagged or accepted): keep what is shown, and the current one, until the answer comes.
  if (s.text === doc.article.text) useSuggest.setState({ computing: true });
  else useSuggest.setState({ text: doc.article.text, computing: true, all: [], currentId: null, error: null });
  startWorker().postMessage({ seq, text: doc.article.text, known });
}

export function rejectedIds(articleId: string): Set<string> {
  return new Set(useWorkspace.getState().info?.settings.rejectedSuggestions?.[articleId] ?? []);
}

/**
 * True while the suggestions shown are not yet those of the open text: being computed, or waiting
 * for the workspace's names the rules need first. Until then there is no count to show: an empty
 * list would read as "no suggestions" when none has been computed.
 */
export function suggestionsPending(): boolean {
  const s = useSuggest.getState();
  return s.shown && (s.computing || s.text !== useWorkspace.getState().doc?.article.text);
}

/** What is drawn and stepped through: not rejected, not already tagged. */
export function visibleSuggestions(): Suggestion[] {
  const doc = useWorkspace.getState().doc;
  const s = useSuggest.getState();
  if (!doc || !s.shown || s.text !== doc.article.text) return [];
  return openSuggestions(doc, s.all, rejectedIds(doc.article.id));
}

export function toggleSuggestions(): void {
  const shown = !useSuggest.getState().shown;
  useSuggest.setState({ shown, currentId: null });
  if (shown) refreshSuggestions();
}

export function currentSuggestion(): Suggestion | undefined {
  const id = useSuggest.getState().currentId;
  return id ? visibleSuggestions().find((s) => s.id === id) : undefined;
}

function tell(text: string): void {
  useMessages.getState().show('info', text);
}

/** Selects the next (or previous) suggestion after the current one, in text order. */
export function stepSuggestion(step: 1 | -1): Suggestion | undefined {
  if (!useSuggest.getState().shown) {
    tell('Suggestions are hidden: press Shift+S (or Show in the Suggestions card) to show them.');
    return undefined;
  }
  const list = visibleSuggestions();
  if (list.length === 0) {
    tell(suggestionsPending() ? 'Suggestions are still being computed.' : 'No open suggestions in this article.');
    return undefined;
  }
  const at = list.findIndex((s) => s.id === useSuggest.getState().currentId);
  const next = at < 0 ? (step === 1 ? list[0] : list[list.length - 1]) : list[(at + step + list.length) % list.length];
  useSuggest.setState({ currentId: next!.id });
  useEditor.getState().select(null);
  return next;
}

/**
 * The suggestion a click at `offset` means: the shortest one there (a name inside a suggested
 * quote), and on a click where the current one already is, the next longer one (the quote).
 */
export function suggestionAt(offset: number): Suggestion | undefined {
  const extent = (s: Suggestion) => s.fragments[s.fragments.length - 1]!.end - s.fragments[0]!.start;
  const here = visibleSuggestions()
    .filter((s) => s.fragments.some((f) => f.start <= offset && offset < f.end))
    .sort((x, y) => extent(x) - extent(y));
  const at = here.findIndex((s) => s.id === useSuggest.getState().currentId);
  return here[(at + 1) % Math.max(here.length, 1)];
}

/**
 * When the rejected ids of the open article went from `before` to `after` and one of them is no
 * longer there (its rejection was undone), that suggestion becomes the current one; returned so
 * the caller can bring it into view.
 */
export function selectBroughtBack(before: readonly string[] | undefined, after: readonly string[] | undefined): Suggestion | undefined {
  if (!before || before === after) return undefined;
  const still = new Set(after ?? []);
  const back = before.find((id) => !still.has(id));
  const suggestion = back === undefined ? undefined : visibleSuggestions().find((x) => x.id === back);
  if (suggestion) useSuggest.setState({ currentId: suggestion.id });
  return suggestion;
}

export function selectSuggestion(id: string | null): void {
  useSuggest.setState({ currentId: id });
}

function by() {
  return { author: useWorkspace.getState().info?.settings.analystName ?? 'me', now: nowIso() };
}

/** Accepts the current suggestion (with its speaker); moves on to the next one. */
export function acceptCurrent(): boolean {
  const doc = useWorkspace.getState().doc;
  const s = currentSuggestion();
  if (!doc || !s) {
    tell('Choose a suggestion first (Shift+J / Shift+K, or click one).');
    return false;
  }
  const made = acceptCommand(doc, s, by());
  if (!made.ok) {
    tell(made.errors.map((e) => e.message).join('; '));
    return false;
  }
  const list = visibleSuggestions();
  const after = list[list.findIndex((x) => x.id === s.id) + 1];
  if (!perform({ kind: 'doc', articleId: doc.article.id, command: made.value.command })) return false;
  useSuggest.setState({ currentId: after?.id ?? null });
  return true;
}

/** Accepts every open suggestion of the current one's kind in this article, as one undo step. */
export function acceptAllOfKind(): boolean {
  let doc = useWorkspace.getState().doc;
  const s = currentSuggestion();
  if (!doc || !s) {
    tell('Choose a suggestion first: Shift+Y accepts every open suggestion of its kind.');
    return false;
  }
  const list = visibleSuggestions().filter((x) => x.kind === s.kind);
  const edits = [];
  for (const x of list) {
    const made = acceptCommand(doc, x, by());
    if (!made.ok) continue;
    edits.push({ kind: 'doc' as const, articleId: doc.article.id, command: made.value.command });
    const cmd = made.value.command;
    if (cmd.op === 'insert') doc = { ...doc, annotations: [...doc.annotations, ...cmd.annotations], relations: [...doc.relations, ...cmd.relations] };
  }
  if (edits.length === 0) return false;
  const done = perform({ kind: 'batch', edits, label: `acceptance of ${edits.length} ${s.kind} suggestions` });
  if (done) {
    useSuggest.setState({ currentId: null });
    tell(`Accepted ${counted(edits.length, `${s.kind} suggestion`)} (Mod+Z undoes them all).`);
  }
  return done;
}

/**
 * Rejects the current suggestion: an edit like any other (stored with the workspace settings, so
 * it never returns for this article), so Mod+Z brings it back.
 */
export function rejectCurrent(): boolean {
  const ws = useWorkspace.getState();
  const s = currentSuggestion();
  if (!ws.doc || !ws.info || !s) {
    tell('Choose a suggestion first (Shift+J / Shift+K, or click one).');
    return false;
  }
  const list = visibleSuggestions();
  const after = list[list.findIndex((x) => x.id === s.id) + 1];
  if (!perform({ kind: 'rejections', articleId: ws.doc.article.id, add: [s.id], remove: [] })) return false;
  useSuggest.setState({ currentId: after?.id ?? null });
  return true;
}
