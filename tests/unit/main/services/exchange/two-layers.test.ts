import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareLayers, differencesOf } from '../../../../../src/core/agreement/compare';
import { canonicalDoc } from '../../../../../src/core/edits/apply';
import { schemaWith } from '../../../../../src/core/formats';
import { splitAtLineBreaks } from '../../../../../src/core/formats/brat/serialize';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { importAnnotations } from '../../../../../src/main/services/exchange/import-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { SHARED_MISSING_REASON, sharedAvailable } from '../../../../support/shared';
import { newWorkspace } from '../support';
import { asInputs, layerMeaning, tagWorkspace } from './support';

if (!sharedAvailable) console.warn(`two-layer export tests ${SHARED_MISSING_REASON}`);

/**
 * Issue 10: a workspace with two annotators (overlapping and differing tags, links of a
 * non-built-in type, notes, attributes) exported with every layer and imported into a fresh
 * workspace: each layer comes back as itself, compared with the review's own comparison.
 */
let ws: Workspace;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ ws, cleanup } = await newWorkspace());
  await tagWorkspace(ws, 'me');
  // The colleague: the same tags on most spans, a changed label, one span left out, an extra note,
  // attribute and a link of a type brat corpora bring (Cites).
  const docs: ArticleDoc[] = [];
  for (const s of await ws.listArticles()) {
    const doc = await ws.getDoc(s.id);
    const mine = doc.annotations.filter((a) => a.author === 'me');
    const theirs = mine.slice(1).map((a, i) => ({
      ...a,
      id: `col_${a.id}`,
      author: 'colleague',
      ...(i === 0 ? { note: 'I read this differently' } : {}),
      ...(i === 1 && a.label === 'actor' ? { label: 'claim' } : {}),
    }));
    const kept = new Set(theirs.map((a) => a.id));
    const links = doc.relations
      .filter((r) => r.author === 'me')
      .map((r) => ({ ...r, id: `col_${r.id}`, from: `col_${r.from}`, to: `col_${r.to}`, author: 'colleague' }))
      .filter((r) => kept.has(r.from) && kept.has(r.to));
    if (theirs.length >= 2)
      links.push({
        id: `col_cites_${s.id}`,
        type: 'Cites',
        from: theirs[0]!.id,
        to: theirs[1]!.id,
        author: 'colleague',
        created: theirs[0]!.created,
        modified: theirs[0]!.modified,
      });
    docs.push(canonicalDoc({ ...doc, annotations: [...doc.annotations, ...theirs], relations: [...doc.relations, ...links] }));
  }
  await ws.putDocs(docs, schemaWith(ws.labelSchema(), { labels: [], relationTypes: [{ id: 'Cites', name: 'Cites', from: [], to: [] }] }).schema);
});
afterEach(async () => cleanup());

/** Review's comparison of a layer with its copy that went through a file: no difference at all. */
function differences(
  original: ArticleDoc,
  back: ArticleDoc,
  layer: string,
  fragments?: (text: string, f: { start: number; end: number }[]) => { start: number; end: number }[],
): number {
  const mine = original.annotations
    .filter((a) => a.author === layer)
    .map((a) => ({ ...a, fragments: fragments ? fragments(original.article.text, a.fragments) : a.fragments }));
  const theirs = back.annotations.filter((a) => a.author === layer).map((a) => ({ ...a, id: `back_${a.id}`, author: 'back' }));
  const relations = [
    ...original.relations.filter((r) => r.author === layer),
    ...back.relations.filter((r) => r.author === layer).map((r) => ({ ...r, id: `back_${r.id}`, from: `back_${r.from}`, to: `back_${r.to}`, author: 'back' })),
  ];
  return differencesOf(compareLayers({ article: original.article, annotations: [...mine, ...theirs], relations }, layer, 'back')).length;
}

const lossless = [
  { format: 'lede' },
  { format: 'w3c' },
  { format: 'jsonl', jsonlVariant: 'label' },
  { format: 'jsonl', jsonlVariant: 'entities' },
  { format: 'brat' },
] as const;

