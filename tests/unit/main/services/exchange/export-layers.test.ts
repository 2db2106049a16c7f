import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { newWorkspace } from '../support';
import { annotation } from './support';

/** Which layers an export holds: one by name, or all but the review's '(rejected)' companions. */
let ws: Workspace;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ ws, cleanup } = await newWorkspace());
  const id = (await ws.listArticles())[0]!.id;
  const doc = await ws.getDoc(id);
  const text = doc.article.text;
  const annotations = [
    annotation(text, 'm1', 'claim', [{ start: 0, end: 9 }], 'me'),
    annotation(text, 'r1', 'claim', [{ start: 0, end: 9 }], 'reviewed'),
    annotation(text, 'x1', 'actor', [{ start: 10, end: 16 }], 'reviewed (rejected)'),
  ];
  await ws.putDocs([{ ...doc, annotations }], ws.labelSchema());
});
afterEach(async () => cleanup());

const authors = (content: string) =>
  (JSON.parse(content) as { articles: { annotations: { author: string }[] }[] }).articles.flatMap((a) => a.annotations.map((x) => x.author)).sort();

describe('export layers', () => {
  it("leaves out '(rejected)' layers from every-layer exports, and says so", async () => {
    const out = await exportFiles(ws, { format: 'lede', allLayers: true });
    expect(authors(out.files[0]!.content)).toEqual(['me', 'reviewed']);
    expect(out.report).toEqual(['Left out the review companion layer(s) reviewed (rejected) (rejected items); export one by name to include it.']);
    expect(out.annotationCount).toBe(2);
  });

  it('exports a rejected layer named explicitly, or with every layer on request', async () => {
    expect(authors((await exportFiles(ws, { format: 'lede', annotators: ['reviewed (rejected)'] })).files[0]!.content)).toEqual(['reviewed (rejected)']);
    expect(authors((await exportFiles(ws, { format: 'lede', allLayers: true, withRejected: true })).files[0]!.content)).toEqual([
      'me',
      'reviewed',
      'reviewed (rejected)',
    ]);
  });
});
