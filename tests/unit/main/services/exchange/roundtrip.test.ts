import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitAtLineBreaks } from '../../../../../src/core/formats/brat/serialize';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { importAnnotations } from '../../../../../src/main/services/exchange/import-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { SHARED_MISSING_REASON, sharedAvailable } from '../../../../support/shared';
import { newWorkspace } from '../support';
import { asInputs, layerMeaning, tagWorkspace } from './support';

if (!sharedAvailable) console.warn(`exchange round-trip tests ${SHARED_MISSING_REASON}`);

let ws: Workspace;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ ws, cleanup } = await newWorkspace());
  await tagWorkspace(ws);
});
afterEach(async () => cleanup());

const cases = [
  { format: 'lede', jsonlVariant: undefined },
  { format: 'w3c', jsonlVariant: undefined },
  { format: 'jsonl', jsonlVariant: 'label' },
  { format: 'jsonl', jsonlVariant: 'entities' },
  { format: 'brat', jsonlVariant: undefined },
] as const;

describe.skipIf(!sharedAvailable)('export -> import through the service, as another layer', () => {
  for (const { format, jsonlVariant } of cases) {
    it(`${format}${jsonlVariant ? ` (${jsonlVariant})` : ''}: the same annotations, labels, fragments, links, attributes and notes`, async () => {
      const out = await exportFiles(ws, { format, annotators: ['seed'], ...(jsonlVariant ? { jsonlVariant } : {}) });
      const result = await importAnnotations(ws, asInputs(out.files), { as: 'colleague' });
      if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
      expect(result.report.articlesAdded).toEqual([]);
      expect(result.report.articlesMatched).toBe(6);
      expect(result.report.layers).toEqual([expect.objectContaining({ author: 'colleague', articles: 6 })]);
      for (const summary of await ws.listArticles()) {
        const doc = await ws.getDoc(summary.id);
        // brat cannot hold a line break inside a span: such fragments come back split at it.
        const fragments = format === 'brat' ? (f: { start: number; end: number }[]) => splitAtLineBreaks(doc.article.text, f) : undefined;
        expect(layerMeaning(doc, 'colleague'), summary.title).toEqual(layerMeaning(doc, 'seed', { ...(fragments ? { fragments } : {}) }));
        expect(layerMeaning(doc, 'seed').length).toBeGreaterThan(0);
      }
    });
  }

  it('Lede JSON keeps its ids where they are free, and renames (with their links) those already taken', async () => {
    const out = await exportFiles(ws, { format: 'lede', annotators: ['seed'] });
    const result = await importAnnotations(ws, asInputs(out.files), { as: 'colleague' });
    if (!result.ok) throw new Error('import failed');
    expect(
      result.report.notes.some((n) =>
        /(an annotation id was|annotation ids were) already used in this article and (was given a new one|were given new ones)/.test(n),
      ),
    ).toBe(true);
    const doc = await ws.getDoc((await ws.listArticles())[0]!.id);
    expect(new Set(doc.annotations.map((a) => a.id)).size).toBe(doc.annotations.length);
    // Imported back into a workspace without those ids, a Lede JSON keeps them: restoring is lossless.
    const other = await newWorkspace();
    try {
      const restored = await importAnnotations(other.ws, asInputs(out.files));
      if (!restored.ok) throw new Error(JSON.stringify(restored.errors));
      expect(restored.report.layers.map((l) => l.author)).toEqual(['seed']);
      for (const s of await ws.listArticles()) {
        const mine = await ws.getDoc(s.id);
        const theirs = await other.ws.getDoc(s.id);
        expect(theirs.annotations).toEqual(mine.annotations.filter((a) => a.author === 'seed'));
        expect(theirs.relations).toEqual(mine.relations.filter((r) => r.author === 'seed'));
      }
      expect(other.ws.labelSchema()).toEqual(ws.labelSchema());
    } finally {
      await other.cleanup();
    }
  });

  it('refuses a layer that exists, and replaces exactly that layer when asked', async () => {
    const out = await exportFiles(ws, { format: 'w3c', annotators: ['seed'] });
    expect((await importAnnotations(ws, asInputs(out.files), { as: 'colleague' })).ok).toBe(true);
    const again = await importAnnotations(ws, asInputs(out.files), { as: 'colleague' });
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(again.errors[0]!.message).toMatch(/already has a layer "colleague" \(\d+ annotations?\); import under another name, or choose to replace/);
    const id = (await ws.listArticles())[0]!.id;
    const before = await ws.getDoc(id);
    const replaced = await importAnnotations(ws, asInputs(out.files), { as: 'colleague', replace: true });
    if (!replaced.ok) throw new Error(JSON.stringify(replaced.errors));
    expect(replaced.report.layers[0]!.replaced).toBe(6);
    const after = await ws.getDoc(id);
    expect(layerMeaning(after, 'colleague')).toEqual(layerMeaning(before, 'colleague'));
    expect(after.annotations.filter((a) => a.author === 'colleague')).toHaveLength(before.annotations.filter((a) => a.author === 'colleague').length);
    expect(after.annotations.filter((a) => a.author === 'seed')).toEqual(before.annotations.filter((a) => a.author === 'seed'));
  });

  it('creates the articles a file brings that the workspace lacks, with their text, and adds unknown labels', async () => {
    const other = await newWorkspace();
    try {
      const out = await exportFiles(ws, { format: 'jsonl', annotators: ['seed'], jsonlVariant: 'entities' });
      const renamed = out.files.map((f) => ({ ...f, content: f.content.replaceAll('"label":"actor"', '"label":"person"') }));
      const result = await importAnnotations(other.ws, asInputs(renamed), { as: 'colleague' });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.report.articlesAdded).toHaveLength(1);
      expect((await other.ws.getDoc(result.report.articlesAdded[0]!.id)).article.text).toContain('𝒳-party leader');
      expect(result.report.articlesMatched).toBe(5);
      expect(result.report.schemaAdded).toEqual(['label person']);
      expect(other.ws.labelSchema().labels.find((l) => l.id === 'person')?.color).toMatch(/^#[0-9a-f]{6}$/);
    } finally {
      await other.cleanup();
    }
  });
});
