import { useMemo } from 'react';
import { layersOf } from '../../../core/model/document';
import { useEditor } from '../../state/editor-store';
import { visibleAnnotations } from '../../state/editor-visible';
import { useWorkspace } from '../../state/workspace-store';
import { AnnotationList } from './AnnotationList';
import { Inspector } from './Inspector';
import { WelcomeCard } from '../settings/WelcomeCard';
import '../../styles/editor-sidebar.css';

/** The right-hand pane: the selected annotation, filters, and every annotation of the article. */
export function Sidebar() {
  const doc = useWorkspace((s) => s.doc);
  const schema = useWorkspace((s) => s.info?.labelSchema);
  const filters = useEditor((s) => s.filters);
  const setFilters = useEditor((s) => s.setFilters);
  const visible = useMemo(() => (doc ? visibleAnnotations(doc.annotations, filters) : []), [doc, filters]);
  const authors = useMemo(() => (doc ? layersOf(doc) : []), [doc]);
  if (!doc || !schema) {
    return (
      <aside className="sidebar" aria-label="Annotations">
        <WelcomeCard />
      </aside>
    );
  }

  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const usedLabels = schema.labels.filter((l) => doc.annotations.some((a) => a.label === l.id));
  return (
    <aside className="sidebar" aria-label="Annotations">
      <WelcomeCard />
      <Inspector doc={doc} schema={schema} />
      <div className="filters" role="group" aria-label="Filter annotations">
        <h2 className="pane-title">
          Annotations{' '}
          <span className="count" data-testid="visible-count">
            {visible.length === doc.annotations.length ? doc.annotations.length : `${visible.length} of ${doc.annotations.length}`}
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
      </div>
      <AnnotationList doc={doc} visible={visible} schema={schema} />
    </aside>
  );
}