describe.skipIf(!sharedAvailable)('every layer, exported and imported into a fresh workspace', () => {
  for (const { format, ...variant } of lossless) {
    it(`${format}${'jsonlVariant' in variant ? ` (${variant.jsonlVariant})` : ''}: both layers come back apart, with no difference`, async () => {
      const out = await exportFiles(ws, { format, ...variant, allLayers: true });
      expect(out.layers).toEqual(['colleague', 'me']);
      expect(out.layout).toMatch(/^2 layers \(colleague, me\), kept apart: /);
      // brat cannot hold a line break inside a span (reported per item); nothing else is lost.
      expect(out.report.filter((l) => !/split at line breaks/.test(l))).toEqual([]);
      const fresh = await newWorkspace();
      try {
        // Per-annotator files are imported as the layer their name gives; a project or a Lede file brings its own.
        const byLayer = out.files.filter((f) => /^(colleague|me)\.[\w.]+$/.test(f.path));
        if (byLayer.length > 0) {
          for (const f of byLayer) {
            const r = await importAnnotations(fresh.ws, asInputs([f]), { as: f.path.split('.')[0]! });
            if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
          }
        } else {
          const r = await importAnnotations(fresh.ws, asInputs(out.files));
          if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
          expect(r.report.layers.map((l) => l.author).sort()).toEqual(['colleague', 'me']);
        }
        const back = new Map<string, ArticleDoc>();
        for (const s of await fresh.ws.listArticles()) back.set(s.id, await fresh.ws.getDoc(s.id));
        let compared = 0;
        for (const s of await ws.listArticles()) {
          const original = await ws.getDoc(s.id);
          const returned = back.get(s.id)!;
          expect(returned, s.title).toBeDefined();
          const split = format === 'brat' ? splitAtLineBreaks : undefined;
          for (const layer of ['me', 'colleague']) {
            expect(differences(original, returned, layer, split), `${s.title} ${layer}`).toBe(0);
            expect(layerMeaning(returned, layer), `${s.title} ${layer}`).toEqual(
              layerMeaning(original, layer, split ? { fragments: (f) => split(original.article.text, f) } : {}),
            );
            compared += original.annotations.filter((a) => a.author === layer).length;
          }
        }
        expect(compared).toBeGreaterThan(20);
      } finally {
        await fresh.cleanup();
      }
    });
  }

  it('CSV carries both layers in its author column and every link; it reports only link notes and normalisations', async () => {
    const out = await exportFiles(ws, { format: 'csv', allLayers: true });
    expect(out.files.map((f) => f.path)).toEqual(['annotations.csv']);
    const content = out.files[0]!.content;
    expect(content).toMatch(/,me,/);
    expect(content).toMatch(/,colleague,/);
    expect(content).toMatch(/Cites=col_/);
    expect(out.report).toEqual([
      '2 notes on links: CSV has no place for them; not exported',
      'normalisations (entity links) of 1 annotation: CSV has no place for them; not exported',
    ]);
  });

  it('CoNLL writes one file per annotator and reports, per layer and kind, what it dropped', async () => {
    const out = await exportFiles(ws, { format: 'conll', allLayers: true });
    expect(out.files.map((f) => f.path)).toEqual(['colleague.conll', 'me.conll']);
    expect(out.report.some((l) => /^colleague: \d+ links? of type "Cites": CoNLL has no links; not exported$/.test(l))).toBe(true);
    expect(out.report.some((l) => /^me: \d+ links? of type "speaker": CoNLL has no links; not exported$/.test(l))).toBe(true);
    expect(out.report.some((l) => /^me: \d+ annotation notes?: CoNLL has no notes/.test(l))).toBe(true);
    expect(out.report.some((l) => /^me: attributes of \d+ annotations?: CoNLL has no attributes/.test(l))).toBe(true);
    expect(out.report.some((l) => /^me: \d+ discontinuous annotations?: /.test(l))).toBe(true);
  });

  it('defaults to the analyst\'s own layer, never a merge of everyone (the defect: "All layers" wrote one anonymous set)', async () => {
    for (const format of ['brat', 'jsonl', 'conll', 'w3c', 'csv', 'lede'] as const) {
      const out = await exportFiles(ws, { format });
      expect(out.layers, format).toEqual(['me']);
      expect(out.layout).toBe('Only the layer me.');
      const all = out.files.map((f) => f.content).join('\n');
      expect(all, format).not.toMatch(/col_|colleague|I read this differently/);
    }
    // Every layer in brat: a project, one folder per annotator, each .ann holding one layer.
    const brat = await exportFiles(ws, { format: 'brat', allLayers: true });
    const anns = brat.files.filter((f) => f.path.endsWith('.ann'));
    expect(new Set(anns.map((f) => f.path.split('/')[0]))).toEqual(new Set(['me', 'colleague']));
    expect(brat.files.map((f) => f.path)).toEqual(expect.arrayContaining(['annotation.conf', 'visual.conf']));
  });

  it('refuses a layer that does not exist, naming those that do, and both choices at once', async () => {
    await expect(exportFiles(ws, { format: 'lede', annotators: ['nobody'] })).rejects.toThrow(
      /No layer named "nobody" in the articles chosen\. Layers: colleague, me\./,
    );
    await expect(exportFiles(ws, { format: 'lede', annotators: ['me'], allLayers: true })).rejects.toThrow(/either the layers to export or all layers/);
    const two = await exportFiles(ws, { format: 'jsonl', annotators: ['me', 'colleague'] });
    expect(two.files.map((f) => f.path).sort()).toEqual(['colleague.jsonl', 'me.jsonl']);
  });
});
