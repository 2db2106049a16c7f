import { MAX_ARTICLE_BYTES } from '../../core/model/article';
import { backend } from './api';
import { showError, useMessages } from './messages';
import { useWorkspace } from './workspace-store';
import { readFilePayloads } from './read-files';
import { batches } from './import-batches';
import { useProgress } from './progress';
import { counted } from '../../core/text/plural';

/**
 * Imports article files chosen in the dialog or dropped on the window, then reports what was
 * added, what was a duplicate and what was refused (and why), and opens the first new article.
 * Files over the size limit are refused here without being read, so a huge drop cannot stall the page.
 * Many files go in batches (import-batches.ts): a bar counts them, and Cancel stops before the next.
 */
export async function importArticles(files: readonly File[]): Promise<void> {
  const { show } = useMessages.getState();
  const tooBig = files.filter((f) => f.size > MAX_ARTICLE_BYTES);
  const wanted = files.filter((f) => f.size <= MAX_ARTICLE_BYTES);
  const failed = tooBig.map((f) => `${f.name}: the file is ${megabytes(f.size)}, over the ${megabytes(MAX_ARTICLE_BYTES)} limit for an article`);
  if (wanted.length) {
    const progress = useProgress.getState();
    const parts = batches(wanted);
    const added: { id: string; title: string }[] = [];
    const duplicates: string[] = [];
    let sent = 0;
    let stopped = false;
    if (parts.length > 1) progress.start({ title: 'Importing articles', total: wanted.length, unit: 'files', stopping: 'Stopping after this batch…' });
    try {
      for (const part of parts) {
        if (useProgress.getState().running?.cancelled) {
          stopped = true;
          break;
        }
        const report = await backend().api.importArticles({ files: await readFilePayloads(part) });
        added.push(...report.added);
        // Each error names its file already (and where in it).
        failed.push(...report.failed.map((f) => f.error));
        duplicates.push(...report.duplicates.map((d) => `${d.file} is already in the workspace (${d.existing})`));
        sent += part.length;
        progress.update({ done: sent });
        // The list grows as batches land, so the analyst sees the import working.
        if (parts.length > 1 && report.added.length) await useWorkspace.getState().refreshArticles();
      }
    } catch (error) {
      showError(added.length ? `Import stopped after ${counted(added.length, 'article')} had been added (they stay)` : 'Import failed', error);
    } finally {
      progress.finish();
    }
    if (stopped)
      show(
        'info',
        `Import cancelled after ${sent} of ${counted(wanted.length, 'file')}; the ${counted(added.length, 'article')} added so far stay in the workspace.`,
      );
    if (added.length) {
      // A few titles say which; the rest are listed under "show all", not in one wall of text.
      const titles = added.map((a) => a.title);
      const shown = titles.slice(0, 3).join('; ');
      const more = titles.length > 3 ? ` and ${titles.length - 3} more` : '';
      show('success', `Imported ${counted(added.length, 'article')}: ${shown}${more}`, titles.length > 3 ? titles : undefined);
    }
    if (duplicates.length) show('info', `${counted(duplicates.length, 'duplicate')} skipped`, duplicates);
    if (added.length || sent > 0) {
      const store = useWorkspace.getState();
      await store.refreshArticles();
      const first = added[0];
      if (first) await store.openArticle(first.id);
    }
  }
  if (failed.length) show('error', `${counted(failed.length, 'file was', 'files were')} not imported`, failed);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
