import type { ApiHandlers } from '../../../core/api';
import type { exchangeArgs } from '../../../core/api/exchange';
import { exportDownload } from '../../services/exchange/download';
import { importAnnotations } from '../../services/exchange/import-annotations';
import type { Workspace } from '../../services/workspace';
import { decodeFilePayloads } from './files';

type ExchangeHandlers = Pick<ApiHandlers, keyof typeof exchangeArgs>;

/**
 * Binds annotation export and import to the open workspace. A file keeps its validated relative
 * path (a brat project's annotator folders), else its base name; it only groups the files sent.
 */
export function exchangeHandlers(workspace: () => Workspace): ExchangeHandlers {
  return {
    exportAnnotations: async (request) => exportDownload(workspace(), request),
    importAnnotations: async ({ files, ...options }) => {
      const decoded = decodeFilePayloads(files);
      const inputs = decoded.map((f, i) => ({ path: files[i]!.path ?? f.name, bytes: f.bytes }));
      return importAnnotations(workspace(), inputs, options);
    },
  };
}
