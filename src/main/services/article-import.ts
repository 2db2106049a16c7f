import { articleFileKind, decodeArticleBytes, unsupportedExtensionProblem } from '../../core/import/article-bytes';
import { articleIdFromHash, titleFromText, type Article } from '../../core/model/article';
import { formatProblem } from '../../core/model/result';
import { extractHtmlArticle } from './html-article';
import { sha256Hex } from './store/file-formats';

/**
 * One imported file to one Article, or the reason it cannot be one. `.txt`/`.md` keep their exact
 * text (UTF-8, BOM dropped); `.html`/`.htm` are reduced to the article's text by Readability.
 */
export type PreparedArticle = { ok: true; name: string; article: Article } | { ok: false; name: string; error: string };

export function prepareArticle(file: { name: string; bytes: Uint8Array }, importedAt: string): PreparedArticle {
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
  if (kind === 'html') {
    const extracted = extractHtmlArticle(text);
    if (!extracted.ok) return refuse(extracted.errors);
    text = extracted.value;
  }
  const hash = sha256Hex(text);
  return {
    ok: true,
    name,
    article: { id: articleIdFromHash(hash), title: titleFromText(text), source: name.slice(0, 1000), importedAt, hash, text },
  };
}
