/**
 * Format adapters at workspace scale: 1,000 articles x 100 annotations (with relations,
 * attributes, notes, discontinuous spans and a few emoji), serialized in every format and parsed
 * back in every importable one. Core only: no disk, so the figures are the adapters' own cost.
 * Targets from issue 4: every export <= 2 s, every import <= 4 s.
 */
import { parseBrat, parseFormat, serializeFormat, EXPORT_FORMATS, type ExportFormat } from '../src/core/formats';
import type { Annotation, Relation } from '../src/core/model/annotation';
import type { ArticleDoc } from '../src/core/model/document';
import { defaultLabelSchema } from '../src/core/model/label-schema';
import { selectorsFor } from '../src/core/text/selectors';
import { reportMs, timeRuns } from './support';

const ARTICLES = 1000;
const PER_ARTICLE = 100;
const LABELS = ['claim', 'quote', 'actor', 'event'];
const WORDS = ['the', 'minister', 'said', 'on', 'Tuesday', 'that', 'prices', 'would', 'fall', 'Zoë', 'reported', 'votes'];

/** A deterministic pseudo-random generator, so every run measures the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function makeDoc(n: number): ArticleDoc {
  const rnd = lcg(n + 1);
  const parts: string[] = [];
  for (let length = 0; length < 3000; ) {
    const w = WORDS[Math.floor(rnd() * WORDS.length)]!;
    const part = rnd() < 0.01 ? `${w} 😀` : rnd() < 0.05 ? `${w}.\n` : w;
    parts.push(part);
    length += part.length + 1;
  }
  const text = parts.join(' ');
  const annotations: Annotation[] = [];
  for (let i = 0; i < PER_ARTICLE; i++) {
    // Offsets on code point boundaries: never inside an emoji's surrogate pair.
    const snap = (x: number) => (text.charCodeAt(x) >= 0xdc00 && text.charCodeAt(x) <= 0xdfff ? x + 1 : x);
    const start = snap(Math.floor(rnd() * (text.length - 60)));
    const end = snap(start + 8 + Math.floor(rnd() * 50));
    const fragments = i % 10 === 0 ? [{ start, end: snap(start + 3) }, { start: snap(start + 5), end }] : [{ start, end }];
    const label = LABELS[i % 4]!;
    annotations.push({
      id: `ann_${n}_${i}`,
      label,
      fragments,
      ...selectorsFor(text, fragments),
      attributes: label === 'quote' ? { type: 'direct' } : label === 'claim' ? { checkWorthy: true } : {},
      note: i % 7 === 0 ? 'check this against the transcript' : '',
      author: 'bench',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    });
  }
  const relations: Relation[] = [];
  for (let i = 0; i + 2 < PER_ARTICLE; i += 4) {
    relations.push({ id: `rel_${n}_${i}`, type: 'speaker', from: `ann_${n}_${i + 1}`, to: `ann_${n}_${i + 2}`, author: 'bench', created: 'c', modified: 'm' });
  }
  return { article: { id: `a_${n}`, title: `Article ${n}`, source: `article-${n}.txt`, importedAt: 'i', hash: n.toString(16).padStart(64, '0'), text }, annotations, relations };
}

async function main(): Promise<void> {
  const docs = Array.from({ length: ARTICLES }, (_, n) => makeDoc(n));
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
  const pairs = files.filter((f) => f.path.endsWith('.ann')).map((f) => ({ ann: f.content, txt: files.find((t) => t.path === f.path.replace(/\.ann$/, '.txt'))!.content, file: f.path }));
  const conf = files.find((f) => f.path === 'annotation.conf')!.content;
  const times = await timeRuns(() => {
    for (const p of pairs) if (!parseBrat({ ...p, author: 'bench', conf }).ok) throw new Error(`${p.file} did not parse back`);
  }, 3);
  reportMs('formats: import brat (1,000 x 100)', times, 4000);
}

void main();
