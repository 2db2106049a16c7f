/**
 * A generated workspace at bulk scale (1,000 articles x 100 annotations, with relations,
 * attributes, notes, discontinuous spans and a few emoji), written straight in the store's format
 * (set-up, not measured; no fsync). Shared by the service and CLI exchange benchmarks.
 * The first layer is always the same data; further layers differ from it the way a colleague's
 * do (some spans shifted, relabelled or moved), for the agreement figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleIdFromHash } from '../src/core/model/article';
import type { Annotation, Relation } from '../src/core/model/annotation';
import type { ArticleDoc } from '../src/core/model/document';
import { defaultLabelSchema } from '../src/core/model/label-schema';
import { DEFAULT_SETTINGS } from '../src/core/model/settings';
import { selectorsFor } from '../src/core/text/selectors';
import { articleCodec, labelSchemaCodec, settingsCodec, sha256Hex } from '../src/main/services/store/file-formats';

export const ARTICLES = 1000;
export const PER_ARTICLE = 100;
const LABELS = ['claim', 'quote', 'actor', 'event'];
const WORDS = ['the', 'minister', 'said', 'on', 'Tuesday', 'that', 'prices', 'would', 'fall', 'Zoë', 'reported', 'votes'];
const NOW = '2026-01-01T00:00:00.000Z';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function generateWorkspace(dir: string, layers: readonly string[] = ['bench']): void {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  const write = (file: string, data: unknown) => writeFileSync(join(dir, file), `${JSON.stringify(data)}\n`);
  write('settings.json', settingsCodec.encode(DEFAULT_SETTINGS));
  write('label-schema.json', labelSchemaCodec.encode(defaultLabelSchema()));
  for (let n = 0; n < ARTICLES; n++) {
    const doc = generatedDoc(n, layers);
    write(`articles/${doc.article.id}.json`, articleCodec.encode(doc));
  }
}

/**
 * Article `n` of the generated workspace, with one copy of its annotations per layer (the first
 * layer always the same data). Also what the format benchmarks serialise.
 */
export function generatedDoc(n: number, layers: readonly string[] = ['bench']): ArticleDoc {
  const rnd = lcg(n + 1);
  const parts: string[] = [`Article ${n}: talks resume\n`];
  for (let length = 0; length < 3000;) {
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
  const relations: Relation[] = [];
  const spans: { start: number; end: number; label: string }[] = [];
  for (let i = 0; i < PER_ARTICLE; i++) {
    const start = snap(30 + Math.floor(rnd() * (text.length - 100)));
    const end = snap(start + 8 + Math.floor(rnd() * 50));
    spans.push({ start, end, label: LABELS[i % 4]! });
  }
  for (const [l, author] of layers.entries()) {
    const vary = lcg(n * 31 + l);
    const prefix = l === 0 ? 'ann' : `ann${l}`;
    for (const [i, span] of spans.entries()) {
      let { start, end, label } = span;
      if (l > 0) {
        const roll = vary();
        if (roll < 0.1) end = snap(Math.min(text.length, end + 4));
        else if (roll < 0.15) label = LABELS[(i + 1) % 4]!;
        else if (roll < 0.2) start = snap(Math.max(0, start - 6));
      }
      const fragments =
        i % 10 === 0
          ? [
              { start, end: snap(start + 3) },
              { start: snap(start + 5), end },
            ]
          : [{ start, end }];
      const attributes: Record<string, string | boolean> = label === 'quote' ? { type: 'direct' } : label === 'claim' ? { checkWorthy: true } : {};
      annotations.push({
        id: `${prefix}_${n}_${i}`,
        label,
        fragments,
        ...selectorsFor(text, fragments),
        attributes,
        note: i % 7 === 0 ? 'check this' : '',
        author,
        created: NOW,
        modified: NOW,
      });
    }
    const rel = l === 0 ? 'rel' : `rel${l}`;
    for (let i = 0; i + 2 < PER_ARTICLE; i += 4)
      relations.push({
        id: `${rel}_${n}_${i}`,
        type: 'speaker',
        from: `${prefix}_${n}_${i + 1}`,
        to: `${prefix}_${n}_${i + 2}`,
        author,
        created: NOW,
        modified: NOW,
      });
  }
  return { article: { id, title: `Article ${n}`, source: `article-${n}.txt`, importedAt: NOW, hash, text }, annotations, relations };
}
