/** Lets the menu and keyboard ask the Import button to open its file chooser. */
const listeners = new Set<() => void>();

export function onImportArticlesRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function requestImportArticles(): void {
  for (const listener of listeners) listener();
}

/** Lets a drop on the window open Import annotations with the dropped files chosen. */
const annotationListeners = new Set<(files: File[]) => void>();

export function onImportAnnotationsRequest(listener: (files: File[]) => void): () => void {
  annotationListeners.add(listener);
  return () => annotationListeners.delete(listener);
}

export function requestImportAnnotations(files: File[]): void {
  for (const listener of annotationListeners) listener(files);
}
