import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalDoc } from '../../../../../src/core/edits/apply';
import { validateBrat } from '../../../../../src/core/formats';
import { exportDownload } from '../../../../../src/main/services/exchange/download';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { importAnnotations, type InputFile } from '../../../../../src/main/services/exchange/import-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { newWorkspace } from '../support';
import { folderSnapshot, layerMeaning, tagWorkspace } from './support';
import { splitAtLineBreaks } from '../../../../../src/core/formats/brat/serialize';

// The zip refusals (a zip bomb among them) take 3–8 s alone and came near the 30 s default on a
// loaded machine: a slow machine is not a failure.
const HEAVY_TEST_TIMEOUT = 120_000;

/** Every export re-imports where it was made; a stock brat project imports with its furniture skipped; a BOM counts as brat counts it. */
let ws: Workspace;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ ws, dir, cleanup } = await newWorkspace()));
afterEach(async () => cleanup());

const file = (path: string, content: string | Uint8Array): InputFile => ({ path, bytes: typeof content === 'string' ? strToU8(content) : content });

async function expectRefused(files: InputFile[], message: RegExp): Promise<void> {
  await ws.flush();
  const before = folderSnapshot(dir);
  const result = await importAnnotations(ws, files, { as: 'colleague' });
  expect(result.ok).toBe(false);
  expect(result.ok ? [] : result.errors).toContainEqual(expect.objectContaining({ message: expect.stringMatching(message) }));
  await ws.flush();
  expect(folderSnapshot(dir)).toEqual(before);
}

