/**
 * Finding a phrase in article text the way an analyst expects: case-insensitive (Unicode case
 * folding, so offsets stay those of the original text), straight and curly quotes alike, and any
 * run of whitespace in the query matching any run in the text, across line breaks.
 */

export interface TextMatch {
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/** Characters news text writes several ways; a query with one finds all of them. */
const EQUIVALENTS: Record<string, string> = {
  "'": "['‘’ʼ]",
  '‘': "['‘’ʼ]",
  '’': "['‘’ʼ]",
  'ʼ': "['‘’ʼ]",
  '"': '["“”„]',
  '“': '["“”„]',
  '”': '["“”„]',
  '„': '["“”„]',
  '-': '[-‐‑–—]',
  '–': '[-‐‑–—]',
  '—': '[-‐‑–—]',
};

/** The pattern for a query, or null when the query has nothing to look for. */
export function queryPattern(query: string): RegExp | null {
  const trimmed = query.trim();
  if (trimmed === '') return null;
  let source = '';
  for (const part of trimmed.split(/(\s+)/u)) {
    if (/^\s+$/u.test(part)) {
      source += '\\s+';
      continue;
    }
    for (const ch of part) source += EQUIVALENTS[ch] ?? escapeRegExp(ch);
  }
  return new RegExp(source, 'giu');
}

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Matches of `query` in `text`, in order, at most `limit`, each with some context either side. */
export function findInText(text: string, query: string, limit: number, context = 40): TextMatch[] {
  const pattern = queryPattern(query);
  if (!pattern || limit <= 0) return [];
  const hits: TextMatch[] = [];
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    hits.push({
      start,
      end,
      before: oneLine(text.slice(Math.max(0, start - context), start)).trimStart(),
      match: m[0],
      after: oneLine(text.slice(end, end + context)).trimEnd(),
    });
    if (hits.length >= limit) break;
  }
  return hits;
}

/** Context is shown on one line in a result list. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
