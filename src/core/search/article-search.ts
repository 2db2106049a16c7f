import type { Annotation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import { findInText, type StopCheck, type TextMatch } from './text-search';

/**
 * Search across articles as an analyst types it: words in any order (`minister resign` finds
 * "the resignation of the minister"), "quoted phrases" exactly, in article text and in
 * annotation notes; with a label, only inside annotations of that label (their text and notes).
 * Each term is one linear pass (findInText), and a query has at most MAX_TERMS terms, so an
 * article costs at most MAX_TERMS passes over its text and notes whatever the query.
 */

export const MAX_TERMS = 20;

/** The terms of a query: "quoted phrases" whole, other words one by one, duplicates once. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  const add = (term: string) => {
    const t = term.trim().replace(/\s+/gu, ' ');
    const key = t.toLowerCase();
    if (t === '' || seen.has(key) || terms.length >= MAX_TERMS) return;
    seen.add(key);
    terms.push(t);
  };
  // A quote opened and never closed runs to the end of the query, as the analyst is still typing it.
  const parts = query.split(/["“”„]/u);
  parts.forEach((part, i) => {
    if (i % 2 === 1) add(part);
    else for (const word of part.split(/\s+/u)) add(word);
  });
  return terms;
}

export interface DocHit extends TextMatch {
  /** Where the match is: the article text, or the note of annotation `annotationId`. */
  where: 'text' | 'note';
  /** The annotation the match is in (its note, or its text under a label filter). */
  annotationId?: string;
  label?: string;
}

export interface DocSearch {
  hits: DocHit[];
  /** Every match in the document, listed or not. */
  count: number;
}

/**
 * Matches of `terms` in one document, in text order then notes, at most `limit` listed. A
 * document matches only when every term occurs in it (in the text or a note, anywhere). `stop` is
 * asked per chunk of text; when it says so, SearchStopped is thrown.
 */
export function searchDoc(doc: ArticleDoc, terms: readonly string[], options: { label?: string; limit: number; stop?: StopCheck }): DocSearch {
  if (terms.length === 0) return { hits: [], count: 0 };
  const scope = options.label === undefined ? null : doc.annotations.filter((a) => a.label === options.label);
  if (scope && scope.length === 0) return { hits: [], count: 0 };
  const textHits: DocHit[] = [];
  const noteHits: DocHit[] = [];
  for (const term of terms) {
    let found = 0;
    for (const m of findInText(doc.article.text, term, Number.MAX_SAFE_INTEGER, 40, options.stop)) {
      if (scope) {
        const owner = scope.find((a) => covers(a, m.start, m.end));
        if (!owner) continue;
        textHits.push({ ...m, where: 'text', annotationId: owner.id, label: owner.label });
      } else textHits.push({ ...m, where: 'text' });
      found++;
    }
    for (const a of scope ?? doc.annotations) {
      if (a.note === '') continue;
      for (const m of findInText(a.note, term, Number.MAX_SAFE_INTEGER, 40, options.stop)) {
        const span = a.fragments[0]!;
        const last = a.fragments[a.fragments.length - 1]!;
        // Opening a note hit selects its annotation, so offsets are the annotation's.
        noteHits.push({ ...m, start: span.start, end: last.end, where: 'note', annotationId: a.id, label: a.label });
        found++;
      }
    }
    if (found === 0) return { hits: [], count: 0 };
  }
  textHits.sort((x, y) => x.start - y.start || x.end - y.end);
  const all = [...textHits, ...noteHits];
  return { hits: all.slice(0, Math.max(0, options.limit)), count: all.length };
}

function covers(a: Annotation, start: number, end: number): boolean {
  return a.fragments.some((f) => f.start <= start && end <= f.end);
}
