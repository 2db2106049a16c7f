import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Annotation } from '../../../core/model/annotation';
import type { ArticleDoc } from '../../../core/model/document';
import type { LabelSchema } from '../../../core/model/label-schema';
import { useEditor } from '../../state/editor-store';
import { jumpTo } from '../../commands/editor-commands';
import { focusText } from '../../state/editor-view';
import { rowList } from './list-rows';

/**
 * The article's annotations grouped by label, each with its text, author, a note marker and its
 * links. Virtualised: with thousands of annotations only the rows in view exist. Click or Enter
 * scrolls the text to the annotation and flashes it; ↑/↓ move between rows.
 */
export const AnnotationList = memo(function AnnotationList({ doc, visible, schema }: { doc: ArticleDoc; visible: readonly Annotation[]; schema: LabelSchema }) {
  const selectedId = useEditor((s) => s.selectedId);
  // Rows are made only for what is in view: an edit does not build a row per annotation.
  const rows = useMemo(() => rowList(doc, visible, schema), [doc, visible, schema]);
  const scroller = useRef<HTMLDivElement>(null);
  // Rows have fixed heights (snippets are clamped to two lines, links to two): nothing is
  // measured in the DOM, so an edit in a 5,000-annotation article costs no layout here.
  const heights = useMemo(() => rows.heights(GROUP_HEIGHT, annotationRowHeight), [rows]);
  const estimateSize = useCallback((i: number) => heights[i] ?? ROW_HEIGHT, [heights]);
  const getItemKey = useCallback((i: number) => rows.key(i), [rows]);
  const getScrollElement = useCallback(() => scroller.current, []);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, overscan: 8, getItemKey });

  // Keep the selected annotation's row in view when it was selected in the text: just after the
  // next paint, because scrolling forces a layout, and the new highlight in the text comes first.
  const selectedIndex = useMemo(() => (selectedId ? rows.indexOf(selectedId) : -1), [rows, selectedId]);
  useEffect(() => {
    if (selectedIndex < 0) return;
    let task = 0;
    const frame = requestAnimationFrame(() => (task = window.setTimeout(() => virtualizer.scrollToIndex(selectedIndex, { align: 'auto' }), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [selectedIndex, virtualizer]);

  const focusRow = (index: number) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row="${index}"]`)?.focus());
  };
  const step = (from: number, direction: 1 | -1) => {
    for (let i = from + direction; i >= 0 && i < rows.length; i += direction) {
      if (rows.at(i).kind === 'annotation') return focusRow(i);
    }
  };

  if (rows.length === 0) {
    return <p className="muted sidebar-empty">No annotations{visible.length < doc.annotations.length ? ' match the filters' : ' yet'}.</p>;
  }
  return (
    <div ref={scroller} className="annotation-list" role="list" aria-label="Annotations">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows.at(item.index);
          const style = { transform: `translateY(${item.start}px)` };
          if (row.kind === 'group') {
            return (
              <div key={item.key} data-index={item.index} className="list-group" style={{ ...style, height: item.size }} role="heading" aria-level={3}>
                <span className="swatch" style={{ background: row.color }} />
                {row.name} <span className="count">{row.count}</span>
              </div>
            );
          }
          const a = row.annotation;
          const selected = a.id === selectedId;
          return (
            <div key={item.key} data-index={item.index} className="list-row-wrap" style={{ ...style, height: item.size }} role="listitem">
              <button
                type="button"
                data-row={item.index}
                data-annotation-id={a.id}
                className={`list-row${selected ? ' selected' : ''}`}
                aria-current={selected ? 'true' : undefined}
                onClick={() => {
                  jumpTo(a.id);
                  focusText();
                }}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    e.preventDefault();
                    step(item.index, e.key === 'ArrowDown' ? 1 : -1);
                  }
                }}
              >
                <span className="row-snippet">{row.snippet}</span>
                <span className="row-meta">
                  <span className="row-author">{a.author}</span>
                  {a.fragments.length > 1 && <span className="row-badge">{a.fragments.length} fragments</span>}
                  {a.note && (
                    <span className="row-badge note-marker" title={a.note}>
                      ✎ note
                    </span>
                  )}
                </span>
                {row.links.slice(0, MAX_LINK_LINES).map((l) => (
                  <span key={l} className="row-link">
                    {l}
                  </span>
                ))}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
});

const MAX_LINK_LINES = 2;
const GROUP_HEIGHT = 30;
const ROW_HEIGHT = 76;
const LINK_LINE_HEIGHT = 17;

function annotationRowHeight(links: number): number {
  return ROW_HEIGHT + Math.min(links, MAX_LINK_LINES) * LINK_LINE_HEIGHT;
}
