import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportArticlesReport } from '../../../core/api/articles';
import { articleFileKind, decodeArticleBytes, unsupportedExtensionProblem } from '../../../core/import/article-bytes';
import { markdownToText } from '../../../core/import/markdown';
import { articleIdFromHash, clampTitle, titleFromText, type Article } from '../../../core/model/article';
import { cleanArticleMeta, type ArticleMeta } from '../../../core/model/article-meta';
import { emptyDoc, type ArticleDoc } from '../../../core/model/document';
import { formatProblem } from '../../../core/model/result';
import { summaryOf } from './article-index';
import { inPool, type ArticleStore } from '../article-store';
import { htmlReader } from '../html-reader/reader';
import { sha256Hex } from '../store/file-formats';

/**
 * One imported file to one Article, or the reason it cannot be one. `.txt` keeps its exact text
 * (UTF-8, BOM dropped); `.md`/`.markdown` keep their readable text, markup and front matter
 * removed (core/import/markdown.ts); `.html`/`.htm` are reduced to the article's text by
 * Readability, on the reader thread.
 */
export type PreparedArticle = { ok: true; name: string; article: Article } | { ok: false; name: string; error: string };

export async function prepareArticle(file: { name: string; bytes: Uint8Array }, importedAt: string): Promise<PreparedArticle> {
  const { name } = file;
  const refuse = (problems: { message: string; file?: string; line?: number }[]): PreparedArticle => ({
    ok: false,
    name,
    error: problems.map((p) => formatProblem({ ...p, file: name })).join('; '),
  });
  const kind = articleFileKind(name);
  if (!kind) {
    const unsupported = unsupportedExtensionProblem(name);
    return refuse(unsupported.ok ? [] : unsupported.errors);
  }
  const decoded = decodeArticleBytes(name, file.bytes);
  if (!decoded.ok) return refuse(decoded.errors);
  let text = decoded.value;
  let meta: ArticleMeta = {};
  let title: string | undefined;
  if (kind === 'html') {
    const extracted = await htmlReader.read(text);
    if (!extracted.ok) return refuse(extracted.errors);
    ({ text, meta } = extracted.value);
  }
  if (kind === 'markdown') {
    const read = markdownToText(text);
    text = read.text;
    if (text.trim() === '') return refuse([{ message: 'has no text once its Markdown markup is read (only front matter, images or rules)' }]);
    const fm = read.frontMatter;
    title = fm.title;
    meta = cleanArticleMeta({ outlet: fm.outlet, url: fm.url, byline: fm.author, published: fm.date, language: fm.lang, tags: fm.tags });
  }
  const hash = sha256Hex(text);
  return {
    ok: true,
    name,
    article: {
      id: articleIdFromHash(hash),
      title: title ? clampTitle(title.replace(/\s+/g, ' ').trim()) : titleFromText(text),
      source: name.slice(0, 1000),
      importedAt,
      hash,
      text,
      ...meta,
    },
  };
}

/**
 * Imports a batch: every file is prepared and checked first; duplicates (of a stored article or
 * of an earlier file in the batch, by content hash) are reported, not added; the others are
 * written a few at a time. A refused file changes nothing; one file's failure never stops the rest.
 */
export async function importArticles(
  articles: ArticleStore,
  files: readonly { name: string; bytes: Uint8Array }[],
  importedAt: string,
  describeWriteError: (error: unknown) => string,
): Promise<ImportArticlesReport> {
  const report: ImportArticlesReport = { added: [], duplicates: [], failed: [] };
  const inBatch = new Map<string, string>();
  const byHash = new Map(articles.summaries().map((a) => [a.hash, a]));
  const adding: { name: string; doc: ArticleDoc; error?: string }[] = [];
  for (const file of files) {
    const prepared = await prepareArticle(file, importedAt);
    if (!prepared.ok) {
      report.failed.push({ file: file.name, error: prepared.error });
      continue;
    }
    const { article } = prepared;
    // An updated article keeps the id of its first text: its current text is found by hash, and
    // a file holding one of its earlier texts is that article again, not a new one.
    const updated = byHash.get(article.hash);
    if (updated) {
      report.duplicates.push({ file: file.name, existing: updated.title });
      continue;
    }
    const stored = articles.summary(article.id);
    if (stored && stored.hash !== article.hash && (await isEarlierText(articles, article.id, article.hash))) {
      report.duplicates.push({ file: file.name, existing: `${stored.title} (an earlier version of its text)` });
      continue;
    }
    if (stored && stored.hash !== article.hash) {
      // Ids are the first 64 bits of the hash: a clash is astronomically unlikely, but never a silent merge.
      report.failed.push({ file: file.name, error: `${file.name}: its id ${article.id} is taken by a different article ("${stored.title}")` });
      continue;
    }
    const existing = stored?.title ?? inBatch.get(article.id);
    if (existing !== undefined) report.duplicates.push({ file: file.name, existing });
    else {
      inBatch.set(article.id, article.title);
      adding.push({ name: file.name, doc: emptyDoc(article) });
    }
  }
  await inPool(adding, 8, async (item) => {
    await articles.add(item.doc).catch((error: unknown) => (item.error = `${item.name}: ${describeWriteError(error)}`));
  });
  for (const item of adding) {
    if (item.error === undefined) report.added.push(summaryOf(item.doc));
    else report.failed.push({ file: item.name, error: item.error });
  }
  return report;
}

async function isEarlierText(articles: ArticleStore, id: string, hash: string): Promise<boolean> {
  const doc = await articles.load(id).then(
    (f) => f.value,
    () => null,
  );
  return doc?.article.history?.some((v) => v.hash === hash) ?? false;
}

/** The seed articles: every .txt file in `dir`, in name order; none if the folder is missing. */
export async function readSeeds(dir: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })));
}
