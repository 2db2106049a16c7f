import type { ApiHandlers } from '../../../core/api';
import type { articleArgs } from '../../../core/api/articles';
import { articleDocToWire } from '../../../core/api/article-wire';
import type { Workspace } from '../../services/workspace';
import { decodeFilePayloads } from './files';

type ArticleHandlers = Pick<ApiHandlers, keyof typeof articleArgs>;

/** Binds the article methods of the contract to the open workspace. */
export function articleHandlers(workspace: () => Workspace): ArticleHandlers {
  return {
    getWorkspace: async () => workspace().info(),
    listArticles: async () => workspace().listArticles(),
    getArticle: async ({ id }) => articleDocToWire(await workspace().getDoc(id)),
    importArticles: async ({ files }) => workspace().importArticleFiles(decodeFilePayloads(files)),
    applyEdit: async ({ edit }) => workspace().applyEdit(edit),
    saveSettings: async ({ settings }) => workspace().saveSettings(settings),
    updateArticleText: async ({ id, file }) => workspace().updateArticleText(id, decodeFilePayloads([file])[0]!),
    searchArticles: async ({ query, limit, label, caller }) => workspace().search(query, limit, label, caller),
    deleteArticles: async ({ ids }) => ({ deleted: await workspace().deleteArticles(ids) }),
    restoreArticles: async ({ ids }) => ({ restored: await workspace().restoreArticles(ids) }),
    listTrash: async () => workspace().listTrash(),
    emptyTrash: async () => ({ removed: await workspace().emptyTrash() }),
    renameArticle: async ({ id, title }) => workspace().renameArticle(id, title),
  };
}
