import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationImportResult, ExportDownload } from '../../../../../src/core/api/exchange';
import { createDispatcher, type Dispatch } from '../../../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../../../src/main/ipc/handlers';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../../../support/shared';
import { newWorkspace } from '../support';
import { folderSnapshot } from './support';

if (!sharedAvailable) console.warn(`exchange api project test ${SHARED_MISSING_REASON}`);

/** Export and import through the dispatcher both transports share: arguments checked, files as base64. */
let ws: Workspace;
let dir: string;
let cleanup: () => Promise<void>;
let dispatch: Dispatch;
beforeEach(async () => {
  ({ ws, dir, cleanup } = await newWorkspace());
  dispatch = createDispatcher(
    createHandlers(() => ws),
    () => undefined,
  );
});
afterEach(async () => cleanup());

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('exchange api', () => {
  it.skipIf(!sharedAvailable)('imports a brat project sent as files with relative paths, then exports brat as a zip', async () => {
    const files = ['4b22', 'd473'].flatMap((annotator) =>
      ['nyt_2016-01-29_it-s-still-bill-but-old-magic-se'].flatMap((doc) =>
        ['txt', 'ann'].map((ext) => ({
          name: `${doc}.${ext}`,
          path: `${annotator}/${doc}.${ext}`,
          base64: b64(readFileSync(sharedPath('corpora/polnear-multi', annotator, `${doc}.${ext}`))),
        })),
      ),
    );
    const imported = (await dispatch('importAnnotations', { files })) as { ok: true; value: AnnotationImportResult };
    expect(imported.ok).toBe(true);
    if (!imported.value.ok) throw new Error(JSON.stringify(imported.value.errors));
    expect(imported.value.report.layers.map((l) => l.author)).toEqual(['4b22', 'd473']);

    const exported = (await dispatch('exportAnnotations', { format: 'brat', annotators: ['d473'] })) as { ok: true; value: ExportDownload };
    expect(exported.value).toMatchObject({ name: 'lede-brat.zip', mime: 'application/zip', articleCount: 6, fileCount: 14 });
    const zip = unzipSync(new Uint8Array(Buffer.from(exported.value.base64, 'base64')));
    expect(Object.keys(zip)).toContain('nyt_2016-01-29_it-s-still-bill-but-old-magic-se.ann');
    expect(strFromU8(zip['annotation.conf']!)).toContain('[entities]');
  });

  it('returns a single-file export as itself, with its report', async () => {
    const exported = (await dispatch('exportAnnotations', { format: 'csv' })) as { ok: true; value: ExportDownload };
    expect(exported.value).toMatchObject({ name: expect.stringMatching(/\.csv$/), mime: 'text/csv', fileCount: 1, articleCount: 5, annotationCount: 0 });
    expect(Buffer.from(exported.value.base64, 'base64').toString('utf8')).toContain('article_id');
  });

  it('refuses unsafe relative paths and bad arguments before any work', async () => {
    const before = folderSnapshot(dir);
    for (const path of ['../x.ann', '/etc/x.ann', 'C:/x.ann', 'a\\b.ann', 'a//b.ann', './a.ann', 'a/../b.ann', '']) {
      const r = await dispatch('importAnnotations', { as: 'x', files: [{ name: 'x.ann', path, base64: '' }] });
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-argument');
    }
    for (const args of [{ format: 'pdf' }, { format: 'lede', split: 'yes' }, { format: 'lede', articleIds: [] }, { format: 'lede', extra: 1 }]) {
      const r = await dispatch('exportAnnotations', args);
      expect(r.ok, JSON.stringify(args)).toBe(false);
    }
    const bad = await dispatch('importAnnotations', { as: 'x', files: [{ name: 'x.jsonl', base64: b64('{"text":"a","label":[[0,9,"q"]]}\n') }] });
    expect(bad).toMatchObject({
      ok: true,
      value: { ok: false, errors: [{ file: 'x.jsonl', line: 1, field: 'label[0]', message: expect.stringMatching(/past the end of the text/) }] },
    });
    expect(folderSnapshot(dir)).toEqual(before);
  });
});
