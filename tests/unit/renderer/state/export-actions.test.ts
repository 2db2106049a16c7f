import { beforeEach, describe, expect, it } from 'vitest';
import type { ExportDownload, ExportRequest } from '../../../../src/core/api/exchange';
import { ApiCallError } from '../../../../src/renderer/bridge/api-client';
import { whenSaved } from '../../../../src/renderer/state/editor-history';
import { exportAnnotations } from '../../../../src/renderer/state/export-actions';
import { useProgress } from '../../../../src/renderer/state/progress';
import { article, connectTo, FakeBackend, messageTexts } from './fake-backend';

const FILE: ExportDownload = {
  name: 'lede-export.json',
  mime: 'application/json',
  base64: 'e30=',
  fileCount: 1,
  articleCount: 2,
  annotationCount: 3,
  layers: ['me'],
  layout: 'One layer: me.',
  report: [],
};
const REQUEST: ExportRequest = { format: 'lede', articleIds: ['a', 'b'], annotators: ['me'] };

let backend: FakeBackend;
let sent: unknown[];
let saved: ExportDownload[];
const save = async (file: ExportDownload) => void saved.push(file);

beforeEach(async () => {
  await whenSaved();
  backend = new FakeBackend([article('a', 'The minister said.'), article('b', 'Unions disagreed.')]);
  connectTo(backend, 'a');
  sent = [];
  saved = [];
  backend.api.exportAnnotations = async (args) => (sent.push(args), FILE);
});

describe('export actions (state/export-actions)', () => {
  it('asks the backend for the request as a tracked task, hands the file to save and says what was exported', async () => {
    expect(await exportAnnotations(REQUEST, save)).toEqual(FILE);
    expect(sent).toEqual([{ ...REQUEST, task: expect.stringMatching(/^task-/) }]);
    expect(saved).toEqual([FILE]);
    expect(messageTexts()).toEqual(['Exported 3 annotations of 2 articles as lede-export.json']);
    expect(useProgress.getState().running).toBeNull();
  });

  it('a cancelled export saves nothing and says so, without an error', async () => {
    backend.api.exportAnnotations = async () => {
      throw new ApiCallError('exportAnnotations', { code: 'cancelled', message: 'The task was cancelled.' });
    };
    expect(await exportAnnotations(REQUEST, save)).toBeNull();
    expect(saved).toEqual([]);
    expect(messageTexts()).toEqual(['Export cancelled; nothing was saved.']);
  });

  it('a refused export, or a download that fails, is reported as an error and gives null', async () => {
    backend.api.exportAnnotations = async () => {
      throw new ApiCallError('exportAnnotations', { code: 'io', message: 'The disk is full.' });
    };
    expect(await exportAnnotations(REQUEST, save)).toBeNull();
    expect(saved).toEqual([]);
    backend.api.exportAnnotations = async () => FILE;
    expect(
      await exportAnnotations(REQUEST, async () => {
        throw new Error('no download');
      }),
    ).toBeNull();
    expect(messageTexts()).toEqual(['Export failed: The disk is full.', 'Export failed: no download']);
  });
});
