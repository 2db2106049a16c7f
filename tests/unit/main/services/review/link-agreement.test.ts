import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../../../src/core/agreement/report';
import { figureDisagreements } from '../../../../../src/main/services/review/figure-disagreements';
import { readBratProject } from '../../../../../src/main/services/review/brat-project';
import { workspaceAgreement, workspaceDocuments } from '../../../../../src/main/services/review/workspace-agreement';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { newWorkspace } from '../support';
import { putBratProject } from './support';

/**
 * Link and attribute agreement through the services, on real files: the shared-trigger brat
 * project read from disk (as `lede agree DIR` reads it) and stored in a real workspace (as the
 * Review view's agreement panel measures it) gives the same figures, and the disagreements behind
 * them are located in the stored article.
 */
const PROJECT = join(__dirname, '../../../../fixtures/brat-shared-trigger');

describe('link and attribute agreement over a workspace', () => {
  let ws: Workspace;
  let cleanup: () => Promise<void>;
  let articleId: string;
  beforeAll(async () => {
    ({ ws, cleanup } = await newWorkspace());
    articleId = (await putBratProject(ws, PROJECT)).get('raid')!;
  });
  afterAll(async () => cleanup());

  it('gives the brat project’s figures: spans all agree, one Target link and one attribute value do not', async () => {
    const report = await workspaceAgreement(ws, ['ana', 'ben']);
    const project = await readBratProject(PROJECT);
    if (!project.ok) throw new Error(JSON.stringify(project.errors));
    const fromDisk = computeAgreement(project.value.documents, { annotators: ['ana', 'ben'] });
    expect(report.instance.overall.mean).toBe(1);
    expect(report.linkTypes).toEqual(['Agent', 'Target']);
    expect(report.links.perLabel.map((t) => t.mean)).toEqual([1, 2 / 3]);
    expect(fromDisk.links).toEqual({ ...report.links, perDocument: [{ ...report.links.perDocument[0]!, document: 'raid' }] });
    expect(report.attributes).toEqual([{ name: 'Certainty', mean: 0, sd: 0, n: 1, pairs: [{ a: 'ana', b: 'ben', compared: 1, agreed: 0, share: 0 }] }]);
    expect(fromDisk.attributes).toEqual(report.attributes);
  });

  it('lists the disagreements behind a link and an attribute figure, in place in the stored article', async () => {
    const docs = await workspaceDocuments(ws);
    const stored = await ws.getDoc(articleId);
    const links = figureDisagreements(docs, ['ana', 'ben'], { kind: 'link', type: 'Target' });
    expect(links.total).toBe(1);
    expect(links.items[0]).toMatchObject({
      articleId,
      label: 'Target',
      side: 'A',
      text: 'attacked → base',
      layers: ['ana', 'ben'],
      linkId: expect.any(String),
    });
    expect(stored.annotations.find((a) => a.id === links.items[0]!.annotationId)).toMatchObject({ author: 'ana', label: 'Attack' });
    expect(figureDisagreements(docs, ['ana', 'ben'], { kind: 'link', type: 'Agent' }).total).toBe(0);
    const attributes = figureDisagreements(docs, ['ana', 'ben'], { kind: 'attribute' });
    expect(attributes.items).toEqual([
      expect.objectContaining({ articleId, label: 'Target', text: 'convoy', attribute: 'Certainty', values: ['high', 'low'], start: 20, end: 26 }),
    ]);
  });
});
