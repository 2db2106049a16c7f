import { useEffect, useRef } from 'react';
import { FIND_LIMIT, useFind } from '../../state/editor-find';
import { useEditor } from '../../state/editor-store';
import { focusText, revealRange } from '../../state/editor-view';

/**
 * Find in the open article (Ctrl/Cmd+F): every match tinted, the current one stronger.
 * Enter / Shift+Enter (or F3 / Shift+F3) step through them; Escape closes the bar and leaves the
 * current match selected, ready to be tagged with a label key.
 */
export function FindBar({ text }: { text: string }) {
  const { open, query, matches, current, focusSeq, search, step, hide, startFrom } = useFind();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) input.current?.select();
  }, [open, focusSeq]);

  useEffect(() => {
    const m = matches[current];
    if (open && m) revealRange(m.start, m.end);
  }, [open, matches, current]);

  if (!open) return null;
  const close = (keepMatch: boolean) => {
    const m = matches[current];
    hide();
    if (keepMatch && m) useEditor.getState().setSelection({ anchor: m.start, focus: m.end }, 'program');
    focusText();
  };
  const status =
    query.trim() === '' ? '' : matches.length === 0 ? 'No matches' : `${current + 1} of ${matches.length}${matches.length >= FIND_LIMIT ? '+' : ''}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="search"
        placeholder="Find in article"
        aria-label="Find in article"
        value={query}
        onChange={(e) => {
          search(text, e.target.value);
          const caret = useEditor.getState().selection;
          if (caret) startFrom(Math.min(caret.anchor, caret.focus));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'F3') step(e.shiftKey ? -1 : 1);
          else if (e.key === 'Escape') close(true);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      <span className="find-status" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="button small" aria-label="Previous match" onClick={() => step(-1)} disabled={!matches.length}>
        ↑
      </button>
      <button type="button" className="button small" aria-label="Next match" onClick={() => step(1)} disabled={!matches.length}>
        ↓
      </button>
      <button type="button" className="button small" aria-label="Close find" onClick={() => close(false)}>
        ×
      </button>
    </div>
  );
}