describe('zips', () => {
  it("the app's own brat export (a zip) imports back as another layer with the same meaning", async () => {
    await tagWorkspace(ws);
    const download = await exportDownload(ws, { format: 'brat', annotators: ['seed'] });
    expect(download.mime).toBe('application/zip');
    const result = await importAnnotations(ws, [{ path: download.name, bytes: new Uint8Array(Buffer.from(download.base64, 'base64')) }], { as: 'colleague' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(result.report.articlesMatched).toBe(6);
    expect(result.report.schemaAdded).toEqual([]);
    for (const s of await ws.listArticles()) {
      const doc = await ws.getDoc(s.id);
      const fragments = (f: { start: number; end: number }[]) => splitAtLineBreaks(doc.article.text, f);
      expect(layerMeaning(doc, 'colleague'), doc.article.title).toEqual(layerMeaning(doc, 'seed', { fragments }));
    }
  });

  it("the app's brat export of every layer (a project zip, <annotator>/<doc>) imports back as those layers", async () => {
    await tagWorkspace(ws, 'alice');
    // bob: a copy of alice's layer, with fresh ids.
    const docs = await Promise.all((await ws.listArticles()).map(async (s) => ws.getDoc(s.id)));
    await ws.putDocs(
      docs.map((d) =>
        canonicalDoc({
          ...d,
          annotations: [...d.annotations, ...d.annotations.map((a) => ({ ...a, id: `bob_${a.id}`, author: 'bob' }))],
          relations: [...d.relations, ...d.relations.map((r) => ({ ...r, id: `bob_${r.id}`, from: `bob_${r.from}`, to: `bob_${r.to}`, author: 'bob' }))],
        }),
      ),
      ws.labelSchema(),
    );
    const download = await exportDownload(ws, { format: 'brat', allLayers: true });
    const { ws: fresh, cleanup: done } = await newWorkspace();
    try {
      const result = await importAnnotations(fresh, [{ path: download.name, bytes: new Uint8Array(Buffer.from(download.base64, 'base64')) }]);
      if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
      expect(result.report.layers.map((l) => l.author)).toEqual(['alice', 'bob']);
      expect(result.report.layers[0]!.annotations).toBe(result.report.layers[1]!.annotations);
      expect(result.report.schemaAdded.filter((s) => s.startsWith('label '))).toEqual([]);
    } finally {
      await done();
    }
  });

  it('a zipped project folder (one wrapping folder, annotators inside) keeps its annotator folders as layers', async () => {
    const text = (await ws.getDoc((await ws.listArticles())[0]!.id)).article.text;
    const ann = `T1\tactor 0 4\t${text.slice(0, 4)}\n`;
    const zip = zipSync({
      'project/alice/a.txt': strToU8(text),
      'project/alice/a.ann': strToU8(ann),
      'project/bob/a.txt': strToU8(text),
      'project/bob/a.ann': strToU8(ann),
      'project/README': strToU8('hello'),
    });
    const result = await importAnnotations(ws, [file('project.zip', zip)]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.layers.map((l) => l.author)).toEqual(['alice', 'bob']);
    expect(result.report.notes).toContain("README: not an annotation file (a brat project's README, settings or cache); skipped");
  });

  it(
    'refuses, changing nothing: a path outside the zip, a zip in a zip, an empty zip, a zip bomb, bytes that are no zip',
    async () => {
      const text = 'Some text here.';
      await expectRefused([file('evil.zip', zipSync({ '../evil.ann': strToU8('T1\tX 0 4\tSome'), '../evil.txt': strToU8(text) }))], /points outside the zip/);
      await expectRefused([file('nested.zip', zipSync({ 'inner.zip': zipSync({ 'a.ann': strToU8('') }) }))], /holds another zip \(inner\.zip\)/);
      await expectRefused([file('empty.zip', zipSync({}))], /holds no files/);
      // 300 MB of zeros compress to a few hundred kB: refused from the sizes the zip declares, before inflating.
      const zeros = new Uint8Array(60 * 1024 * 1024);
      const bomb = zipSync({ 'a.txt': zeros, 'b.txt': zeros, 'c.txt': zeros, 'd.txt': zeros, 'e.txt': zeros }, { level: 1 });
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      await expectRefused([file('bomb.zip', bomb)], /over the 50 MB import limit|would unpack to more than/);
      await expectRefused([file('broken.zip', strToU8('PK\u0003\u0004 not really a zip'))], /is not a zip Lede can read/);
    },
    HEAVY_TEST_TIMEOUT,
  );
});

describe('brat projects as brat keeps them', () => {
  it('a README, tools.conf, stats cache and kb.shelve beside the annotator folders are skipped, each with a note', async () => {
    const text = (await ws.getDoc((await ws.listArticles())[0]!.id)).article.text;
    const ann = `T1\tActor 0 4\t${text.slice(0, 4)}\n`;
    const shelve = new Uint8Array([0, 1, 2, 0, 0x80, 0xff]);
    const files = [
      file('README', 'This is our project.'),
      file('tools.conf', '[search]\n'),
      file('kb.shelve', shelve),
      file('alice/.stats_cache', shelve),
      file('alice/a.txt', text),
      file('alice/a.ann', ann),
      file('bob/a.txt', text),
      file('bob/a.ann', ann),
    ];
    const result = await importAnnotations(ws, files);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.layers.map((l) => l.author)).toEqual(['alice', 'bob']);
    expect(result.report.notes).toEqual(
      expect.arrayContaining([
        "README: not an annotation file (a brat project's README, settings or cache); skipped",
        "kb.shelve: not an annotation file (a brat project's README, settings or cache); skipped",
        'alice/.stats_cache: hidden file; skipped',
        expect.stringMatching(/^tools\.conf: brat display\/tool settings/),
      ]),
    );
  });

  it('a .txt that starts with a byte-order mark: offsets count it as brat does; stored without it; exported the same way', async () => {
    const body = 'Mayor Ana Diaz said the harbour reopens.';
    const ann = 'T1\tActor 7 15\tAna Diaz\nT2\tQuote 16 40\tsaid the harbour reopens\n'; // brat's offsets: the BOM is character 0
    const result = await importAnnotations(ws, [file('bom.txt', `\ufeff${body}`), file('bom.ann', ann)], { as: 'colleague' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const id = result.report.articlesAdded[0]!.id;
    const doc = await ws.getDoc(id);
    expect(doc.article.text).toBe(body);
    expect(doc.annotations.map((a) => a.quote).sort()).toEqual(['Ana Diaz', 'said the harbour reopens']);
    expect(result.report.notes.some((n) => /byte-order mark/.test(n))).toBe(true);
    // Out again: a .txt without the mark and offsets counted without it, which brat accepts as they are.
    const out = await exportFiles(ws, { format: 'brat', articleIds: [id], annotators: ['colleague'] });
    const txt = out.files.find((f) => f.path.endsWith('.txt'))!.content;
    const exported = out.files.find((f) => f.path.endsWith('.ann'))!.content;
    expect(txt).toBe(body);
    expect(validateBrat({ txt, ann: exported })).toEqual([]);
    expect(exported).toContain('Actor 6 14\tAna Diaz'.replace('Actor', 'actor'));
  });

  it('a span that covers only the byte-order mark is refused, located', async () => {
    await expectRefused([file('bom.txt', '\ufeffSome text.'), file('bom.ann', 'T1\tActor 0 1\t\ufeff\n')], /covers only the byte-order mark/);
  });
});
