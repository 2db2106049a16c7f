import { useEffect } from 'react';
import type { Decision } from '../../../core/review/decide';
import { redo, undo } from '../../state/editor-history';
import { useMessages } from '../../state/messages';
import { acceptAllAgreed, currentReviewModel, decideItem, nothingToDecide, step } from '../../state/review-actions';
import { useReview } from '../../state/review-store';
import { useView } from '../../state/view-store';
import { decisionProblem } from '../../../core/review/rules';

/**
 * The Review view's keys (listed in commands/shortcuts.ts as REVIEW_KEYS, for the legend, the help
 * and the README). They are read in the capture phase and stopped there while the Review view is
 * shown, so the editor's keys (J, K, E, label keys…) never act on an article the analyst cannot
 * see; Ctrl/Cmd+Z undoes the last decision through the editor's own history.
 */

const DECISIONS: Record<string, Decision['kind']> = { a: 'acceptA', b: 'acceptB', c: 'acceptBoth', r: 'reject', o: 'reopen' };

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type);
}

function onKey(e: KeyboardEvent): void {
  if (useView.getState().view !== 'review' || e.isComposing || document.querySelector('dialog[open]')) return;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey && (key === 'z' || (key === 'y' && e.ctrlKey))) {
    if (typing(e.target)) return; // a text field keeps its own undo
    e.preventDefault();
    e.stopPropagation();
    if (key === 'y' || e.shiftKey) redo();
    else undo();
    return;
  }
  if (mod || e.altKey || typing(e.target) || useReview.getState().tab !== 'adjudicate') return;
  const handled = run(key, e.shiftKey);
  // Plain keys never fall through to the editor's handler while the review is shown ('?' still opens the help).
  if (handled || (e.key.length === 1 && e.key !== '?')) {
    e.stopPropagation();
    if (handled) e.preventDefault();
  }
}

function run(key: string, shift: boolean): boolean {
  const review = useReview.getState();
  if (key === 'j' && !shift) return (void step(1, false), true);
  if (key === 'k' && !shift) return (void step(-1, false), true);
  if (key === 'n') return (void step(shift ? -1 : 1, true), true);
  if (key === 'a' && shift) return (acceptAllAgreed(), true);
  if (key === 'escape' && (review.editing || review.pending)) return (review.setEditing(false), true);
  if (shift) return false;
  const model = currentReviewModel();
  const item = model?.comparison.items.find((i) => i.id === review.currentItemId);
  if (key === 'e') {
    if (!item) return (useMessages.getState().show('info', nothingToDecide(model ?? null)), true);
    const problem = decisionProblem(item, 'edit');
    if (problem) review.setNotice({ itemId: item.id, text: problem });
    else review.setEditing(true);
    return true;
  }
  const decision = DECISIONS[key];
  if (!decision) return false;
  decideItem({ kind: decision } as Decision, undefined, decision !== 'reopen');
  return true;
}

/** Installs the review keys for as long as the Review view is mounted. */
export function useReviewKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
