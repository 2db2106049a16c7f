import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalDoc } from '../../../../src/core/edits/apply';
import { checkAnnotation } from '../../../../src/core/formats/checked';
import { createAnnotation, linkAnnotations, patchAnnotation } from '../../../../src/core/edits/builders';
import { articleIdFromHash, titleFromText } from '../../../../src/core/model/article';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { extendSchema } from '../../../../src/core/model/label-schema';
import { sha256Hex } from '../../../../src/main/services/store/file-formats';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { docOnDisk, insertEdit, newWorkspace } from './support';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const BY = { author: 'colleague', now: '2026-03-01T12:00:00.000Z' };

function annotate(doc: ArticleDoc, label: string, start: number, end: number): ArticleDoc {
  const r = createAnnotation(doc, { label, fragments: [{ start, end }] }, BY);
  if (!r.ok) throw new Error('test set-up');
  return canonicalDoc({ ...doc, annotations: [...doc.annotations, r.value.annotation] });
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, name));
    out[name] = s.isDirectory() ? 'dir' : `${s.size}:${s.mtimeMs}`;
  }
  return out;
}

describe('putDocs (for annotation import)', () => {
  it('adds new articles, replaces the layers of existing ones and extends the schema', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const [seed] = await ws.listArticles();
    const existing = await ws.getDoc(seed!.id);
    let replaced = annotate(annotate(existing, 'source', 0, 9), 'actor', 10, 15);
    const link = linkAnnotations(replaced, { type: 'attributed-to', from: replaced.annotations[0]!.id, to: replaced.annotations[1]!.id }, BY);
    if (!link.ok) throw new Error('test set-up');
    replaced = canonicalDoc({ ...replaced, relations: [link.value.relation] });
    const text = 'Imported headline\n\nImported body text.';
    const hash = sha256Hex(text);
    const added = annotate(
      {
        article: { id: articleIdFromHash(hash), title: titleFromText(text), source: 'imported.txt', importedAt: BY.now, hash, text },
        annotations: [],
        relations: [],
      },
      'source',
      0,
      8,
    );
    const schema = extendSchema(ws.labelSchema(), { labels: [{ id: 'source' }], relationTypes: ['attributed-to'] }).schema;
    await ws.putDocs([{ ...replaced, article: { ...replaced.article, title: 'ignored' } }, added], schema);

    expect(ws.labelSchema()).toEqual(schema);
    expect(JSON.parse(readFileSync(join(dir, 'label-schema.json'), 'utf8')).labelSchema).toEqual(schema);
    expect(docOnDisk(dir, seed!.id)).toEqual({ ...replaced, article: existing.article });
    expect(docOnDisk(dir, added.article.id)).toEqual(added);
    expect((await ws.listArticles()).map((a) => a.id)).toContain(added.article.id);
  });

  it('validates everything before writing anything', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    await ws.flush();
    const [seed] = await ws.listArticles();
    const doc = await ws.getDoc(seed!.id);
    const good = annotate(doc, 'claim', 0, 9);
    const before = snapshot(dir);
    const unknownLabel = annotate(doc, 'mystery', 0, 5);
    const reversed = { ...good, annotations: [...annotate(good, 'actor', 40, 45).annotations].reverse() };
    const badHash = { ...good, article: { ...good.article, text: `${good.article.text}!` } };
    const schemaWithout = { ...ws.labelSchema(), labels: ws.labelSchema().labels.slice(1) };
    const attempts: [ArticleDoc[], typeof schemaWithout, RegExp][] = [
      [[good, unknownLabel], ws.labelSchema(), /annotation .* has the label "mystery", which the label schema lacks/],
      [[reversed], ws.labelSchema(), /not in canonical order/],
      [[badHash], ws.labelSchema(), /does not match its hash/],
      [[good, good], ws.labelSchema(), /appears twice/],
      [[good], schemaWithout, /drops label claim; an import may only add/],
    ];
    for (const [docs, schema, why] of attempts) {
      const error = await ws.putDocs(docs, schema).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/^Nothing was imported/) });
      expect((error as { details: string[] }).details.join('\n')).toMatch(why);
    }
    expect(await ws.getDoc(seed!.id)).toEqual(doc);
    await ws.flush();
    expect(snapshot(dir)).toEqual(before);
  });

  it('checks what an import adds to a stored article, and names it at its place in the document', async () => {
    const { ws, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const [seed] = await ws.listArticles();
    await ws.putDocs([annotate(annotate(await ws.getDoc(seed!.id), 'claim', 0, 9), 'actor', 10, 15)], ws.labelSchema());
    const stored = await ws.getDoc(seed!.id);
    const added = annotate(stored, 'event', 20, 25).annotations.find((a) => a.label === 'event')!;
    const broken = { ...stored, annotations: [...stored.annotations, { ...added, author: '' }] };
    const error = await ws.putDocs([broken], ws.labelSchema()).catch((e: unknown) => e);
    expect((error as { details: string[] }).details.join('\n')).toMatch(/invalid at annotations\.2\.author/);
    expect(await ws.getDoc(seed!.id)).toBe(stored);
  });

  it('trusts only the very annotations a parser checked: a changed copy of one is checked again', async () => {
    const { ws, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const [seed] = await ws.listArticles();
    const doc = await ws.getDoc(seed!.id);
    const checked = checkAnnotation(annotate(doc, 'claim', 0, 9).annotations.find((a) => !doc.annotations.includes(a)));
    if (!checked.success) throw new Error('test set-up');
    // A copy with a broken field (a parser's output relabelled or moved to a layer is such a copy).
    const broken = canonicalDoc({ ...doc, annotations: [...doc.annotations, { ...checked.data, author: '' }] });
    const error = await ws.putDocs([broken], ws.labelSchema()).catch((e: unknown) => e);
    expect((error as { details: string[] }).details.join('\n')).toMatch(/invalid at annotations\.\d+\.author/);
    await ws.putDocs([canonicalDoc({ ...doc, annotations: [...doc.annotations, checked.data] })], ws.labelSchema());
    expect((await ws.getDoc(seed!.id)).annotations).toContainEqual(checked.data);
  });
});

