import { create } from 'zustand';
import type { ArticleDoc } from '../../core/model/document';
import { nowIso } from '../../core/model/ids';
import type { KnownName, Suggestion } from '../../core/suggest';
import { ACTOR_LABEL } from '../../core/suggest/as-layer';
import { counted } from '../../core/text/plural';
import { acceptCommand, openSuggestions } from '../../core/suggest/accept';
import { backend } from './api';
import { perform } from './editor-history';
import { useEditor } from './editor-store';
import { showError, useMessages } from './messages';
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
    useSuggest.setState({ computing: false, all: e.data.suggestions ?? [], error: e.data.error ?? null });
  };
  worker.onerror = (e) => useSuggest.setState({ computing: false, error: e.message || 'the suggestion rules failed' });
  return worker;
}

/** The texts of actors tagged in this article: names the rules then recognise everywhere in it. */
function knownNames(doc: ArticleDoc): KnownName[] {
  const names = new Set(doc.annotations.filter((a) => a.label === ACTOR_LABEL).map((a) => a.quote.trim()).filter((t) => t.length > 1));
  return [...names].map((name) => ({ name }));
}

/** Asks the worker for the suggestions of the open article when they are shown and out of date. */
export function refreshSuggestions(): void {
  const doc = useWorkspace.getState().doc;
  const s = useSuggest.getState();
  if (!s.shown || !doc || s.text === doc.article.text) return;
  seq++;
  useSuggest.setState({ text: doc.article.text, computing: true, all: [], currentId: null, error: null });
  startWorker().postMessage({ seq, text: doc.article.text, known: knownNames(doc) });
}

export function rejectedIds(articleId: string): Set<string> {
  return new Set(useWorkspace.getState().info?.settings.rejectedSuggestions?.[articleId] ?? []);
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
    tell(useSuggest.getState().computing ? 'Suggestions are still being computed.' : 'No open suggestions in this article.');
    return undefined;
  }
  const at = list.findIndex((s) => s.id === useSuggest.getState().currentId);
  const next = at < 0 ? (step === 1 ? list[0] : list[list.length - 1]) : list[(at + step + list.length) % list.length];
  useSuggest.setState({ currentId: next!.id });
  useEditor.getState().select(null);
  return next;
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

/** Rejects the current suggestion: stored with the workspace settings, so it never returns for this article. */
export function rejectCurrent(): boolean {
  const ws = useWorkspace.getState();
  const s = currentSuggestion();
  if (!ws.doc || !ws.info || !s) {
    tell('Choose a suggestion first (Shift+J / Shift+K, or click one).');
    return false;
  }
  const articleId = ws.doc.article.id;
  const list = visibleSuggestions();
  const after = list[list.findIndex((x) => x.id === s.id) + 1];
  const before = ws.info.settings;
  const rejected = { ...(before.rejectedSuggestions ?? {}), [articleId]: [...(before.rejectedSuggestions?.[articleId] ?? []), s.id] };
  const settings = { ...before, rejectedSuggestions: rejected };
  useWorkspace.setState({ info: { ...ws.info, settings } });
  useSuggest.setState({ currentId: after?.id ?? null });
  void backend()
    .api.saveSettings({ settings })
    .catch((error) => {
      const now = useWorkspace.getState().info;
      if (now) useWorkspace.setState({ info: { ...now, settings: before } });
      showError('The rejection was not saved', error);
    });
  return true;
}
