import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_META_KEYS, type ArticleMeta } from '../../../../../src/core/model/article-meta';
import type { Article } from '../../../../../src/core/model/article';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { importAnnotations } from '../../../../../src/main/services/exchange/import-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { fixture, insertEdit, newWorkspace } from '../support';
import { asInputs } from './support';

/**
 * Article metadata through every export that can hold it, and back: a saved news page imported
 * with its outlet, URL, byline, date, language and tags, annotated and updated once (so it has a
 * history), exported, and imported into another, empty workspace.
 */
const URL = 'https://www.harbourcourier.example/news/2025/03/14/port-strike-ends-pay-deal';
const metaOf = (a: Article): ArticleMeta => Object.fromEntries(ARTICLE_META_KEYS.flatMap((k) => (a[k] === undefined ? [] : [[k, a[k]]])));

let a: { ws: Workspace; cleanup: () => Promise<void> };
let b: { ws: Workspace; cleanup: () => Promise<void> };
let id: string;
beforeEach(async () => {
  a = await newWorkspace({ seedsDir: '/nonexistent-seeds' });
  b = await newWorkspace({ seedsDir: '/nonexistent-seeds' });
  const report = await a.ws.importArticleFiles([fixture('news-page-meta.html')]);
  id = report.added[0]!.id;
  const doc = await a.ws.getDoc(id);
  await a.ws.applyEdit(insertEdit(doc, 'actor', doc.article.text.indexOf('Maria Santos'), doc.article.text.indexOf('Maria Santos') + 12));
  const corrected = `${doc.article.text.replace('Monday', 'Tuesday')}`;
  expect(corrected).not.toBe(doc.article.text);
  await a.ws.updateArticleText(id, { name: 'corrected.txt', bytes: new TextEncoder().encode(corrected) });
});
afterEach(async () => {
  await a.cleanup();
  await b.cleanup();
});

describe('article metadata in exports', () => {
  it('the saved page brought outlet, URL, byline, date, language and tags', async () => {
    const article = (await a.ws.getDoc(id)).article;
    expect(metaOf(article)).toEqual({
      outlet: 'The Harbour Courier',
      url: URL,
      byline: 'Jane Okafor',
      published: '2025-03-14T09:30:00+00:00',
      language: 'en-GB',
      tags: ['Ports', 'Strikes'],
    });
    expect(article.history).toHaveLength(1);
  });

  for (const [format, jsonlVariant] of [
    ['lede', undefined],
    ['w3c', undefined],
    ['jsonl', 'label'],
    ['jsonl', 'entities'],
  ] as const) {
    it(`${format}${jsonlVariant ? ` (${jsonlVariant})` : ''}: an article new to the other workspace keeps its metadata`, async () => {
      const original = (await a.ws.getDoc(id)).article;
      const out = await exportFiles(a.ws, { format, allLayers: true, ...(jsonlVariant ? { jsonlVariant } : {}) });
      const result = await importAnnotations(b.ws, asInputs(out.files), { as: 'colleague' });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.report.articlesAdded).toHaveLength(1);
      const [summary] = await b.ws.listArticles();
      const copy = (await b.ws.getDoc(summary!.id)).article;
      expect(metaOf(copy)).toEqual(metaOf(original));
      expect(copy.title).toBe(original.title);
      if (format === 'lede') {
        // All of it: the history too, so the copy has the same id (named by its first text).
        expect(copy.id).toBe(original.id);
        expect(copy.history).toEqual(original.history);
      }
    });
  }

  it('W3C: each target names the article by its URL, and the collection carries the metadata', async () => {
    const out = await exportFiles(a.ws, { format: 'w3c', allLayers: true });
    const json = JSON.parse(out.files[0]!.content) as { 'lede:sources': Record<string, unknown>[]; first: { items: { target: { source: string }[] }[] } };
    expect(json.first.items[0]!.target[0]!.source).toBe(URL);
    expect(json['lede:sources'][0]).toMatchObject({
      id: URL,
      'lede:outlet': 'The Harbour Courier',
      'lede:url': URL,
      'lede:byline': 'Jane Okafor',
      'lede:published': '2025-03-14T09:30:00+00:00',
      'lede:language': 'en-GB',
      'lede:tags': ['Ports', 'Strikes'],
    });
  });

  it('W3C from another tool that names the article only by its URL lands on that article', async () => {
    const text = (await a.ws.getDoc(id)).article.text;
    const at = text.indexOf('Peter Lindqvist');
    const file = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          type: 'Annotation',
          id: 'https://anno.example/1',
          body: { type: 'TextualBody', purpose: 'tagging', value: 'actor' },
          target: {
            source: URL,
            selector: [
              { type: 'TextPositionSelector', start: at, end: at + 15 },
              { type: 'TextQuoteSelector', exact: 'Peter Lindqvist' },
            ],
          },
        },
      ],
    });
    const result = await importAnnotations(a.ws, [{ path: 'hypothesis.jsonld', bytes: new TextEncoder().encode(file) }], { as: 'hypothesis' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.articlesMatched).toBe(1);
    const doc = await a.ws.getDoc(id);
    expect(doc.annotations.filter((x) => x.author === 'hypothesis').map((x) => x.quote)).toEqual(['Peter Lindqvist']);
  });

  it('CSV: one column per field, on every row of the article', async () => {
    const out = await exportFiles(a.ws, { format: 'csv', allLayers: true });
    const rows = Papa.parse<Record<string, string>>(out.files[0]!.content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      article_outlet: 'The Harbour Courier',
      article_url: URL,
      article_byline: 'Jane Okafor',
      article_published: '2025-03-14T09:30:00+00:00',
      article_language: 'en-GB',
      article_tags: 'Ports; Strikes',
    });
  });

  it('an article already in the workspace keeps its own metadata on import', async () => {
    const out = await exportFiles(a.ws, { format: 'lede', allLayers: true });
    await a.ws.setArticleInfo(id, { outlet: 'Edited Outlet' });
    const before = metaOf((await a.ws.getDoc(id)).article);
    const result = await importAnnotations(a.ws, asInputs(out.files), { as: 'again' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.articlesMatched).toBe(1);
    expect(metaOf((await a.ws.getDoc(id)).article)).toEqual(before);
  });
});
