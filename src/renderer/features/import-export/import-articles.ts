import { MAX_ARTICLE_BYTES } from '../../../core/model/article';
import { backend } from '../../state/api';
import { showError, useMessages } from '../../state/messages';
import { useWorkspace } from '../../state/workspace-store';
import { readFilePayloads } from './read-files';

/**
 * Imports article files chosen in the dialog or dropped on the window, then reports what was
 * added, what was a duplicate and what was refused (and why), and opens the first new article.
 * Files over the size limit are refused here without being read, so a huge drop cannot stall the page.
 */
export async function importArticles(files: readonly File[]): Promise<void> {
  const { show } = useMessages.getState();
  const tooBig = files.filter((f) => f.size > MAX_ARTICLE_BYTES);
  const wanted = files.filter((f) => f.size <= MAX_ARTICLE_BYTES);
  const failed = tooBig.map((f) => `${f.name}: the file is ${megabytes(f.size)}, over the ${megabytes(MAX_ARTICLE_BYTES)} limit for an article`);
  if (wanted.length) {
    try {
      const report = await backend().api.importArticles({ files: await readFilePayloads(wanted) });
      failed.push(...report.failed.map((f) => `${f.file}: ${f.error}`));
      const duplicates = report.duplicates.map((d) => `${d.file} is already in the workspace (${d.existing})`);
      if (report.added.length) {
        show('success', `Imported ${report.added.length} article${report.added.length === 1 ? '' : 's'}: ${report.added.map((a) => a.title).join('; ')}`);
      }
      if (duplicates.length) show('info', `${duplicates.length} duplicate${duplicates.length === 1 ? '' : 's'} skipped`, duplicates);
      const store = useWorkspace.getState();
      await store.refreshArticles();
      const first = report.added[0];
      if (first) await store.openArticle(first.id);
    } catch (error) {
      showError('Import failed', error);
      return;
    }
  }
  if (failed.length) show('error', `${failed.length} file${failed.length === 1 ? ' was' : 's were'} not imported`, failed);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
