import type { AnnotationImportReport, AnnotationImportResult, ImportRequest } from '../../core/api/exchange';
import { counted } from '../../core/text/plural';
import { useActors } from './actors-store';
import { backend } from './api';
import { useMessages } from './messages';
import { useWorkspace } from './workspace-store';

/** Imports annotation files (or previews what they would add: `preview: 'new-labels'` or `'review'`, labels and actors). */
export function importAnnotations(request: ImportRequest): Promise<AnnotationImportResult> {
  return backend().api.importAnnotations(request);
}

/**
 * After an import stored annotations: the schema may have new labels and the list new articles, so
 * both are read again, the open article (else the first one added) shows the imported layers, and a
 * message says what came in.
 */
export async function showImportedAnnotations(report: AnnotationImportReport): Promise<void> {
  const store = useWorkspace.getState();
  store.setInfo(await backend().api.getWorkspace({}));
  await store.refreshArticles();
  // Their actors may have been added to the registry: the inspector and Actors view read the page's copy.
  if (report.actors?.length) await useActors.getState().load();
  const open = store.currentId ?? report.articlesAdded[0]?.id;
  if (open) await store.openArticle(open);
  const annotations = report.layers.reduce((n, l) => n + l.annotations, 0);
  useMessages.getState().show('success', `Imported ${counted(annotations, 'annotation')} as ${report.layers.map((l) => l.author).join(', ')}`);
}
