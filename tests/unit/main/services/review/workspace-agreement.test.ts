import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementJson } from '../../../../../src/core/agreement/format';
import { ApiError } from '../../../../../src/core/api/contract';
import { figureDisagreements } from '../../../../../src/main/services/review/figure-disagreements';
import { checkLayers, workspaceAgreement, workspaceDocuments, workspaceLayers } from '../../../../../src/main/services/review/workspace-agreement';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../../../support/shared';
import { newWorkspace } from '../support';
import { putBratProject, referenceMismatches } from './support';

if (!sharedAvailable) console.warn(`workspace agreement tests ${SHARED_MISSING_REASON}`);

let ws: Workspace;
let cleanup: () => Promise<void>;
let ids: Map<string, string>;
const LAYERS = ['4b22', '4e07', '5fec', '6b86', 'd473', 'ef2d'];

describe.skipIf(!sharedAvailable)('agreement over a workspace holding polnear-multi', () => {
  beforeAll(async () => {
    ({ ws, cleanup } = await newWorkspace());
    ids = await putBratProject(ws, sharedPath('corpora/polnear-multi'));
  }, 60_000);
  afterAll(async () => cleanup());

  it('lists the six layers and reproduces every reference figure to 1e-9', async () => {
    expect(await workspaceLayers(ws)).toEqual(LAYERS);
    const report = await workspaceAgreement(ws, LAYERS);
    const reference = JSON.parse(readFileSync(sharedPath('reference/polnear-multi-agreement.json'), 'utf8'));
    expect(referenceMismatches(reference, agreementJson(report) as never)).toEqual([]);
    expect(report.excluded).toEqual([expect.objectContaining({ id: ids.get('huff-post_2016-03-23_how-the-democratic-elite-betraye'), missing: ['4e07'] })]);
  });

  it('measures one article when asked, and refuses unknown layers and articles with a clear error', async () => {
    const one = ids.get('nyt_2016-08-11_new-emails-raise-queries-over-cl')!;
    const report = await workspaceAgreement(ws, ['4b22', '5fec'], [one]);
    expect(report.documents.map((d) => d.id)).toEqual([one]);
    const whole = await workspaceAgreement(ws, ['4b22', '5fec']);
    const d = whole.documents.findIndex((x) => x.id === one);
    expect(report.instance.overall.mean).toBeCloseTo(whole.instance.perDocument[d]!.mean!, 12);

    await expect(workspaceAgreement(ws, ['4b22', 'nobody'])).rejects.toThrow(/No layer named "nobody" in this workspace\. Layers: 4b22, 4e07/);
    await expect(workspaceAgreement(ws, ['4b22', '4e07'], ['a_0000000000000000'])).rejects.toMatchObject({ code: 'not-found' });
    const huff = ids.get('huff-post_2016-03-23_how-the-democratic-elite-betraye')!;
    const error = await checkLayers(ws, ['4e07', '4b22'], [huff]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/No layer named "4e07" in this article/);
  });

  it('lists the disagreements behind each kind of figure, as many as the figure counts', async () => {
    const layers = ['4b22', '5fec', 'd473'];
    const report = await workspaceAgreement(ws, layers);
    const docs = await workspaceDocuments(ws);
    const [a, b] = report.pairs[0]!;
    const instance = figureDisagreements(docs, layers, { kind: 'instance', a, b }, 100_000);
    expect(instance.total).toBe(report.instance.pairs[0]!.total.fp + report.instance.pairs[0]!.total.fn);
    expect(instance.items.filter((x) => x.side === 'B').length).toBe(report.instance.pairs[0]!.total.fp);
    expect(figureDisagreements(docs, layers, { kind: 'instance', a, b }).items).toHaveLength(500);
    const first = instance.items[0]!;
    const stored = await ws.getDoc(first.articleId);
    const annotation = stored.annotations.find((x) => x.id === first.annotationId)!;
    expect(annotation.author).toBe(first.side === 'A' ? a : b);
    expect(stored.article.text.slice(first.start, first.end)).toContain(first.text.split(' … ')[0]!);

    const everyPair = figureDisagreements(docs, layers, { kind: 'instance' }, 10_000);
    expect(everyPair.total).toBe(report.instance.pairs.reduce((s, p) => s + p.total.fp + p.total.fn, 0));

    const label = 'Source';
    const l = report.labels.indexOf(label);
    const token = figureDisagreements(docs, layers, { kind: 'token', a, b, label }, 100_000);
    const counted = token.items.reduce((s, t) => s + Math.abs(t.counts![0]! - t.counts![1]!), 0);
    expect(counted).toBe(report.token.pairs[0]!.perLabel[l]!.fp + report.token.pairs[0]!.perLabel[l]!.fn);

    const kappa = figureDisagreements(docs, layers, { kind: 'kappa', a, b, label }, 100_000);
    const table = report.tokenBinary[l]!.kappaPairs[0]!.table;
    expect(kappa.total).toBe(table.n10 + table.n01);
    const alpha = figureDisagreements(docs, layers, { kind: 'alpha', label }, 3);
    expect(alpha.items).toHaveLength(3);
    expect(alpha.total).toBeGreaterThan(kappa.total);
    expect(alpha.items[0]!.layers).toEqual(layers);

    const perDoc = figureDisagreements(docs, layers, { kind: 'instance', a, b, document: report.documents[0]!.id });
    expect(perDoc.total).toBe(report.instance.pairs[0]!.perDocument[0]!.fp + report.instance.pairs[0]!.perDocument[0]!.fn);
  });
});
