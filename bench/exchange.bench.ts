/**
 * Annotation export and import through the SERVICE at workspace scale: 1,000 articles x 100
 * annotations stored in a real workspace folder. Each export is timed from a freshly opened
 * workspace (so reading the article files is included); each import reads the exported files as
 * an analyst hands them back (bytes: strict UTF-8 decoding, sha256 of every text, parsing,
 * attaching to the stored articles as a new layer, and putDocs's validated durable writes) into a
 * fresh copy of the workspace. W3C is imported as one file per article: the whole workspace in
 * one W3C file is over the 50 MB import limit (the export report says so).
 * Targets from issue 4: every export <= 2 s, every import <= 4 s. Exports are also timed on an
 * open workspace whose documents are loaded (how the app runs after the first read).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_FORMATS, type OutputFile } from '../src/core/formats';
import { exportFiles } from '../src/main/services/exchange/export-annotations';
import { importAnnotations } from '../src/main/services/exchange/import-annotations';
import { openWorkspace } from '../src/main/services/workspace';
import { reportMs, timeRuns } from './support';
import { generateWorkspace } from './workspace-fixture';

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'lede-bench-exchange-'));
  try {
    const base = join(root, 'base');
    generateWorkspace(base);
    // Open once in write mode so the index cache exists: later opens are what an analyst sees.
    await (await openWorkspace(base, { mode: 'write' })).close();

    const exported = new Map<string, OutputFile[]>();
    for (const format of EXPORT_FORMATS) {
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        const ws = await openWorkspace(base, { mode: 'read' });
        const t0 = performance.now();
        const out = await exportFiles(ws, { format, annotators: ['bench'], ...(format === 'w3c' ? { split: true } : {}) });
        times.push(performance.now() - t0);
        exported.set(format, out.files);
        await ws.close();
      }
      reportMs(
        `exchange: export ${format}${format === 'w3c' ? ' (one file per article)' : ''} via the service, reading the article files (1,000 x 100)`,
        times,
        2000,
      );
    }
    // As in the running app: the workspace is open and its documents were read once already.
    const open = await openWorkspace(base, { mode: 'read' });
    await exportFiles(open, { format: 'lede', annotators: ['bench'] });
    for (const format of EXPORT_FORMATS) {
      const times = await timeRuns(() => exportFiles(open, { format, annotators: ['bench'], ...(format === 'w3c' ? { split: true } : {}) }), 3, 0);
      reportMs(`exchange: export ${format} via the service, documents already loaded (1,000 x 100)`, times, 2000);
    }
    await open.close();

    const encoder = new TextEncoder();
    for (const format of ['lede', 'w3c', 'jsonl', 'brat'] as const) {
      const inputs = exported.get(format)!.map((f) => ({ path: f.path, bytes: encoder.encode(f.content) }));
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        const copy = join(root, `import-${format}-${run}`);
        // Timestamps kept, so the index cache stays valid and the import itself reads the article files.
        cpSync(base, copy, { recursive: true, preserveTimestamps: true });
        const ws = await openWorkspace(copy, { mode: 'write' });
        const t0 = performance.now();
        const result = await importAnnotations(ws, inputs, { as: 'colleague' });
        times.push(performance.now() - t0);
        if (!result.ok) throw new Error(`${format}: ${JSON.stringify(result.errors.slice(0, 3))}`);
        await ws.close();
        rmSync(copy, { recursive: true, force: true });
      }
      reportMs(`exchange: import ${format}${format === 'w3c' ? ' (one file per article)' : ''} via the service as a new layer (1,000 x 100)`, times, 4000);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
