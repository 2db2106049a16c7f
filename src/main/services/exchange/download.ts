import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportDownload, ExportRequest } from '../../../core/api/exchange';
import { formatRow, type OutputFile } from '../../../core/formats';
import type { Workspace } from '../workspace';
import { runTask, type Task } from '../tasks';
import { exportFiles } from './export-annotations';

/**
 * An export as one file to save: the file itself when the format made one, else a .zip of them
 * all (brat's .txt/.ann pairs and annotation.conf, or one file per article) with their paths.
 */
export async function exportDownload(ws: Workspace, request: ExportRequest): Promise<ExportDownload> {
  return runTask(request.task, 'The export', (task) => download(ws, request, task));
}

async function download(ws: Workspace, request: ExportRequest, task: Task): Promise<ExportDownload> {
  const out = await exportFiles(ws, request, task);
  task.check();
  const counts = {
    fileCount: out.files.length,
    articleCount: out.articleCount,
    annotationCount: out.annotationCount,
    layers: out.layers,
    layout: out.layout,
    report: out.report,
  };
  const only = out.files.length === 1 ? out.files[0]! : null;
  if (only) {
    return { name: only.path, mime: formatRow(request.format).mime, base64: Buffer.from(only.content, 'utf8').toString('base64'), ...counts };
  }
  return {
    name: `lede-${request.format}${out.layers.length > 1 || request.allLayers ? '-by-annotator' : ''}${request.split ? '-per-article' : ''}.zip`,
    mime: 'application/zip',
    base64: Buffer.from(zipFiles(out.files)).toString('base64'),
    ...counts,
  };
}

/** The files in a zip, under their relative paths (fflate: small, well kept, synchronous). */
export function zipFiles(files: readonly OutputFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) tree[f.path] = [strToU8(f.content), { level: 6 }];
  return zipSync(tree);
}
