import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { openWorkspace, type Workspace } from '../../../../../src/main/services/workspace';
import { tempDir } from '../../../../support/temp';

/**
 * A W3C export bigger than the 50 MB import limit (W3C embeds every text; three 18 MB articles
 * make ~54 MB) says so in its report and names the way out; one file per article stays importable.
 */
let ws: Workspace;
let cleanup: () => void;
beforeAll(async () => {
  const made = tempDir('lede-export-size-');
  cleanup = made.cleanup;
  ws = await openWorkspace(join(made.dir, 'ws'), { mode: 'write', seedsDir: join(made.dir, 'none') });
  const paragraph = 'The committee met again on Thursday and the minutes ran long. ';
  const files = [1, 2, 3].map((n) => ({
    name: `long-${n}.txt`,
    bytes: new TextEncoder().encode(`Long record ${n}\n${paragraph.repeat(Math.floor((18 * 1024 * 1024) / paragraph.length))}`),
  }));
  const report = await ws.importArticleFiles(files);
  expect(report.added).toHaveLength(3);
}, 120_000);
afterAll(async () => {
  await ws.close();
  cleanup();
});

describe('exports over the import limit', () => {
  it('reports a W3C file over 50 MB as not re-importable and suggests one file per article', async () => {
    const whole = await exportFiles(ws, { format: 'w3c' });
    expect(whole.files).toHaveLength(1);
    expect(whole.report).toEqual([
      expect.stringMatching(/^Your layer "me" has no annotations in the articles chosen: the export holds their text only\.$/),
      expect.stringMatching(
        /^annotations\.w3c\.jsonld is 5\d\.\d MB, over the 50 MB import limit: it cannot be imported again as one file\. Export one file per article \(--split\) to re-import it\.$/,
      ),
    ]);
    const split = await exportFiles(ws, { format: 'w3c', split: true });
    expect(split.files.map((f) => f.path).sort()).toEqual(['long-1.w3c.jsonld', 'long-2.w3c.jsonld', 'long-3.w3c.jsonld']);
    expect(split.report).toEqual([expect.stringMatching(/^Your layer "me" has no annotations/)]);
  }, 60_000);
});
