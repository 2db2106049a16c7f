/**
 * The api's methods, free of schemas, so the sandboxed preload can expose exactly these without
 * bundling the validation library (index.ts checks at compile time that this table and the
 * contract agree: add a method in both places), each with what calling it may do:
 *  - read: changes no article, no setting and nothing else in the workspace;
 *  - write: may change something (an article, the trash, the registry, a task's course).
 * The renderer's article prefetch trusts this: a write makes every prefetched article stale.
 * Saying here is forced by the type, so a new method cannot be left out of that count.
 */
export const API_METHODS = {
  getWorkspace: 'read',
  listArticles: 'read',
  getArticle: 'read',
  importArticles: 'write',
  applyEdit: 'write',
  saveSettings: 'write',
  searchArticles: 'read',
  deleteArticles: 'write',
  restoreArticles: 'write',
  listTrash: 'read',
  emptyTrash: 'write',
  renameArticle: 'write',
  updateArticleText: 'write',
  reviewOverview: 'read',
  agreementReport: 'read',
  agreementDisagreements: 'read',
  exportAnnotations: 'write',
  importAnnotations: 'write',
  listActors: 'read',
  getActor: 'read',
  matchActorNames: 'read',
  actorEdit: 'write',
  knownActorNames: 'read',
  taskProgress: 'read',
  cancelTask: 'write',
} as const satisfies Record<string, 'read' | 'write'>;

export type ApiMethodName = keyof typeof API_METHODS;

export const API_METHOD_NAMES = Object.keys(API_METHODS) as ApiMethodName[];

/** The methods API_METHODS calls reads. */
export type ReadMethodName = { [M in ApiMethodName]: (typeof API_METHODS)[M] extends 'read' ? M : never }[ApiMethodName];

/** Whether `name` is an api method that changes nothing (API_METHODS). */
export function isReadMethod(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(API_METHODS, name) && API_METHODS[name as ApiMethodName] === 'read';
}

/** The IPC channels between the desktop window and the main process. */
export const IPC_API_CHANNEL = 'lede:api';
export const IPC_MENU_CHANNEL = 'lede:menu';
