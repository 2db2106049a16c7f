import { memo, useLayoutEffect, useRef } from 'react';
import type { Paragraph } from '../../../core/text/paragraphs';
import { paragraphElements } from './paragraph-dom';

/**
 * The article's paragraphs, read-only and built once per article: annotations never touch
 * this DOM (they are painted as CSS highlights), so edits cost no re-render here. Each paragraph
 * records where it starts in the text (`data-start`). The container is focusable: with focus,
 * the arrow keys move Lede's own caret and Shift extends the selection.
 */
export const ArticleText = memo(function ArticleText({
  articleId,
  paragraphs,
  onContainer,
}: {
  articleId: string;
  paragraphs: readonly Paragraph[];
  /** Called with the rendered container and the paragraphs it holds (always a matching pair), or null. */
  onContainer(rendered: { element: HTMLDivElement; paragraphs: readonly Paragraph[] } | null): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.replaceChildren(paragraphElements(paragraphs));
    onContainer({ element, paragraphs });
    return () => onContainer(null);
  }, [articleId, paragraphs, onContainer]);
  return (
    <div
      ref={ref}
      className="article-text"
      data-article-id={articleId}
      tabIndex={0}
      role="document"
      aria-roledescription="article text"
      aria-label="Article text: select text with the mouse or Shift+arrow keys, then press a label key"
    />
  );
});
