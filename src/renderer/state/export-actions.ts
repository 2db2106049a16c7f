import type { ExportDownload, ExportRequest } from '../../core/api/exchange';
import { counted } from '../../core/text/plural';
import { backend } from './api';
import { showError, useMessages } from './messages';
import { Cancelled, tracked } from './progress';

/**
 * Exports annotations (File → Export…) with a progress bar in the dialog, hands the file to `save`
 * (the dialog's download link) and says what was exported; a cancelled or failed export is
 * reported instead and gives null.
 */
export async function exportAnnotations(request: ExportRequest, save: (file: ExportDownload) => Promise<void>): Promise<ExportDownload | null> {
  try {
    const file = await tracked('Exporting', 'articles', (task) => backend().api.exportAnnotations({ ...request, task }), { inDialog: true });
    await save(file);
    useMessages
      .getState()
      .show('success', `Exported ${counted(file.annotationCount, 'annotation')} of ${counted(file.articleCount, 'article')} as ${file.name}`);
    return file;
  } catch (error) {
    if (error instanceof Cancelled) useMessages.getState().show('info', 'Export cancelled; nothing was saved.');
    else showError('Export failed', error);
    return null;
  }
}
