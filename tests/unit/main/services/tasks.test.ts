import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalDoc } from '../../../../src/core/edits/apply';
import { ApiError } from '../../../../src/core/api/contract';
import type { TaskProgress } from '../../../../src/core/api/tasks';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { exportDownload } from '../../../../src/main/services/exchange/download';
import { workspaceAgreement } from '../../../../src/main/services/review/workspace-agreement';
import { cancelTask, runTask, taskProgress } from '../../../../src/main/services/tasks';
import type { Workspace } from '../../../../src/main/services/workspace';
import { tagWorkspace } from './exchange/support';
import { newWorkspace } from './support';

let ws: Workspace;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ ws, cleanup } = await newWorkspace());
  await tagWorkspace(ws, 'ana');
  // A second layer: Ben tagged the same spans (agreement needs two).
  const docs = await Promise.all((await ws.listArticles()).map((s) => ws.getDoc(s.id)));
  await ws.putDocs(
    docs.map((d) => canonicalDoc({ ...d, annotations: [...d.annotations, ...d.annotations.map((a) => ({ ...a, id: `${a.id}_ben`, author: 'ben' }))] })),
    ws.labelSchema(),
  );
});
afterEach(async () => cleanup());

/**
 * Watches the real workspace's reads during a task: after `n` reads it records the task's
 * progress, and cancels it when asked. The reads themselves go to the store unchanged.
 */
function watchReads(task: string, n: number, cancel: boolean): TaskProgress[] {
  const seen: TaskProgress[] = [];
  let reads = 0;
  // Both ways a task reads an article: kept in the store's cache (export) or read once (agreement).
  const watched = (read: (id: string) => Promise<ArticleDoc>) => async (id: string) => {
    const doc = await read(id);
    if (++reads === n) {
      seen.push(taskProgress(task)!);
      if (cancel) expect(cancelTask(task)).toBe(true);
    }
    return doc;
  };
  ws.getDoc = watched(ws.getDoc.bind(ws));
  ws.getDocOnce = watched(ws.getDocOnce.bind(ws));
  return seen;
}

describe('long tasks', () => {
  it('an export counts the articles it reads, and is gone when done', async () => {
    const total = (await ws.listArticles()).length;
    const seen = watchReads('export-task-1', 3, false);
    const file = await exportDownload(ws, { format: 'csv', allLayers: true, task: 'export-task-1' });
    expect(file.articleCount).toBe(total);
    expect(seen).toEqual([{ step: 'Reading articles', done: expect.any(Number), total, cancelled: false }]);
    expect(seen[0]!.done).toBeLessThan(total);
    expect(taskProgress('export-task-1')).toBeNull();
  });

  it('a cancelled export ends with the code cancelled and writes nothing; the task is gone after', async () => {
    watchReads('export-task-2', 2, true);
    const before = await ws.listArticles();
    const error = await exportDownload(ws, { format: 'lede', allLayers: true, task: 'export-task-2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('cancelled');
    expect((error as ApiError).message).toBe('The export was cancelled; nothing was written.');
    expect(await ws.listArticles()).toEqual(before);
    expect(taskProgress('export-task-2')).toBeNull();
    expect(cancelTask('export-task-2')).toBe(false);
  });

  it('agreement over the workspace counts its articles and can be cancelled', async () => {
    const seen = watchReads('agree-task-1', 2, false);
    const report = await workspaceAgreement(ws, ['ana', 'ben'], undefined, 'agree-task-1');
    expect(report.documents.length).toBeGreaterThan(2);
    expect(seen[0]).toMatchObject({ step: 'Reading articles', total: report.documents.length });

    watchReads('agree-task-2', 2, true);
    const error = await workspaceAgreement(ws, ['ana', 'ben'], undefined, 'agree-task-2').catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('cancelled');
    expect(taskProgress('agree-task-2')).toBeNull();
  });

  it('two tasks cannot share an id; an unnamed task is not tracked', async () => {
    let release!: () => void;
    const first = runTask('same-id-123', 'One', () => new Promise<void>((r) => (release = r)));
    await expect(runTask('same-id-123', 'Two', async () => 1)).rejects.toMatchObject({ code: 'conflict' });
    release();
    await first;
    expect(await runTask(undefined, 'Three', async (t) => (t.step('x', 1), t.advance(), 3))).toBe(3);
  });
});
