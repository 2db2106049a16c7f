/**
 * The peer's page for bench/editor.bench.ts: @recogito/text-annotator 4.1.1 on the same article
 * and the same spans as Lede, bundled from node_modules by esbuild at bench time and served from
 * 127.0.0.1. It exposes two measured actions, each ending at the first of the peer's own
 * "redrawn" events after which what was asked for is drawn (the highlights in view for an open,
 * the new one for a tag). The event is emitted from a timer queued in the animation frame that
 * drew, so it runs once that frame is painted: the same definition Lede's `lede:painted` uses.
 *  - open(): fetch the article, render its paragraphs, create the annotator, load every span;
 *  - a keydown of "1" tags the current selection through the public API (addAnnotation).
 * Class names match Lede's (.article-view scroller, .article-text paragraphs), so the benchmark
 * selects and scrolls both pages with the same code.
 */
import { createTextAnnotator, rangeToSelector, type TextAnnotation, type TextAnnotator } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';

interface Span {
  id: string;
  label: string;
  start: number;
  end: number;
}

interface PeerWindow {
  __peer: { open(): Promise<number>; annotations(): number; drawn(): number };
  __tagged?: Promise<number>;
}

const w = window as unknown as PeerWindow;
const renderer = (new URLSearchParams(location.search).get('renderer') ?? 'SPANS') as 'SPANS' | 'CSS_HIGHLIGHTS';
let anno: TextAnnotator | null = null;
let container: HTMLElement | null = null;
let seq = 0;

function annotation(id: string, label: string, selector: { quote: string; start: number; end: number; range?: Range }): TextAnnotation {
  return {
    id,
    bodies: [{ id: `${id}-b`, annotation: id, purpose: 'tagging', value: label }],
    target: { annotation: id, selector: [selector as TextAnnotation['target']['selector'][number]] },
  };
}

/**
 * Resolves at the first redraw the peer reports after now that left `drawn()` true. The peer
 * reports a redraw even when it drew nothing new (its renderer skips a set equal to the last one
 * drawn); right after loading, the first report sometimes came from a redraw that drew no
 * highlight at all, which made a few opens look 5-10 times quicker than the rest.
 */
function redrawnWith(drawn: () => boolean): Promise<number> {
  return new Promise((done) => {
    const off = anno!.renderer.on('onRedraw', () => {
      if (!drawn()) return;
      off();
      done(performance.now());
    });
  });
}

/** The peer's highlights in the page (its SPANS renderer draws one element per rect, for those in view). */
function drawnHighlights(id?: string): number {
  return container?.querySelectorAll(id ? `.r6o-annotation[data-annotation="${CSS.escape(id)}"]` : '.r6o-annotation').length ?? 0;
}

async function open(): Promise<number> {
  anno?.destroy();
  container?.parentElement?.remove();
  const t0 = performance.now();
  const { text, spans } = (await (await fetch('article.json')).json()) as { text: string; spans: Span[] };
  const view = document.createElement('div');
  view.className = 'article-view';
  container = document.createElement('div');
  container.className = 'article-text';
  // One <p> per line, like Lede; each keeps its line break as text (collapsed when drawn), so
  // the peer's offsets, counted over the container's text, are Lede's offsets.
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const p = document.createElement('p');
    p.textContent = i < lines.length - 1 ? `${line}\n` : line;
    container.append(p);
  }
  view.append(container);
  document.body.append(view);
  anno = createTextAnnotator(container, { renderer, annotatingEnabled: false });
  const redrawn = redrawnWith(() => drawnHighlights() > 0);
  anno.setAnnotations(spans.map((s) => annotation(s.id, s.label, { quote: text.slice(s.start, s.end), start: s.start, end: s.end })));
  return (await redrawn) - t0;
}

// Tag the selection by key, as Lede's "1" does: the new annotation through the public API.
window.addEventListener(
  'keydown',
  (e) => {
    if (e.key !== '1' || !anno || !container) return;
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const t0 = e.timeStamp;
    const selector = rangeToSelector(selection.getRangeAt(0), container);
    const id = `tag-${++seq}`;
    const redrawn = redrawnWith(() => drawnHighlights(id) > 0);
    anno.addAnnotation(annotation(id, 'claim', selector));
    w.__tagged = redrawn.then((t) => t - t0);
  },
  { capture: true },
);

w.__peer = { open, annotations: () => anno?.getAnnotations().length ?? 0, drawn: () => drawnHighlights() };
