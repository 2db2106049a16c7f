import { useEffect, useState } from 'react';
import { handleMenuCommand } from '../../commands/use-menu-commands';
import { ExportDialog } from './ExportDialog';
import { ImportAnnotationsDialog } from './ImportAnnotationsDialog';
import { onImportAnnotationsRequest } from '../../commands/import-requests';
import './exchange.css';
import { keyHint } from '../../commands/key-hint';

/** The top bar's Export… and Import annotations… buttons; File → Export… and File → Import Annotations… open the same dialogs. */
export function ExchangeButtons() {
  const [open, setOpen] = useState<'none' | 'export' | 'import'>('none');
  const [dropped, setDropped] = useState<File[]>([]);
  useEffect(() => {
    const offExport = handleMenuCommand('export', () => setOpen('export'));
    const offImport = handleMenuCommand('importAnnotations', () => (setDropped([]), setOpen('import')));
    // Dropped annotation files: the dialog opens anew with them chosen.
    const offDrop = onImportAnnotationsRequest((files) => (setOpen('none'), setDropped(files), setTimeout(() => setOpen('import'))));
    return () => (offExport(), offImport(), offDrop());
  }, []);
  const close = () => (setOpen('none'), setDropped([]));
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => (setDropped([]), setOpen('import'))}
        title={`Import a colleague's annotations as a layer${keyHint('Mod+Shift+O', 'desktop')}`}
      >
        Import annotations…
      </button>
      <button type="button" className="button" onClick={() => setOpen('export')} title={`Export annotations${keyHint('Mod+E', 'desktop')}`}>
        Export…
      </button>
      {open === 'export' && <ExportDialog onClose={close} />}
      {open === 'import' && <ImportAnnotationsDialog onClose={close} initial={dropped} />}
    </>
  );
}
