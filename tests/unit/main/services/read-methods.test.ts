import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntity } from '../../../../src/core/actors';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { API_METHODS, type ApiArgs, type ApiHandlers, type ReadMethodName } from '../../../../src/core/api';
import { createHandlers } from '../../../../src/main/ipc/handlers';
import { openWorkspace, type Workspace } from '../../../../src/main/services/workspace';
import { tempDir } from '../../../support/temp';
import { folderSnapshot, tagWorkspace } from './exchange/support';
import { SEEDS_DIR } from './support';

/**
 * The api table (core/api/methods.ts) calls some methods reads, and the renderer's article
 * prefetch trusts it: a prefetched article is handed out only if no write was sent since. So a
 * read that changed a file would hand out a stale article. Each read is called here, through the
 * real handlers on a real tagged workspace, with arguments that make it do its work, and every
 * file of the workspace must stay byte for byte as it was. The arguments table is typed by the
 * read methods, so a method newly called a read cannot be left out.
 */
type ReadCalls = { [M in ReadMethodName]: (ids: { article: string; actor: string }) => ApiArgs<M> };

const TASK = 'read-methods-task';
const CALLS: ReadCalls = {
  getWorkspace: () => ({}),
  listArticles: () => ({}),
  getArticle: ({ article }) => ({ id: article }),
  searchArticles: () => ({ query: 'Trump', limit: 20 }),
  listTrash: () => ({}),
  reviewOverview: () => ({ layerA: 'ana', layerB: 'ben', reviewed: 'reviewed' }),
  agreementReport: () => ({ layers: ['ana', 'ben'], task: TASK }),
  agreementDisagreements: () => ({ layers: ['ana', 'ben'], figure: { kind: 'instance' }, limit: 50 }),
  listActors: () => ({}),
  getActor: ({ actor }) => ({ id: actor }),
  matchActorNames: ({ article }) => ({ names: ['Donald Trump', 'Putin'], articleId: article, author: 'ana' }),
  knownActorNames: () => ({}),
  taskProgress: () => ({ task: TASK }),
};

let temp: ReturnType<typeof tempDir>;
let workspace: Workspace;
let handlers: ApiHandlers;
const ids = { article: '', actor: '' };

beforeAll(async () => {
  temp = tempDir('lede-read-methods-');
  workspace = await openWorkspace(join(temp.dir, 'ws'), { mode: 'write', seedsDir: SEEDS_DIR });
  handlers = createHandlers(() => workspace);
  await tagWorkspace(workspace, 'ana');
  ids.article = (await workspace.listArticles())[0]!.id;
  // A second layer, so that review and agreement compare two.
  const doc = await workspace.getDoc(ids.article);
  const tagged = createAnnotation(doc, { label: 'actor', fragments: [{ start: 0, end: 9 }] }, { author: 'ben', now: new Date().toISOString() });
  if (!tagged.ok) throw new Error('bad annotation');
  await workspace.applyEdit({ kind: 'doc', articleId: ids.article, command: tagged.value.command });
  const trump = createEntity(workspace.actors(), { name: 'Donald Trump', aliases: ['Trump'] }, new Date().toISOString());
  if (!trump.ok) throw new Error('bad entity');
  await handlers.applyEdit({ edit: trump.value.edit });
  ids.actor = trump.value.entity.id;
  await workspace.flush();
});

afterAll(async () => {
  await workspace?.close();
  temp?.cleanup();
});

describe('api reads', () => {
  it('the table calls exactly the methods CALLS exercises reads', () => {
    const reads = Object.entries(API_METHODS)
      .filter(([, kind]) => kind === 'read')
      .map(([m]) => m);
    expect(reads.sort()).toEqual(Object.keys(CALLS).sort());
  });

  it('change no file of the workspace, each doing its work', async () => {
    const before = folderSnapshot(workspace.dir);
    for (const [method, args] of Object.entries(CALLS)) {
      const handler = handlers[method as ReadMethodName] as (a: unknown) => Promise<unknown>;
      const result = await handler(args(ids));
      expect(result, method).toBeDefined();
      await workspace.flush();
      expect(folderSnapshot(workspace.dir), `${method} changed the workspace`).toEqual(before);
    }
  });
});
