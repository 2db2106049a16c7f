import { useEffect, useRef } from 'react';
import { importArticles } from '../../state/article-import-actions';
import { onImportArticlesRequest } from '../../commands/import-requests';
import { keyHint } from '../../commands/key-hint';

export const ARTICLE_FILE_TYPES = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

/** The Import button; the File menu and Ctrl/Cmd+O open the same file chooser. */
export function ImportArticlesButton() {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => onImportArticlesRequest(() => input.current?.click()), []);
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()} title={`Import articles${keyHint('Mod+O', 'desktop')}`}>
        Import articles…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ARTICLE_FILE_TYPES}
        hidden
        data-testid="import-articles-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) void importArticles(files);
        }}
      />
    </>
  );
}
