import { useEffect, useRef } from 'react';
import { speakerSpan } from '../../../core/suggest/accept';
import type { SuggestionRule } from '../../../core/suggest/types';
import { counted } from '../../../core/text/plural';
import {
  acceptAllOfKind,
  acceptCurrent,
  currentSuggestion,
  refreshSuggestions,
  rejectCurrent,
  selectBroughtBack,
  stepSuggestion,
  suggestionsPending,
  toggleSuggestions,
  useSuggest,
  visibleSuggestions,
} from '../../state/suggest-store';
import { useActors } from '../../state/actors-store';
import { useWorkspace } from '../../state/workspace-store';
import { revealRange } from '../../state/editor-view';

const RULES: Record<SuggestionRule, string> = {
  'direct-quote': 'text in quotation marks with a speaker',
  'reported-speech': 'reported speech (“X said that …”)',
  'according-to': '“according to X”',
  directive: 'what X urged someone to do (“X urged Y to …”)',
  'reported-question': 'a reported question (“X asked whether …”)',
  transcript: 'a turn of a transcript (“NAME: …”)',
  'known-name': 'a name already tagged in this article',
  'nlp-person': 'a person’s name',
  'nlp-organization': 'an organisation’s name',
  'speaker-name': 'a name that speaks in a quote',
};

function step(dir: 1 | -1): void {
  const s = stepSuggestion(dir);
  if (s) revealRange(s.fragments[0]!.start, s.fragments[s.fragments.length - 1]!.end);
}

/** The sidebar card for suggestions: show/hide, how many are open, and the current one with accept / reject. */
export function SuggestionPanel() {
  const state = useSuggest();
  const doc = useWorkspace((s) => s.doc);
  const articleId = doc?.article.id;
  const rejected = useWorkspace((s) => (articleId ? s.info?.settings.rejectedSuggestions?.[articleId] : undefined));
  // A rejection undone (Mod+Z) brings its suggestion back: it becomes the current one, in view.
  const lastRejected = useRef<{ articleId: string; ids: readonly string[] | undefined } | null>(null);
  useEffect(() => {
    const before = lastRejected.current;
    lastRejected.current = articleId ? { articleId, ids: rejected } : null;
    if (!articleId || before?.articleId !== articleId) return;
    const back = selectBroughtBack(before.ids, rejected);
    if (back) revealRange(back.fragments[0]!.start, back.fragments[back.fragments.length - 1]!.end);
  }, [articleId, rejected]);
  const text = doc?.article.text;
  const annotations = doc?.annotations;
  const registry = useActors((s) => s.registry);
  // Tagging an actor or editing the registry changes the names the rules know: recompute then too.
  useEffect(() => refreshSuggestions(), [text, state.shown, annotations, registry]);
  if (!doc) return null;
  const open = visibleSuggestions();
  const pending = suggestionsPending();
  const current = currentSuggestion();
  const speaker = current ? speakerSpan(current) : undefined;
  return (
    <section className="suggestion-panel" aria-label="Suggestions">
      <h2 className="pane-title">
        Suggestions{' '}
        {state.shown && (
          <span className="count" data-testid="suggestion-count" title="Open suggestions in this article (not annotations)">
            {pending ? '…' : open.length}
          </span>
        )}
        <button
          type="button"
          className="button small"
          aria-pressed={state.shown}
          onClick={toggleSuggestions}
          title="Show or hide suggested quotes and actors (Shift+S)"
        >
          {state.shown ? 'Hide' : 'Show'}
        </button>
      </h2>
      {state.shown && state.error && <p className="muted">The suggestions could not be computed: {state.error}</p>}
      {state.shown && !pending && !current && (
        <p className="muted">
          {open.length === 0
            ? 'No open suggestions in this article.'
            : 'Shift+J / Shift+K steps through them; Shift+A accepts, Shift+R rejects. They are not annotations until accepted.'}
        </p>
      )}
      {state.shown && current && (
        <div
          className="suggestion-card"
          data-testid="current-suggestion"
          data-suggestion-id={current.id}
          data-kind={current.kind}
          data-has-speaker={speaker ? 'yes' : 'no'}
        >
          <p>
            <strong>{current.kind === 'quote' ? 'Quote' : 'Actor'}</strong> · {RULES[current.rule] ?? current.rule} · score {current.score.toFixed(2)}
          </p>
          <blockquote>{current.text.length > 240 ? `${current.text.slice(0, 240)}…` : current.text}</blockquote>
          {current.kind === 'quote' && (
            <p className="muted">
              Speaker:{' '}
              {speaker ? doc.article.text.slice(speaker.start, speaker.end) : current.speaker ? `${current.speaker.text} (unresolved, no link)` : 'none'}
            </p>
          )}
          <div className="row">
            <button type="button" className="button" onClick={() => step(-1)} title="Previous suggestion (Shift+K)">
              ‹
            </button>
            <button type="button" className="button primary" onClick={acceptCurrent} title="Accept (Shift+A)">
              Accept
            </button>
            <button type="button" className="button" onClick={rejectCurrent} title="Reject (Shift+R)">
              Reject
            </button>
            <button type="button" className="button" onClick={() => step(1)} title="Next suggestion (Shift+J)">
              ›
            </button>
          </div>
          <button
            type="button"
            className="link-button"
            onClick={acceptAllOfKind}
            title="Accept every open suggestion of this kind in the article, as one undo step (Shift+Y)"
          >
            Accept all: {counted(open.filter((x) => x.kind === current.kind).length, current.kind)}
          </button>
        </div>
      )}
      {state.shown && !current && open.length > 0 && (
        <button type="button" className="button" onClick={() => step(1)}>
          First suggestion
        </button>
      )}
    </section>
  );
}
