import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Annotation } from '../../../core/model/annotation';
import type { ArticleDoc } from '../../../core/model/document';
import { isRejectedLayer } from '../../../core/review/ids';
import { useEditor } from '../../state/editor-store';
import { authorCounts } from '../../state/editor-diff';
import { shownCount, visibleAnnotations } from '../../state/editor-visible';
import { useWorkspace } from '../../state/workspace-store';
import { AnnotationList } from './AnnotationList';
import { Inspector } from './Inspector';
import '../../styles/editor-sidebar.css';

/** What App composes into the sidebar from other features (a feature imports no other feature). */
export interface SidebarSlots {
  /** First in the pane, also before an article is open (the welcome card). */
  welcome: ReactNode;
  /** Above the inspector while an article is open (the suggestions card). */
  suggestions: ReactNode;
  /** Inside the inspector, for a selected actor span. */
  actorPanel: (doc: ArticleDoc, span: Annotation) => ReactNode;
}

/** The right-hand pane: the selected annotation, filters, and every annotation of the article. */
export function Sidebar({ welcome, suggestions, actorPanel }: SidebarSlots) {
  const doc = useWorkspace((s) => s.doc);
  const schema = useWorkspace((s) => s.info?.labelSchema);
  const filters = useEditor((s) => s.filters);
  const setFilters = useEditor((s) => s.setFilters);
  const visible = useMemo(() => (doc ? visibleAnnotations(doc.annotations, filters) : []), [doc, filters]);
  const listed = useAfterPaint(useMemo(() => ({ doc, visible }), [doc, visible]));
  // Per-author counts are kept up to date edit by edit: no pass over every annotation per render.
  const counts = useMemo(() => (doc ? authorCounts(doc.annotations).toRecord() : {}), [doc]);
  const layers = useMemo(() => (doc ? layersInOrder(doc.annotations, Object.keys(counts)) : []), [doc, counts]);
  const hasCompanions = layers.some(isRejectedLayer);
  const authors = filters.showCompanions ? layers : layers.filter((l) => !isRejectedLayer(l));
  if (!doc || !schema) {
    return (
      <aside className="sidebar" aria-label="Annotations">
        {welcome}
      </aside>
    );
  }

  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const usedLabels = schema.labels.filter((l) => doc.annotations.some((a) => a.label === l.id));
  const total = shownCount(counts, doc.annotations.length, filters);
  return (
    <aside className="sidebar" aria-label="Annotations">
      {welcome}
      {suggestions}
      <Inspector doc={doc} schema={schema} actorPanel={actorPanel} />
      <div className="filters" role="group" aria-label="Filter annotations">
        <h2 className="pane-title">
          Annotations{' '}
          <span className="count" data-testid="visible-count">
            {visible.length === total ? total : `${visible.length} of ${total}`}
          </span>
        </h2>
        {usedLabels.length > 0 && (
          <div className="chips" aria-label="Labels shown">
            {usedLabels.map((l) => {
              const shown = !filters.hiddenLabels.includes(l.id);
              return (
                <button
                  key={l.id}
                  type="button"
                  className={`chip${shown ? ' on' : ''}`}
                  aria-pressed={shown}
                  onClick={() => setFilters({ ...filters, hiddenLabels: toggle(filters.hiddenLabels, l.id) })}
                  title={shown ? `Hide ${l.name}` : `Show ${l.name}`}
                >
                  <span className="swatch" style={{ background: l.color }} />
                  {l.name}
                </button>
              );
            })}
          </div>
        )}
        {authors.length > 1 && (
          <div className="chips" aria-label="Authors shown">
            {authors.map((name) => {
              const shown = !filters.hiddenAuthors.includes(name);
              return (
                <button
                  key={name}
                  type="button"
                  className={`chip${shown ? ' on' : ''}`}
                  aria-pressed={shown}
                  onClick={() => setFilters({ ...filters, hiddenAuthors: toggle(filters.hiddenAuthors, name) })}
                >
                  {name}
                </button>
              );
            })}
          </div>
        )}
        {hasCompanions && (
          <label className="companion-toggle" title="Copies of what a review rejected, kept so a decision can be reopened">
            <input type="checkbox" checked={filters.showCompanions} onChange={(e) => setFilters({ ...filters, showCompanions: e.target.checked })} /> Show
            review companions
          </label>
        )}
      </div>
      {listed.doc?.article.id === doc.article.id && <AnnotationList doc={listed.doc} visible={listed.visible} schema={schema} />}
    </aside>
  );
}

/**
 * The layers (authors) in the order their first annotations come, as core's layersOf gives them,
 * knowing which there are: the walk stops once each was met, which with one layer is at once.
 */
function layersInOrder(annotations: readonly Annotation[], authors: readonly string[]): string[] {
  if (authors.length <= 1) return [...authors];
  const left = new Set(authors);
  const out: string[] = [];
  for (const a of annotations) {
    if (!left.delete(a.author)) continue;
    out.push(a.author);
    if (left.size === 0) break;
  }
  return out;
}

/**
 * `value`, caught up once the frame after its change is painted. The list of every annotation
 * follows an edit (or an open) this way: its rows and the virtual list's measurements are a pass
 * over all of them (some 20 ms at 20,000), which would otherwise sit between the keypress that
 * tags and the new highlight's paint. (useDeferredValue let that render run before the frame.)
 */
function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let task = 0;
    const frame = requestAnimationFrame(() => (task = window.setTimeout(() => setShown(value), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [value]);
  return shown;
}
