/**
 * The names of the api's methods as a plain list, free of schemas, so the sandboxed preload can
 * expose exactly these without bundling the validation library. index.ts checks at compile time
 * that this list and the contract agree: add a method in both places.
 */
export const API_METHOD_NAMES = [
  'getWorkspace',
  'listArticles',
  'getArticle',
  'importArticles',
  'applyEdit',
  'saveSettings',
  'searchArticles',
  'deleteArticles',
  'restoreArticles',
  'listTrash',
  'emptyTrash',
  'renameArticle',
  'updateArticleText',
  'reviewOverview',
  'agreementReport',
  'agreementDisagreements',
  'exportAnnotations',
  'importAnnotations',
  'listActors',
  'getActor',
  'matchActorNames',
  'actorEdit',
  'knownActorNames',
  'taskProgress',
  'cancelTask',
] as const;

export type ApiMethodName = (typeof API_METHOD_NAMES)[number];

/** The IPC channels between the desktop window and the main process. */
export const IPC_API_CHANNEL = 'lede:api';
export const IPC_MENU_CHANNEL = 'lede:menu';
