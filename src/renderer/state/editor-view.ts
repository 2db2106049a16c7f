/**
 * What the rest of the page needs of the rendered text: the editor's TextDom implements it. Declared
 * here so that state and commands reach the rendered article without importing the editor feature.
 */
export interface ViewText {
  readonly container: HTMLElement;
  /** The DOM position of a text offset. */
  position(offset: number): { node: Node; offset: number } | null;
  range(start: number, end: number): Range | null;
  /** Text offsets of a DOM selection inside the text, or null when it lies outside. */
  selectionOffsets(selection: Selection | null): { anchor: number; focus: number } | null;
}

/**
 * The one rendered article, reachable from outside the editor component: the sidebar, search and
 * keyboard handlers scroll to a passage or move focus into the text through here.
 */
interface View {
  dom: ViewText;
  scroller: HTMLElement;
}

let view: View | null = null;

export function attachView(next: View | null): void {
  view = next;
}

export function currentView(): View | null {
  return view;
}

/** Scrolls so that [start, end) is in view, centred when it was out of view. */
export function revealRange(start: number, end: number): void {
  if (!view) return;
  const range = view.dom.range(start, Math.max(start, Math.min(end, start + 200)));
  const rect = range?.getBoundingClientRect();
  if (!rect) return;
  const box = view.scroller.getBoundingClientRect();
  const margin = 60;
  if (rect.top >= box.top + margin && rect.bottom <= box.bottom - margin) return;
  const target = view.scroller.scrollTop + rect.top - box.top - box.height / 2 + rect.height / 2;
  view.scroller.scrollTo({ top: Math.max(0, target), behavior: 'auto' });
}

/** Keeps a caret or selection end just inside the viewport while moving with the keyboard. */
export function keepInView(offset: number): void {
  if (!view) return;
  const range = view.dom.range(offset, offset);
  const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
  if (!rect) return;
  const box = view.scroller.getBoundingClientRect();
  const margin = 40;
  if (rect.top < box.top + margin) view.scroller.scrollTop -= box.top + margin - rect.top;
  else if (rect.bottom > box.bottom - margin) view.scroller.scrollTop += rect.bottom - (box.bottom - margin);
}

export function focusText(): void {
  view?.dom.container.focus({ preventScroll: true });
}
