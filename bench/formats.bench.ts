/**
 * Format adapters at workspace scale: 1,000 articles x 100 annotations (with relations,
 * attributes, notes, discontinuous spans and a few emoji), serialized in every format and parsed
 * back in every importable one. Core only: no disk, so the figures are the adapters' own cost.
 * Targets from issue 4: every export <= 2 s, every import <= 4 s.
 */
import { parseBrat, parseFormat, serializeFormat, EXPORT_FORMATS, type ExportFormat } from '../src/core/formats';
import { defaultLabelSchema } from '../src/core/model/label-schema';
import { reportMs, timeRuns } from './support';
import { ARTICLES, generatedDoc } from './workspace-fixture';

// The same generated articles as the workspace benchmarks (bench/workspace-fixture.ts).
async function main(): Promise<void> {
  const docs = Array.from({ length: ARTICLES }, (_, n) => generatedDoc(n));
  const schema = defaultLabelSchema();
  const outputs = new Map<ExportFormat, { path: string; content: string }[]>();
  for (const format of EXPORT_FORMATS) {
    const times = await timeRuns(() => outputs.set(format, serializeFormat(format, docs, schema).files), 3);
    reportMs(`formats: export ${format} (1,000 x 100)`, times, 2000);
  }
  for (const format of ['lede', 'w3c', 'jsonl'] as const) {
    const content = outputs.get(format)![0]!.content;
    let ok = false;
    // A whole 1,000 x 100 workspace in one JSON file can exceed the 50 MB import limit (W3C
    // does): the limit is lifted here to measure the parser itself, and the size is reported.
    const mb = Math.round(content.length / 1e6);
    const times = await timeRuns(() => (ok = parseFormat(format, content, { author: 'bench', keepAuthors: true, maxBytes: Infinity }).ok), 3);
    if (!ok) throw new Error(`${format} export did not parse back`);
    reportMs(`formats: import ${format} (1,000 x 100, ${mb} MB${mb > 50 ? ', over the 50 MB import limit' : ''})`, times, 4000);
  }
  const files = outputs.get('brat')!;
  const pairs = files
    .filter((f) => f.path.endsWith('.ann'))
    .map((f) => ({ ann: f.content, txt: files.find((t) => t.path === f.path.replace(/\.ann$/, '.txt'))!.content, file: f.path }));
  const conf = files.find((f) => f.path === 'annotation.conf')!.content;
  const times = await timeRuns(() => {
    for (const p of pairs) if (!parseBrat({ ...p, author: 'bench', conf }).ok) throw new Error(`${p.file} did not parse back`);
  }, 3);
  reportMs('formats: import brat (1,000 x 100)', times, 4000);
}

void main();