describe('search', () => {
  it('finds a phrase across articles, case-insensitively, with context and a limit', async () => {
    const { ws, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const { hits, total, stoppedEarly } = await ws.search('"VLADIMIR PUTIN"');
    expect(total).toBe(hits.length);
    expect(stoppedEarly).toBe(false);
    expect(new Set(hits.map((h) => h.articleId)).size).toBeGreaterThan(1);
    for (const hit of hits) {
      const { article } = await ws.getDoc(hit.articleId);
      expect(article.text.slice(hit.start, hit.end)).toBe(hit.match);
      expect(hit.match.toLowerCase()).toBe('vladimir putin');
      expect(hit.title).toBe(article.title);
    }
    const firstThree = await ws.search('putin', 3);
    expect(firstThree.hits).toHaveLength(3);
    expect(firstThree.total).toBeGreaterThan(3);
    expect(await ws.search('no such phrase in any article')).toEqual({ hits: [], total: 0, stoppedEarly: false });
    expect((await ws.search('"don\'t know"')).hits[0]?.match).toBe('don’t know');
  });

  it('finds words in any order, and words of notes under a label filter', async () => {
    const { ws, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const forward = await ws.search('vladimir putin');
    const reverse = await ws.search('putin vladimir');
    expect(reverse.total).toBe(forward.total);
    expect(new Set(reverse.hits.map((h) => h.articleId))).toEqual(new Set(forward.hits.map((h) => h.articleId)));
    const [seed] = await ws.listArticles();
    const edit = insertEdit(await ws.getDoc(seed!.id), 'claim', 0, 9);
    await ws.applyEdit(edit);
    const doc = await ws.getDoc(seed!.id);
    const id = doc.annotations[0]!.id;
    const noted = patchAnnotation(doc, id, { note: 'zanzibar overlap' }, doc.annotations[0]!.modified);
    if (!noted.ok) throw new Error('the note could not be set');
    await ws.applyEdit({ kind: 'doc', articleId: seed!.id, command: noted.value });
    expect((await ws.search('zanzibar', 100, 'claim')).hits).toMatchObject([{ articleId: seed!.id, where: 'note', annotationId: id }]);
    expect((await ws.search('zanzibar', 100, 'quote')).total).toBe(0);
  });
});

describe('a workspace opened read-only', () => {
  it('reads everything, refuses every change, and writes nothing', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const [seed] = await ws.listArticles();
    await ws.applyEdit(insertEdit(await ws.getDoc(seed!.id), 'claim', 0, 9));
    await ws.flush();
    const before = snapshot(dir);
    const reader = await openWorkspace(dir, { mode: 'read' });
    expect(reader.readOnly).toBe(true);
    expect((await reader.listArticles()).find((a) => a.id === seed!.id)?.annotationCount).toBe(1);
    const doc = await reader.getDoc(seed!.id);
    await expect(reader.applyEdit(insertEdit(doc, 'claim', 10, 19))).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('read-only') });
    await expect(reader.importArticleFiles([{ name: 'x.txt', bytes: new TextEncoder().encode('x') }])).rejects.toMatchObject({ code: 'io' });
    await expect(reader.saveSettings(reader.settings())).rejects.toMatchObject({ code: 'io' });
    await expect(reader.putDocs([], reader.labelSchema())).rejects.toMatchObject({ code: 'io' });
    expect((await reader.search('Trump')).hits.length).toBeGreaterThan(0);
    await reader.close();
    expect(snapshot(dir)).toEqual(before);
  });
});
