import { memo, useEffect, useMemo, useRef } from 'react';
import type { ComparisonItem } from '../../../core/agreement/compare';
import type { Fragment } from '../../../core/model/annotation';
import { paragraphsOf } from '../../../core/text/paragraphs';
import type { ReviewModel } from '../../state/review-actions';
import { useReview } from '../../state/review-store';
import { runsOf, type Mark } from './text-runs';

/**
 * Both layers in one text, with marks that cannot be confused: layer A underlined (blue,
 * solid), layer B overlined (orange, dashed), what the reviewed layer already holds tinted green.
 * The item in focus is highlighted on both sides and scrolled into view; clicking a marked
 * passage focuses the difference there.
 */
export function ReviewText({ model, onPick }: { model: ReviewModel; onPick(offset: number): void }) {
  const { doc, comparison } = model;
  const reviewed = useReview((s) => s.reviewed);
  const currentId = useReview((s) => s.currentItemId);
  const paragraphs = useMemo(() => paragraphsOf(doc.article.text), [doc.article.text]);
  const marks = useMemo(() => {
    const out: Mark[] = [];
    for (const a of doc.annotations) {
      const side = a.author === comparison.layerA ? 'a' : a.author === comparison.layerB ? 'b' : a.author === reviewed ? 'r' : null;
      if (side) for (const f of a.fragments) out.push({ start: f.start, end: f.end, side });
    }
    return out;
  }, [doc.annotations, comparison.layerA, comparison.layerB, reviewed]);
  const current = comparison.items.find((i) => i.id === currentId) ?? null;
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current?.querySelector('[data-current]');
    if (el) el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  }, [currentId, doc.article.id]);

  return (
    <div className="review-text-scroll">
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
        {paragraphs.map((p) => (
          <Paragraph key={p.start} start={p.start} text={p.text} marks={marks} current={current} />
        ))}
      </div>
    </div>
  );
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
