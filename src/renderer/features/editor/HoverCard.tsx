import { useEffect, useMemo, useState } from 'react';
import type { ArticleDoc } from '../../../core/model/document';
import type { LabelSchema } from '../../../core/model/label-schema';
import { spansAt } from '../../../core/text/span-layout';
import { useEditor } from '../../state/editor-store';
import { visibleAnnotations } from '../../state/editor-visible';
import { lineStyleOf } from '../../styles/label-cues';
import { boxesFor } from './geometry';
import { hoverEntries } from './hover-card-model';
import type { TextDom } from './text-dom';

/** How long the pointer (or the caret) rests before the card appears. */
export const HOVER_DELAY_MS = 450;

/**
 * A card about the spans under the pointer — or, from the keyboard, under the caret while the
 * text has focus: each one's label (by name and line style, not colour alone), author, note,
 * attributes and links, innermost first. It appears after a short rest, sits below (or above) the
 * innermost span so it never covers it, ignores the pointer, and Escape dismisses it. Only the
 * spans at one offset are looked up, once per rest, so it costs nothing while the pointer moves.
 */
export function HoverCard({ dom, body, doc, schema }: { dom: TextDom; body: HTMLElement; doc: ArticleDoc; schema: LabelSchema }) {
  const [offset, setOffset] = useState<number | null>(null);
  const filters = useEditor((s) => s.filters);
  const popup = useEditor((s) => s.popup.kind);
  const selection = useEditor((s) => s.selection);

  useEffect(() => {
    let timer = 0;
    let mouse = false;
    const later = (f: () => void) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(f, HOVER_DELAY_MS);
    };
    const onMove = (e: MouseEvent) => {
      mouse = true;
      setOffset(null);
      if (e.buttons !== 0) return;
      const { clientX, clientY } = e;
      later(() => setOffset(dom.offsetAtPoint(clientX, clientY)));
    };
    const onLeave = () => {
      if (!mouse) return; // a card the caret asked for stays when the pointer wanders off
      window.clearTimeout(timer);
      setOffset(null);
    };
    const onKey = (e: KeyboardEvent) => {
      mouse = false; // the caret, not the pointer, says where the analyst is now
      if (e.key === 'Escape') {
        window.clearTimeout(timer);
        setOffset(null);
      }
    };
    const onFocusCaret = () => {
      mouse = false;
      const s = useEditor.getState().selection;
      if (document.activeElement === dom.container && s && s.anchor === s.focus) later(() => setOffset(s.focus));
      else setOffset(null);
    };
    dom.container.addEventListener('mousemove', onMove);
    dom.container.addEventListener('mouseleave', onLeave);
    dom.container.addEventListener('focus', onFocusCaret);
    document.addEventListener('keydown', onKey, true);
    const unsubscribe = useEditor.subscribe((s, before) => {
      if (s.selection !== before.selection && !mouse) onFocusCaret();
      if (s.selection !== before.selection && s.selection && s.selection.anchor !== s.selection.focus) setOffset(null);
    });
    return () => {
      window.clearTimeout(timer);
      dom.container.removeEventListener('mousemove', onMove);
      dom.container.removeEventListener('mouseleave', onLeave);
      dom.container.removeEventListener('focus', onFocusCaret);
      document.removeEventListener('keydown', onKey, true);
      unsubscribe();
    };
  }, [dom]);

  // Not shown while a popup is open or text is selected: then nothing is looked up or measured
  // (a tag re-renders this with the new document; the lookup walks every annotation).
  const hidden = popup !== 'none' || (selection !== null && selection.anchor !== selection.focus);
  const card = useMemo(() => {
    if (offset === null || hidden) return null;
    const here = spansAt(visibleAnnotations(doc.annotations, filters), offset);
    if (here.length === 0) return null;
    const base = body.getBoundingClientRect();
    const boxes = boxesFor(dom, here[0]!.fragments, base);
    const last = boxes[boxes.length - 1];
    const first = boxes[0];
    if (!first || !last) return null;
    // Below the span's last line; above its first line when that would run off the body.
    const below = last.top + last.height + 8;
    const place = below + 140 > body.scrollHeight && first.top > 160 ? { bottom: body.clientHeight - first.top + 8 } : { top: below };
    return { entries: hoverEntries(doc, schema, here), left: Math.max(0, Math.min(last.left, body.clientWidth - 320)), ...place };
  }, [offset, hidden, doc, schema, filters, dom, body]);

  if (!card) return null;
  return (
    <div className="hover-card" role="tooltip" data-testid="hover-card" style={{ left: card.left, top: card.top, bottom: card.bottom }}>
      {card.entries.length > 1 && <p className="hover-count">{card.entries.length} spans here, innermost first</p>}
      {card.entries.map((e) => (
        <section key={e.id} className="hover-entry" data-annotation-id={e.id}>
          <p className="hover-head">
            <span className="hover-label" style={{ borderBottomColor: e.color, borderBottomStyle: lineStyleOf(e.labelIndex) }}>
              {e.label}
            </span>{' '}
            <span className="muted">by {e.author}</span>
          </p>
          <p className="hover-quote">{e.quote}</p>
          {e.note && <p className="hover-note">✎ {e.note}</p>}
          {e.attributes.length > 0 && <p className="hover-attrs">{e.attributes.map((x) => `${x.name}: ${x.value}`).join(' · ')}</p>}
          {e.links.map((l) => (
            <p key={l} className="hover-link">
              ↳ {l}
            </p>
          ))}
        </section>
      ))}
    </div>
  );
}
