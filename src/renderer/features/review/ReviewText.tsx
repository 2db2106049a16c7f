import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ComparisonItem } from '../../../core/agreement/compare';
import type { Fragment } from '../../../core/model/annotation';
import { paragraphsOf } from '../../../core/text/paragraphs';
import type { ReviewModel } from '../../state/review-actions';
import { useReview } from '../../state/review-store';
import { chunkHeight, chunkRanges } from '../../ui/text-chunks';
import { marksByParagraph, runsOf, type Mark } from './text-runs';

/**
 * Both layers in one text, with marks that cannot be confused: layer A underlined (blue,
 * solid), layer B overlined (orange, dashed), what the reviewed layer already holds tinted green.
 * The item in focus is highlighted on both sides and scrolled into view; clicking a marked
 * passage focuses the difference there.
 *
 * Paragraphs come in chunks that Chromium styles and lays out only near the screen (as in the
 * editor), and each paragraph gets only its own marks and, when it holds it, the item in focus:
 * stepping through differences or accepting one re-renders the paragraphs it touches, not all.
 */
export function ReviewText({ model, onPick }: { model: ReviewModel; onPick(offset: number): void }) {
  const { doc, comparison } = model;
  const reviewed = useReview((s) => s.reviewed);
  const currentId = useReview((s) => s.currentItemId);
  const paragraphs = useMemo(() => paragraphsOf(doc.article.text), [doc.article.text]);
  const chunks = useMemo(() => chunkRanges(paragraphs.length), [paragraphs]);
  const allMarks = useMemo(() => {
    const out: Mark[] = [];
    for (const a of doc.annotations) {
      const side = a.author === comparison.layerA ? 'a' : a.author === comparison.layerB ? 'b' : a.author === reviewed ? 'r' : null;
      if (side) for (const f of a.fragments) out.push({ start: f.start, end: f.end, side });
    }
    return out;
  }, [doc.annotations, comparison.layerA, comparison.layerB, reviewed]);
  const lastBuckets = useRef<{ paragraphs: typeof paragraphs; buckets: (readonly Mark[])[] } | null>(null);
  const buckets = useMemo(() => {
    const previous = lastBuckets.current?.paragraphs === paragraphs ? lastBuckets.current.buckets : [];
    const next = marksByParagraph(paragraphs, allMarks, previous);
    lastBuckets.current = { paragraphs, buckets: next };
    return next;
  }, [paragraphs, allMarks]);
  const current = comparison.items.find((i) => i.id === currentId) ?? null;
  const ref = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const watch = useNearScreen(scroller);

  useEffect(() => {
    const el = ref.current?.querySelector('[data-current]');
    if (el) el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  }, [currentId, doc.article.id]);

  return (
    <div className="review-text-scroll" ref={setScroller}>
      <header className="article-header">
        <h1>{doc.article.title}</h1>
        <p className="review-legend muted">
          <span className="legend-a">A: {comparison.layerA}</span> <span className="legend-b">B: {comparison.layerB}</span>{' '}
          <span className="legend-r">in {reviewed}</span> <span className="legend-current">in focus</span>
        </p>
      </header>
      <div
        ref={ref}
        className="article-text review-text"
        data-article-id={doc.article.id}
        onClick={(e) => {
          const run = (e.target as HTMLElement).closest<HTMLElement>('[data-run]');
          if (run) onPick(Number(run.dataset.run));
        }}
      >
        {chunks.map(({ first, end }) => {
          const focused = current !== null && holds(current, paragraphs[first]!.start, paragraphEnd(paragraphs[end - 1]!));
          return (
            // Keyed by article too: another article's chunks start unseen (whole-workspace review).
            <Chunk key={`${doc.article.id}:${first}`} height={chunkHeight(paragraphs, first, end)} watch={watch} focused={focused}>
              {(marked) =>
                paragraphs
                  .slice(first, end)
                  .map((p, k) => (
                    <Paragraph
                      key={p.start}
                      start={p.start}
                      text={p.text}
                      marks={marked ? buckets[first + k]! : NO_MARKS}
                      current={focused && holds(current, p.start, paragraphEnd(p)) ? current : null}
                    />
                  ))
              }
            </Chunk>
          );
        })}
      </div>
    </div>
  );
}

