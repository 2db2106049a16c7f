import { charStep, wordStep } from '../../core/text/words';
import type { TextSelection } from '../state/editor-store';
import type { ViewText } from '../state/editor-view';

/**
 * Lede's caret on read-only text. Character and word steps are computed in core (so they are the
 * same everywhere and never split an emoji); line steps and line edges need the layout, so they
 * ask the browser through Selection.modify on a selection mirroring ours.
 */

export type Motion = 'char' | 'word' | 'line' | 'lineboundary';

export function moveCaret(dom: ViewText, text: string, current: TextSelection, motion: Motion, direction: 1 | -1, extend: boolean): TextSelection {
  const collapsedEdge = direction === 1 ? Math.max(current.anchor, current.focus) : Math.min(current.anchor, current.focus);
  if (motion === 'char' || motion === 'word') {
    // A plain arrow on a selection collapses it to that side, as in every editor.
    if (!extend && current.anchor !== current.focus && motion === 'char') return { anchor: collapsedEdge, focus: collapsedEdge };
    const from = extend ? current.focus : motion === 'word' ? current.focus : collapsedEdge;
    const focus = motion === 'word' ? wordStep(text, from, direction) : charStep(text, from, direction);
    return extend ? { anchor: current.anchor, focus } : { anchor: focus, focus };
  }
  const moved = browserMove(dom, current, motion, direction, extend);
  return moved ?? current;
}

function browserMove(dom: ViewText, current: TextSelection, motion: 'line' | 'lineboundary', direction: 1 | -1, extend: boolean): TextSelection | null {
  const sel = window.getSelection();
  if (!sel?.modify) return null;
  const anchor = dom.position(current.anchor);
  const focus = dom.position(current.focus);
  if (!anchor || !focus) return null;
  sel.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
  sel.modify(extend ? 'extend' : 'move', direction === 1 ? 'forward' : 'backward', motion);
  return dom.selectionOffsets(sel);
}
