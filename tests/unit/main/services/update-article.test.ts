import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invertEdit } from '../../../../src/core/edits/commands';
import { reattachAnnotation } from '../../../../src/core/edits/update-text';
import { articleIdFromHash } from '../../../../src/core/model/article';
import type { Annotation, Relation } from '../../../../src/core/model/annotation';
import { selectorsFor } from '../../../../src/core/text/selectors';
import { exportFiles } from '../../../../src/main/services/exchange/export-annotations';
import { importAnnotations } from '../../../../src/main/services/exchange/import-annotations';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { sha256Hex } from '../../../../src/main/services/store/file-formats';
import { docOnDisk, workspaceForTest } from './support';

const V1 = [
  'Kremlin rejects sabotage claims',
  '“We categorically reject these accusations,” Dmitry Peskov told reporters in Moscow on Tuesday.',
  'Vladimir Putin is expected to address the nation on Friday.',
  'Markets in Europe fell sharply after the news.',
].join('\n');
const V2 = [
  'Kremlin rejects sabotage claims',
  'Update: adds the Polish reaction.',
  '“We firmly reject these accusations,” Dmitry Peskov told reporters in Moscow on Tuesday.',
  'Markets in Europe fell sharply after the news.',
].join('\n');

const encode = (s: string) => new TextEncoder().encode(s);

function annotation(text: string, id: string, label: string, quote: string, author = 'me', extra: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(quote);
  const fragments = [{ start, end: start + quote.length }];
  return { id, label, fragments, ...selectorsFor(text, fragments), attributes: {}, note: '', author, created: 't', modified: 't', ...extra };
}

async function workspaceWithArticle() {
  const w = await workspaceForTest();
  const { added } = await w.ws.importArticleFiles([{ name: 'kremlin.txt', bytes: encode(V1) }]);
  const id = added[0]!.id;
  const doc = await w.ws.getDoc(id);
  const annotations = [
    annotation(V1, 'q', 'quote', '“We categorically reject these accusations,”', 'me', { note: 'check the wording' }),
    annotation(V1, 'peskov', 'actor', 'Dmitry Peskov'),
    annotation(V1, 'putin', 'actor', 'Vladimir Putin', 'me', { note: 'keep me', attributes: {} }),
    annotation(V1, 'markets', 'claim', 'Markets in Europe fell sharply', 'colleague'),
  ];
  const relations: Relation[] = [
    { id: 'r1', type: 'speaker', from: 'q', to: 'peskov', author: 'me', created: 't', modified: 't' },
    { id: 'r2', type: 'speaker', from: 'q', to: 'putin', author: 'me', created: 't', modified: 't' },
  ];
  await w.ws.putDocs([{ ...doc, annotations, relations }], w.ws.labelSchema());
  return { ...w, id };
}

