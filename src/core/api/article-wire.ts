import type { Annotation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import { selectorsFor } from '../text/selectors';

/**
 * An article document as getArticle carries it across the transports. Each annotation's text
 * selectors (quote, prefix, suffix) are left out when they are exactly what the article text and
 * the annotation's fragments give (core/text/selectors.ts), as they are for every annotation
 * made or moved in this text: they were 35 % of a 5,000-span article's 1.6 MB answer, and the
 * page's main thread spent some 5 ms of each open decoding them. An annotation whose stored
 * selectors differ (one re-anchored into a new text, or imported with its own quote) carries
 * them as stored. The page puts them back on receipt (articleDocFromWire), so what it holds,
 * edits and sends is the stored document, field for field.
 */
export type ArticleDocOnWire = Omit<ArticleDoc, 'annotations'> & { annotations: AnnotationOnWire[] };

/** An annotation without its selectors (derivable), or as stored (not). */
export type AnnotationOnWire = Omit<Annotation, 'quote' | 'prefix' | 'suffix'> & Partial<Pick<Annotation, 'quote' | 'prefix' | 'suffix'>>;

export function articleDocToWire(doc: ArticleDoc): ArticleDocOnWire {
  const text = doc.article.text;
  return {
    article: doc.article,
    annotations: doc.annotations.map((a): AnnotationOnWire => {
      const derived = selectorsFor(text, a.fragments);
      if (derived.quote !== a.quote || derived.prefix !== a.prefix || derived.suffix !== a.suffix) return a;
      const { quote: _quote, prefix: _prefix, suffix: _suffix, ...rest } = a;
      return rest;
    }),
    relations: doc.relations,
  };
}

/** The stored document again: the selectors left out are derived from the text. */
export function articleDocFromWire(wire: ArticleDocOnWire): ArticleDoc {
  const text = wire.article.text;
  return {
    article: wire.article,
    annotations: wire.annotations.map((a): Annotation => {
      if (a.quote !== undefined && a.prefix !== undefined && a.suffix !== undefined) return a as Annotation;
      const { quote, prefix, suffix } = selectorsFor(text, a.fragments);
      const { id, label, fragments, ...rest } = a;
      // In the schema's key order (id, label, fragments, quote, prefix, suffix, ...), as stored.
      return { id, label, fragments, quote, prefix, suffix, ...rest };
    }),
    relations: wire.relations,
  };
}
