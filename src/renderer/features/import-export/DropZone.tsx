import { useState, type DragEvent, type ReactNode } from 'react';
import { isAnnotationFile } from './exchange-files';
import { importArticles } from '../../state/article-import-actions';
import { requestImportAnnotations } from '../../commands/import-requests';

/**
 * Files dropped anywhere on the window are imported as articles — unless any is an annotation
 * file or a zip (an export, a brat .ann with its .txt): then Import annotations opens with them
 * chosen. Default browser handling (which would navigate to the file) is always prevented.
 */
export function DropZone({ children }: { children: ReactNode }) {
  const [over, setOver] = useState(false);
  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  return (
    <div
      className="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        if (hasFiles(event)) setOver(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const files = [...event.dataTransfer.files];
        if (files.some(isAnnotationFile)) requestImportAnnotations(files);
        else if (files.length) void importArticles(files);
      }}
    >
      {children}
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          <div>Drop .txt, .md or .html files to import them as articles; annotation files or a zip to import annotations</div>
        </div>
      )}
    </div>
  );
}
