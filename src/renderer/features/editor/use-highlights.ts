import { useEffect, useMemo, useRef } from 'react';
import type { Annotation } from '../../../core/model/annotation';
import type { ArticleDoc } from '../../../core/model/document';
import type { LabelSchema } from '../../../core/model/label-schema';
import { linksOf } from '../../../core/edits/link-choices';
import { nestingLevels } from '../../../core/text/span-layout';
import { useFind } from '../../state/editor-find';
import { HighlightPainter } from './highlight-painter';
import {
  applyHighlightStyles,
  FIND_CURRENT_HIGHLIGHT,
  FIND_HIGHLIGHT,
  highlightName,
  layerPriority,
  LINKED_HIGHLIGHT,
  SELECTED_HIGHLIGHT,
} from './highlight-styles';
import type { TextDom } from './text-dom';
import { useViewportWindow } from './use-viewport-window';

let paintSeq = 0;

/** Tells tests and the benchmark that what was just registered has been painted (two frames later). */
function signalPainted(container: HTMLElement): void {
  const seq = ++paintSeq;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      container.dataset.paintSeq = String(seq);
      container.dispatchEvent(new CustomEvent('lede:painted', { bubbles: true, detail: { seq, articleId: container.dataset.articleId } }));
    }),
  );
}

/**
 * Keeps the CSS highlights in step with the document, the label schema, the filters, the
 * selected annotation and find-in-article. Each concern updates only its own highlights.
 */
export function useHighlights(
  dom: TextDom | null,
  scroller: HTMLElement | null,
  doc: ArticleDoc,
  visible: readonly Annotation[],
  schema: LabelSchema,
  selectedId: string | null,
): void {
  const painter = useRef<HighlightPainter | null>(null);

  useEffect(() => applyHighlightStyles(schema), [schema]);

  useEffect(() => {
    if (!dom) return;
    if (!painter.current) painter.current = new HighlightPainter(dom);
    else painter.current.setDom(dom);
  }, [dom]);

  useEffect(
    () => () => {
      painter.current?.dispose();
      painter.current = null;
    },
    [],
  );

  const labelIndex = useMemo(() => new Map(schema.labels.map((l, i) => [l.id, i])), [schema]);
  const levels = useMemo(() => nestingLevels(visible), [visible]);

  useEffect(() => {
    if (!dom || !painter.current) return;
    const nameOf = (a: Annotation) => highlightName(labelIndex.get(a.label) ?? schema.labels.length, levels.get(a.id) ?? 0);
    painter.current.update(visible, nameOf, layerPriority);
    signalPainted(dom.container);
  }, [dom, visible, levels, labelIndex, schema]);

  useViewportWindow(dom, scroller, painter, doc.article.text.length);

  useEffect(() => {
    const p = painter.current;
    if (!dom || !p) return;
    const selected = selectedId ? doc.annotations.find((a) => a.id === selectedId) : undefined;
    p.setRanges(SELECTED_HIGHLIGHT, selected?.fragments ?? [], 20);
    const linked = selected ? linksOf(doc, selected.id).flatMap((l) => l.other.fragments) : [];
    p.setRanges(LINKED_HIGHLIGHT, linked, 19);
  }, [dom, doc, selectedId]);

  const matches = useFind((s) => s.matches);
  const current = useFind((s) => s.current);
  useEffect(() => {
    const p = painter.current;
    if (!dom || !p) return;
    p.setRanges(FIND_HIGHLIGHT, matches, 21);
    const m = matches[current];
    p.setRanges(FIND_CURRENT_HIGHLIGHT, m ? [m] : [], 22);
  }, [dom, matches, current]);
}
