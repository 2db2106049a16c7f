import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBrat, serializeFormat, type ImportFormat } from '../../../../src/core/formats';
import { defaultLabelSchema } from '../../../../src/core/model/label-schema';
import { sharedPath } from '../../../support/shared';
import { bratFixtures, type BratFixture } from '../../core/formats/corpora';
import { docsFromSet } from '../../core/formats/docs';
import { seedDocs } from '../../core/formats/seeds';

const FIXED_TIME = '2026-02-01T10:00:00.000Z';

/** A real input to start mutating from. */
export type FormatSeed =
  { format: 'brat'; name: string; brat: BratFixture } | { format: Exclude<ImportFormat, 'brat'>; name: string; text: string; texts: Map<string, string> };

/**
 * Fuzz seeds from the real corpora: every brat document of ../shared/corpora, the W3C test
 * suite's correct and incorrect samples, and Lede JSON, W3C and JSONL files made by exporting the
 * seed articles and a sample of the brat documents (so every importer gets well-formed input to
 * start from). `texts` lets a W3C file that names its source by hash find the article text.
 */
export function formatSeeds(): FormatSeed[] {
  const brat = bratFixtures();
  const seeds: FormatSeed[] = brat.map((b) => ({ format: 'brat', name: b.name, brat: b }));
  const samples = sharedPath('corpora/w3c-schemas/samples');
  for (const kind of readdirSync(samples).sort()) {
    for (const f of readdirSync(join(samples, kind))
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      seeds.push({ format: 'w3c', name: `w3c-samples/${kind}/${f}`, text: readFileSync(join(samples, kind, f), 'utf8'), texts: new Map() });
    }
  }
  const parsedBrat = brat
    .filter((_, i) => i % 6 === 0)
    .flatMap((b) => {
      // A fixed time and counted ids: the exported files, and so every case made from them, are
      // the same in every run (fresh ids reorder and change them, and the fixed seeds with them).
      let made = 0;
      const newId = (kind: 'annotation' | 'relation') => `${kind === 'annotation' ? 'ann' : 'rel'}_${String(++made).padStart(20, '0')}`;
      const r = parseBrat({ txt: b.txt, ann: b.ann, file: b.name, author: 'corpus', now: FIXED_TIME, newId, ...(b.conf ? { conf: b.conf } : {}) });
      return r.ok ? docsFromSet(r.value).map((d, i) => ({ ...d, article: { ...d.article, id: `a_${b.name.length}${i}`, source: b.name } })) : [];
    });
  for (const [name, docs] of [
    ['seeds', seedDocs()],
    ['brat-sample', parsedBrat],
  ] as const) {
    const texts = new Map(docs.map((d) => [d.article.hash, d.article.text]));
    for (const format of ['lede', 'w3c', 'jsonl'] as const) {
      for (const [i, doc] of docs.entries()) {
        const exported = serializeFormat(format, [doc], defaultLabelSchema());
        for (const file of exported.files) seeds.push({ format, name: `${name}/${i}/${file.path}`, text: file.content, texts });
      }
    }
  }
  return seeds;
}
