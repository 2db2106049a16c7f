import { barDash } from '../../styles/label-cues';
import { useEffect, useMemo, useRef } from 'react';
import type { Annotation } from '../../../core/model/annotation';
import type { ArticleDoc } from '../../../core/model/document';
import type { LabelSchema } from '../../../core/model/label-schema';
import { linksOf } from '../../../core/model/links';
import { useFind } from '../../state/editor-find';
import { HighlightPainter } from './highlight-painter';
import { NestBars } from './nest-bars';
import { NestingIndex } from './nesting-index';
import {
  applyHighlightStyles,
  FIND_CURRENT_HIGHLIGHT,
  FIND_HIGHLIGHT,
  highlightName,
  layerPriority,
  LINKED_HIGHLIGHT,
  SELECTED_HIGHLIGHT,
  SUGGESTED_CURRENT_HIGHLIGHT,
  SUGGESTED_HIGHLIGHT,
} from './highlight-styles';
import { useSuggest, visibleSuggestions } from '../../state/suggest-store';
import { useWorkspace } from '../../state/workspace-store';
import type { TextDom } from './text-dom';
import { useViewportWindow } from './use-viewport-window';

let paintSeq = 0;

/**
 * Tells tests and the benchmark that what was just registered is on screen: the task queued from
 * the next animation frame runs right after that frame has been painted.
 */
function signalPainted(container: HTMLElement): void {
  const seq = ++paintSeq;
  requestAnimationFrame(() =>
    setTimeout(() => {
      container.dataset.paintSeq = String(seq);
      container.dispatchEvent(new CustomEvent('lede:painted', { bubbles: true, detail: { seq, articleId: container.dataset.articleId } }));
    }, 0),
  );
}

/**
 * Keeps the CSS highlights in step with the document, the label schema, the filters, the
 * selected annotation and find-in-article. Each concern updates only its own highlights.
 */
export function useHighlights(
  dom: TextDom | null,
  scroller: HTMLElement | null,
  layer: HTMLElement | null,
  doc: ArticleDoc,
  visible: readonly Annotation[],
  schema: LabelSchema,
  selectedId: string | null,
): void {
  const painter = useRef<HighlightPainter | null>(null);

  useEffect(() => applyHighlightStyles(schema), [schema]);

  useEffect(() => {
    if (!dom) return;
    const bars = layer?.parentElement ? new NestBars(layer, layer.parentElement) : null;
    if (!painter.current) painter.current = new HighlightPainter(dom, bars);
    else painter.current.setDom(dom, bars);
    if (!layer) return;
    // Bars are measured boxes: a new width re-wraps the text, so measure them again.
    let width = layer.parentElement?.clientWidth ?? 0;
    const resize = new ResizeObserver(() => {
      const now = layer.parentElement?.clientWidth ?? 0;
      if (now !== width) painter.current?.relayout();
      width = now;
    });
    if (layer.parentElement) resize.observe(layer.parentElement);
    return () => resize.disconnect();
  }, [dom, layer]);

  useEffect(
    () => () => {
      painter.current?.dispose();
      painter.current = null;
    },
    [],
  );

  const labelIndex = useMemo(() => new Map(schema.labels.map((l, i) => [l.id, i])), [schema]);
  // Kept up to date edit by edit (an edit re-sweeps only around what it changed).
  const nesting = useRef<NestingIndex | null>(null);
  const levels = useMemo(() => (nesting.current ??= new NestingIndex()).update(visible), [visible]);

  useEffect(() => {
    if (!dom || !painter.current) return;
    const colors = new Map(schema.labels.map((l) => [l.id, l.color]));
    painter.current.update(visible, {
      nameOf: (a: Annotation) => highlightName(labelIndex.get(a.label) ?? schema.labels.length, levels.get(a.id) ?? 0),
      priorityOf: layerPriority,
      levelOf: (a: Annotation) => levels.get(a.id) ?? 0,
      // A bar: the label's colour in its line style (the cue besides colour).
      barOf: (a: Annotation) => ({ color: colors.get(a.label) ?? '#888888', dash: barDash(labelIndex.get(a.label) ?? schema.labels.length) }),
    });
    signalPainted(dom.container);
  }, [dom, visible, levels, labelIndex, schema]);

  // A recoloured label keeps its highlight names: its bars must be redrawn in the new colour.
  useEffect(() => painter.current?.relayout(), [schema]);

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

  // Suggestions: two highlights of their own (all, and the current one), below the selection and
  // find. Their dashed underline is only on these few ranges, which change on accept/reject only.
  const suggest = useSuggest();
  const rejected = useWorkspace((s) => s.info?.settings.rejectedSuggestions?.[doc.article.id]);
  useEffect(() => {
    const p = painter.current;
    if (!dom || !p) return;
    const list = suggest.shown ? visibleSuggestions() : [];
    p.setRanges(
      SUGGESTED_HIGHLIGHT,
      list.flatMap((s) => s.fragments),
      15,
    );
    const current = list.find((s) => s.id === suggest.currentId);
    p.setRanges(SUGGESTED_CURRENT_HIGHLIGHT, current?.fragments ?? [], 16);
  }, [dom, doc, suggest, rejected]);
}
