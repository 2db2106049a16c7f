import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBrat } from '../../../../../src/core/formats';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { importAnnotations } from '../../../../../src/main/services/exchange/import-annotations';
import { readInputPaths } from '../../../../../src/main/services/exchange/read-paths';
import { openWorkspace } from '../../../../../src/main/services/workspace';
import { runCli } from '../../../../support/cli';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../../../support/shared';
import { tempDir } from '../../../../support/temp';
import { bratMeaning } from '../../../core/formats/brat/meaning';
import { referenceMismatches } from '../review/support';

if (!sharedAvailable) console.warn(`exchange corpus tests ${SHARED_MISSING_REASON}`);

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('lede-exchange-corpora-')));
afterAll(() => cleanup());

describe.skipIf(!sharedAvailable)('the brat corpora through the import service', () => {
  it('polnear-multi, a project laid out as <annotator>/<doc>.{txt,ann}, imports as six layers whose agreement is the reference', async () => {
    const workspace = join(dir, 'polnear');
    const ws = await openWorkspace(workspace, { mode: 'write', seedsDir: join(dir, 'no-seeds') });
    try {
      const read = await readInputPaths([sharedPath('corpora/polnear-multi')]);
      expect(read.problems).toEqual([]);
      const result = await importAnnotations(ws, read.files);
      if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
      expect(result.report.layers.map((l) => l.author)).toEqual(['4b22', '4e07', '5fec', '6b86', 'd473', 'ef2d']);
      expect(result.report.articlesAdded).toHaveLength(11);
      expect(result.report.layers.find((l) => l.author === '4e07')!.articles).toBe(10);
    } finally {
      await ws.close();
    }
    const run = runCli(['agree', '--workspace', workspace, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const reference = JSON.parse(readFileSync(sharedPath('reference/polnear-multi-agreement.json'), 'utf8'));
    expect(referenceMismatches(reference, JSON.parse(run.stdout))).toEqual([]);
  }, 120_000);

  it("brat's tutorial imports and re-exports with the same meaning, accepted by brat's rules", async () => {
    const tutorial = sharedPath('corpora/brat-tutorial-news');
    const ws = await openWorkspace(join(dir, 'tutorial'), { mode: 'write', seedsDir: join(dir, 'no-seeds') });
    try {
      const read = await readInputPaths([tutorial]);
      const result = await importAnnotations(ws, read.files, { as: 'tutorial' });
      if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
      // visual.conf is read back: display names and colours.
      expect(ws.labelSchema().labels.find((l) => l.id === 'GPE')).toMatchObject({ name: 'Geo-political entity', color: '#ffd412' });
      expect(ws.labelSchema().labels.find((l) => l.id === 'Be-born')?.name).toBe('Be born');
      const out = await exportFiles(ws, { format: 'brat', annotators: ['tutorial'] });
      const names = readdirSync(tutorial).filter((f) => f.endsWith('.ann'));
      expect(names.length).toBeGreaterThan(10);
      for (const name of names) {
        const exported = out.files.find((f) => f.path === name);
        expect(exported, name).toBeDefined();
        const txt = out.files.find((f) => f.path === name.replace(/\.ann$/, '.txt'))!.content;
        expect(txt).toBe(readFileSync(join(tutorial, name.replace(/\.ann$/, '.txt')), 'utf8'));
        expect(validateBrat({ txt, ann: exported!.content, file: name })).toEqual([]);
        expect(bratMeaning(exported!.content), name).toEqual(bratMeaning(readFileSync(join(tutorial, name), 'utf8')));
      }
      expect(out.files.map((f) => f.path)).toContain('annotation.conf');
    } finally {
      await ws.close();
    }
  }, 60_000);
});