describe('updating an article text', () => {
  it('re-anchors every layer, keeps the id, the orphan with its note and links, and the old text in the history', async () => {
    const { ws, dir, id } = await workspaceWithArticle();
    const report = await ws.updateArticleText(id, { name: 'kremlin-v2.txt', bytes: encode(V2) });
    expect(report.changed).toBe(true);
    expect(report.counts).toEqual({ placed: 2, moved: 0, 'needs-review': 1, orphaned: 1 });
    const states = Object.fromEntries(report.annotations.map((a) => [a.id, a.state]));
    expect(states).toEqual({ q: 'needs-review', peskov: 'placed', putin: 'orphaned', markets: 'placed' });

    await ws.close();
    const stored = docOnDisk(dir, id);
    expect(stored.article.id).toBe(id);
    expect(stored.article.text).toBe(V2);
    expect(stored.article.hash).toBe(sha256Hex(V2));
    expect(stored.article.history).toEqual([{ hash: sha256Hex(V1), text: V1, replacedAt: expect.any(String) }]);
    const byId = Object.fromEntries(stored.annotations.map((a) => [a.id, a]));
    expect(V2.slice(byId.peskov!.fragments[0]!.start, byId.peskov!.fragments[0]!.end)).toBe('Dmitry Peskov');
    expect(byId.markets!.quote).toBe('Markets in Europe fell sharply');
    expect(byId.q!.quote).toBe('“We firmly reject these accusations,”');
    expect(byId.q!.attributes).toEqual({ reanchored: 'needs review' });
    expect(byId.putin).toMatchObject({ quote: 'Vladimir Putin', note: 'keep me', attributes: { reanchored: 'orphaned' } });
    expect(stored.relations.map((r) => r.id)).toEqual(['r1', 'r2']);

    // The stored file is valid: the workspace reopens with nothing to repair, the article under its id.
    const reopened = await openWorkspace(dir, { mode: 'read' });
    expect(reopened.info().notices).toEqual([]);
    expect((await reopened.getDoc(id)).article.text).toBe(V2);
    await reopened.close();
  });

  it('re-attaches an orphan to text the analyst selects: one undoable edit keeping its note and links', async () => {
    const { ws, dir, id } = await workspaceWithArticle();
    await ws.updateArticleText(id, { name: 'kremlin-v2.txt', bytes: encode(V2) });
    const doc = await ws.getDoc(id);
    // "Putin" left the text; the analyst attaches the orphan to the Polish reaction line instead.
    const start = V2.indexOf('the Polish reaction');
    const made = reattachAnnotation(doc, 'putin', { start, end: start + 'the Polish reaction'.length }, '2026-12-03T08:00:00.000Z');
    if (!made.ok) throw new Error(made.errors[0]!.message);
    const edit = { kind: 'doc' as const, articleId: id, command: made.value };
    await ws.applyEdit(edit);
    await ws.flush();
    const after = docOnDisk(dir, id).annotations.find((a) => a.id === 'putin')!;
    expect(after).toMatchObject({ quote: 'the Polish reaction', note: 'keep me', attributes: {}, modified: '2026-12-03T08:00:00.000Z' });
    expect(docOnDisk(dir, id).relations.map((r) => r.id)).toEqual(['r1', 'r2']);
    // Undo: back on its placeholder, marked orphaned, with its old quote.
    await ws.applyEdit(invertEdit(edit));
    await ws.flush();
    expect(docOnDisk(dir, id).annotations.find((a) => a.id === 'putin')).toMatchObject({ quote: 'Vladimir Putin', attributes: { reanchored: 'orphaned' } });
    expect(reattachAnnotation(doc, 'putin', { start, end: start }, 'x').ok).toBe(false);
    expect(reattachAnnotation(doc, 'nope', { start, end: start + 1 }, 'x').ok).toBe(false);
  });

  it('treats the new and the earlier text as the same article on a later import', async () => {
    const { ws, id } = await workspaceWithArticle();
    await ws.updateArticleText(id, { name: 'v2.txt', bytes: encode(V2) });
    const count = (await ws.listArticles()).length;
    const report = await ws.importArticleFiles([
      { name: 'again-v2.txt', bytes: encode(V2) },
      { name: 'again-v1.txt', bytes: encode(V1) },
    ]);
    expect(report.added).toEqual([]);
    expect(report.duplicates).toEqual([
      { file: 'again-v2.txt', existing: 'Kremlin rejects sabotage claims' },
      { file: 'again-v1.txt', existing: 'Kremlin rejects sabotage claims (an earlier version of its text)' },
    ]);
    expect((await ws.listArticles()).length).toBe(count);
  });

  it("writes nothing for the same text, and refuses a bad file, an unknown id or another article's text", async () => {
    const { ws, dir, id } = await workspaceWithArticle();
    const before = readFileSync(join(dir, 'articles', `${id}.json`), 'utf8');
    const same = await ws.updateArticleText(id, { name: 'same.txt', bytes: encode(V1) });
    expect(same).toMatchObject({ changed: false, counts: { placed: 4, moved: 0, 'needs-review': 0, orphaned: 0 } });
    await expect(ws.updateArticleText(id, { name: 'v2.pdf', bytes: encode(V2) })).rejects.toThrow('Nothing was changed: v2.pdf: is not an article file');
    await expect(ws.updateArticleText(id, { name: 'bad.txt', bytes: new Uint8Array([0x43, 0xe9]) })).rejects.toThrow(/Nothing was changed: bad.txt.*UTF-8/);
    await expect(ws.updateArticleText('a_0000000000000000', { name: 'v2.txt', bytes: encode(V2) })).rejects.toThrow('There is no article a_0000000000000000');
    const seed = (await ws.listArticles()).find((a) => a.id !== id)!;
    const seedText = (await ws.getDoc(seed.id)).article.text;
    await expect(ws.updateArticleText(id, { name: 'seed.txt', bytes: encode(seedText) })).rejects.toThrow(
      `has the same text as the article "${seed.title}" (${seed.id})`,
    );
    await ws.flush();
    expect(readFileSync(join(dir, 'articles', `${id}.json`), 'utf8')).toBe(before);
    expect(articleIdFromHash(sha256Hex(V1))).toBe(id);
  });

  it('reads a Markdown new version as its readable text', async () => {
    const { ws, dir, id } = await workspaceWithArticle();
    const md = `# Kremlin rejects sabotage claims\n\n“We categorically reject these accusations,” **Dmitry Peskov** told reporters in [Moscow](https://x.org) on Tuesday.\n\nMarkets in Europe fell sharply after the news.\n`;
    const report = await ws.updateArticleText(id, { name: 'v2.md', bytes: encode(md) });
    expect(report.counts).toEqual({ placed: 3, moved: 0, 'needs-review': 0, orphaned: 1 });
    await ws.flush();
    expect(docOnDisk(dir, id).article.text).toBe(
      'Kremlin rejects sabotage claims\n“We categorically reject these accusations,” Dmitry Peskov told reporters in Moscow on Tuesday.\nMarkets in Europe fell sharply after the news.',
    );
  });
});

