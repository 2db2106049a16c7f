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
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_FORMATS, type OutputFile } from '../src/core/formats';
import { articleIdFromHash } from '../src/core/model/article';
import type { Annotation, Relation } from '../src/core/model/annotation';
import { defaultLabelSchema } from '../src/core/model/label-schema';
import { DEFAULT_SETTINGS } from '../src/core/model/settings';
import { selectorsFor } from '../src/core/text/selectors';
import { exportFiles } from '../src/main/services/exchange/export-annotations';
import { importAnnotations } from '../src/main/services/exchange/import-annotations';
import { articleCodec, labelSchemaCodec, settingsCodec, sha256Hex } from '../src/main/services/store/file-formats';
import { openWorkspace } from '../src/main/services/workspace';
import { reportMs, timeRuns } from './support';

const ARTICLES = 1000;
const PER_ARTICLE = 100;
const LABELS = ['claim', 'quote', 'actor', 'event'];
const WORDS = ['the', 'minister', 'said', 'on', 'Tuesday', 'that', 'prices', 'would', 'fall', 'Zoë', 'reported', 'votes'];
const NOW = '2026-01-01T00:00:00.000Z';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** The workspace written straight in the store's format (set-up, not measured; no fsync). */
function generate(dir: string): void {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  const write = (file: string, data: unknown) => writeFileSync(join(dir, file), `${JSON.stringify(data)}\n`);
  write('settings.json', settingsCodec.encode(DEFAULT_SETTINGS));
  write('label-schema.json', labelSchemaCodec.encode(defaultLabelSchema()));
  for (let n = 0; n < ARTICLES; n++) {
    const rnd = lcg(n + 1);
    const parts: string[] = [`Article ${n}: talks resume\n`];
    for (let length = 0; length < 3000; ) {
      const w = WORDS[Math.floor(rnd() * WORDS.length)]!;
      const part = rnd() < 0.01 ? `${w} 😀` : rnd() < 0.05 ? `${w}.\n` : w;
      parts.push(part);
      length += part.length + 1;
    }
    const text = parts.join(' ');
    const hash = sha256Hex(text);
    const id = articleIdFromHash(hash);
    const snap = (x: number) => (text.charCodeAt(x) >= 0xdc00 && text.charCodeAt(x) <= 0xdfff ? x + 1 : x);
    const annotations: Annotation[] = [];
    for (let i = 0; i < PER_ARTICLE; i++) {
      const start = snap(30 + Math.floor(rnd() * (text.length - 100)));
      const end = snap(start + 8 + Math.floor(rnd() * 50));
      const fragments = i % 10 === 0 ? [{ start, end: snap(start + 3) }, { start: snap(start + 5), end }] : [{ start, end }];
      const label = LABELS[i % 4]!;
      const attributes: Record<string, string | boolean> = label === 'quote' ? { type: 'direct' } : label === 'claim' ? { checkWorthy: true } : {};
      annotations.push({ id: `ann_${n}_${i}`, label, fragments, ...selectorsFor(text, fragments), attributes, note: i % 7 === 0 ? 'check this' : '', author: 'bench', created: NOW, modified: NOW });
    }
    const relations: Relation[] = [];
    for (let i = 0; i + 2 < PER_ARTICLE; i += 4) relations.push({ id: `rel_${n}_${i}`, type: 'speaker', from: `ann_${n}_${i + 1}`, to: `ann_${n}_${i + 2}`, author: 'bench', created: NOW, modified: NOW });
    const doc = { article: { id, title: `Article ${n}`, source: `article-${n}.txt`, importedAt: NOW, hash, text }, annotations, relations };
    write(`articles/${id}.json`, articleCodec.encode(doc));
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'lede-bench-exchange-'));
  try {
    const base = join(root, 'base');
    generate(base);
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
      reportMs(`exchange: export ${format}${format === 'w3c' ? ' (one file per article)' : ''} via the service, reading the article files (1,000 x 100)`, times, 2000);
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