const NO_MARKS: readonly Mark[] = [];

/** How far beyond the visible text chunks get their marks: a screen's height either way, so scrolling finds them drawn. */
const NEAR_MARGIN = '100% 0px';

/**
 * A chunk of paragraphs: styled and laid out by Chromium only near the screen, and marked (runs
 * and classes, most of the view's DOM) only once it has come near the screen or holds the item
 * in focus. Until then its paragraphs are plain text, so the whole text is there to select and
 * to find. Once marked it stays marked.
 */
function Chunk({ height, watch, focused, children }: { height: number; watch: Watch | null; focused: boolean; children(marked: boolean): ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (seen || !el || !watch) return;
    return watch(el, () => setSeen(true));
  }, [seen, watch]);
  return (
    <div ref={ref} className="text-chunk" style={{ containIntrinsicSize: `auto ${height}px` }}>
      {children(seen || focused)}
    </div>
  );
}

/** Calls `near` once `el` comes within NEAR_MARGIN of the screen; returns the way to stop watching. */
type Watch = (el: Element, near: () => void) => () => void;

/** One IntersectionObserver for every chunk of the text (a long article has thousands). */
function useNearScreen(root: HTMLElement | null): Watch | null {
  const [watch, setWatch] = useState<Watch | null>(null);
  useEffect(() => {
    if (!root) return;
    const waiting = new Map<Element, () => void>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const near = e.isIntersecting ? waiting.get(e.target) : undefined;
          if (!near) continue;
          waiting.delete(e.target);
          observer.unobserve(e.target);
          near();
        }
      },
      { root, rootMargin: NEAR_MARGIN },
    );
    setWatch(() => (el: Element, near: () => void) => {
      waiting.set(el, near);
      observer.observe(el);
      return () => {
        waiting.delete(el);
        observer.unobserve(el);
      };
    });
    return () => observer.disconnect();
  }, [root]);
  return watch;
}

function paragraphEnd(p: { start: number; text: string }): number {
  return p.start + p.text.length;
}

/** Whether the item in focus marks anything in [start, end): its fragments, or a link's extent. */
function holds(item: ComparisonItem, start: number, end: number): boolean {
  if (item.kind === 'relation') return item.start < end && item.end > start;
  return inside(fragmentsOf(item, 'a'), start, end) || inside(fragmentsOf(item, 'b'), start, end);
}

function fragmentsOf(item: ComparisonItem | null, side: 'a' | 'b'): readonly Fragment[] {
  if (!item || item.kind !== 'span') return [];
  return (side === 'a' ? item.a : item.b)?.fragments ?? [];
}

function inside(fragments: readonly Fragment[], start: number, end: number): boolean {
  return fragments.some((f) => f.start < end && f.end > start);
}

const Paragraph = memo(function Paragraph({
  start,
  text,
  marks,
  current,
}: {
  start: number;
  text: string;
  marks: readonly Mark[];
  current: ComparisonItem | null;
}) {
  const runs = useMemo(() => runsOf({ start, text }, marks), [start, text, marks]);
  const curA = fragmentsOf(current, 'a');
  const curB = fragmentsOf(current, 'b');
  const curRange = current && current.kind === 'relation' ? [{ start: current.start, end: current.end }] : [];
  let flagged = false;
  return (
    <p data-start={start} className={text.trim() ? undefined : 'blank'}>
      {runs.map((r) => {
        const piece = text.slice(r.start - start, r.end - start);
        const isA = inside(curA, r.start, r.end);
        const isB = inside(curB, r.start, r.end);
        const isCurrent = isA || isB || inside(curRange, r.start, r.end);
        if (!r.a && !r.b && !r.r && !isCurrent) return piece;
        const classes = ['mk', r.a ? 'in-a' : '', r.b ? 'in-b' : '', r.r ? 'in-r' : '', isA ? 'cur-a' : '', isB ? 'cur-b' : '', isCurrent ? 'cur' : ''];
        const first = isCurrent && !flagged;
        if (first) flagged = true;
        return (
          <span key={r.start} data-run={r.start} className={classes.filter(Boolean).join(' ')} {...(first ? { 'data-current': '' } : {})}>
            {piece}
          </span>
        );
      })}
    </p>
  );
});