describe('exchange after an update', () => {
  it('an exported layer of the updated article imports back onto the same article, not a new one', async () => {
    const { ws, id } = await workspaceWithArticle();
    await ws.updateArticleText(id, { name: 'v2.txt', bytes: encode(V2) });
    const count = (await ws.listArticles()).length;
    for (const format of ['lede', 'w3c'] as const) {
      const out = await exportFiles(ws, { format, articleIds: [id], annotators: ['colleague'] });
      const result = await importAnnotations(
        ws,
        out.files.map((f) => ({ path: f.path, bytes: encode(f.content) })),
        { as: `back-${format}` },
      );
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect((await ws.listArticles()).length).toBe(count);
      const doc = await ws.getDoc(id);
      expect(doc.annotations.filter((a) => a.author === `back-${format}`).map((a) => a.quote)).toEqual(['Markets in Europe fell sharply']);
    }
  });
});

describe('a damaged history is refused, not trusted', () => {
  it('an earlier text that does not match its hash makes the file damaged: the tampered text is never served', async () => {
    const { ws, dir, id } = await workspaceWithArticle();
    await ws.updateArticleText(id, { name: 'v2.txt', bytes: encode(V2) });
    await ws.close();
    const path = join(dir, 'articles', `${id}.json`);
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    raw.article.history[0].text += ' tampered';
    writeFileSync(path, JSON.stringify(raw));
    // The store treats the file as damaged and serves its last good backup, never the tampered text.
    const reopened = await openWorkspace(dir, { mode: 'read' });
    const served = await reopened.getDoc(id).catch(() => null);
    expect(JSON.stringify(served)).not.toContain('tampered');
    await reopened.close();
  });
});
