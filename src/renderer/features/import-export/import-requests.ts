/** Lets the menu and keyboard ask the Import button to open its file chooser. */
const listeners = new Set<() => void>();

export function onImportArticlesRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function requestImportArticles(): void {
  for (const listener of listeners) listener();
}
