import { useCallback, useEffect, useMemo, useState } from 'react';
import { paragraphsOf, type Paragraph } from '../../../core/text/paragraphs';
import { useFind } from '../../state/editor-find';
import { useEditor } from '../../state/editor-store';
import { visibleAnnotations } from '../../state/editor-visible';
import { useWorkspace } from '../../state/workspace-store';
import { ArticleInfo, articleDateline } from './ArticleInfo';
import { ReviewQueue, UpdateTextButton } from './UpdateText';
import { ArticleText } from './ArticleText';
import { attachView } from '../../state/editor-view';
import { FindBar } from './FindBar';
import { LabelPopup, SpanChooser } from './LabelPopup';
import { LinkPicker } from './LinkPicker';
import { Overlay } from './Overlay';
import { HoverCard } from './HoverCard';
import { TextDom } from './text-dom';
import { useHighlights } from './use-highlights';
import { useSelectionSync } from './use-selection-sync';
import { useTextPointer } from './use-text-pointer';
import '../../styles/editor.css';

/**
 * The open article: its text (read-only), the highlights painted over it, the overlay with the
 * caret, selection frame and link arrows, and the popups for tagging, choosing and linking.
 */
export function ArticleView() {
  const doc = useWorkspace((s) => s.doc);
  const schema = useWorkspace((s) => s.info?.labelSchema);
  const filters = useEditor((s) => s.filters);
  const selectedId = useEditor((s) => s.selectedId);
  const text = doc?.article.text ?? '';
  const articleId = doc?.article.id ?? '';
  const paragraphs = useMemo(() => paragraphsOf(text), [text]);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const [barLayer, setBarLayer] = useState<HTMLDivElement | null>(null);
  // The DOM mapping is built from what ArticleText reports it rendered, never from the current
  // paragraphs: right after switching articles those belong to a text not yet in the DOM.
  const [rendered, setRendered] = useState<{ element: HTMLDivElement; paragraphs: readonly Paragraph[] } | null>(null);
  const onContainer = useCallback((r: typeof rendered) => setRendered(r), []);
  // Until the new article's text is in the DOM, there is no mapping: annotations of one article
  // must never be painted onto the text of another.
  const renderedId = rendered?.element.dataset.articleId;
  const dom = useMemo(
    () => (rendered && renderedId === articleId && rendered.paragraphs === paragraphs ? new TextDom(rendered.element, rendered.paragraphs) : null),
    [rendered, renderedId, articleId, paragraphs],
  );

  useEffect(() => {
    attachView(dom && scroller ? { dom, scroller } : null);
    return () => attachView(null);
  }, [dom, scroller]);

  // A different article: nothing of the last one stays selected; find searches the new text.
  useEffect(() => {
    useEditor.getState().reset();
    const find = useFind.getState();
    if (find.open) find.search(text, find.query);
  }, [articleId, text]);

  const visible = useMemo(() => (doc ? visibleAnnotations(doc.annotations, filters) : []), [doc, filters]);
  useTextPointer(dom);
  useSelectionSync(dom);
  useHighlights(dom, scroller, barLayer, doc ?? EMPTY_DOC, visible, schema ?? EMPTY_SCHEMA, selectedId);

  const [infoOpen, setInfoOpen] = useState(false);
  useEffect(() => setInfoOpen(false), [articleId]);
  if (!doc || !schema) return <main className="article-view empty">Choose an article on the left, or import one.</main>;
  const { article } = doc;
  return (
    <main className="article-view" aria-label="Article" ref={setScroller}>
      <FindBar text={article.text} />
      <header className="article-header">
        <h1>{article.title}</h1>
        {articleDateline(article) && <p className="article-dateline">{articleDateline(article)}</p>}
        <p className="muted">
          {article.source} · imported {new Date(article.importedAt).toLocaleString()} · <span data-testid="annotation-count">{doc.annotations.length}</span>{' '}
          {doc.annotations.length === 1 ? 'annotation' : 'annotations'} ·{' '}
          <button type="button" className="link-button" aria-expanded={infoOpen} onClick={() => setInfoOpen(!infoOpen)}>
            Details…
          </button>{' '}
          · <UpdateTextButton articleId={article.id} />
        </p>
        {infoOpen && <ArticleInfo key={article.id + article.title} article={article} onClose={() => setInfoOpen(false)} />}
        <ReviewQueue doc={doc} schema={schema} />
      </header>
      <div className="article-body" ref={setBody}>
        <div className="nest-layer" ref={setBarLayer} aria-hidden="true" />
        <ArticleText key={article.id} articleId={article.id} paragraphs={paragraphs} onContainer={onContainer} />
        {dom && body && (
          <>
            <Overlay dom={dom} body={body} doc={doc} schema={schema} />
            <HoverCard dom={dom} body={body} doc={doc} schema={schema} />
            <LabelPopup dom={dom} body={body} doc={doc} schema={schema} />
            <SpanChooser dom={dom} body={body} doc={doc} schema={schema} />
            <LinkPicker dom={dom} body={body} doc={doc} schema={schema} />
          </>
        )}
      </div>
    </main>
  );
}

const EMPTY_SCHEMA = { labels: [], relationTypes: [] };
const EMPTY_DOC = {
  article: { id: '', title: '', source: '', importedAt: '', hash: '0'.repeat(64), text: '' },
  annotations: [],
  relations: [],
};
