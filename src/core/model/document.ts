import { z } from 'zod';
import { ArticleSchema, type Article } from './article';
import { AnnotationSchema, RelationSchema, type Annotation, type Relation } from './annotation';

/**
 * Everything stored for one article: its text and metadata, and the annotations and relations of
 * every layer. The store keeps one such document per file, so saving an edit rewrites only it.
 */
export const ArticleDocSchema = z.object({
  article: ArticleSchema,
  annotations: z.array(AnnotationSchema),
  relations: z.array(RelationSchema),
});
export type ArticleDoc = z.infer<typeof ArticleDocSchema>;

export function emptyDoc(article: Article): ArticleDoc {
  return { article, annotations: [], relations: [] };
}

export function annotationsOf(doc: ArticleDoc, author?: string): Annotation[] {
  return author === undefined ? doc.annotations : doc.annotations.filter((a) => a.author === author);
}

export function relationsOf(doc: ArticleDoc, author?: string): Relation[] {
  return author === undefined ? doc.relations : doc.relations.filter((r) => r.author === author);
}

/** Layer names present in a document, in first-seen order. */
export function layersOf(doc: ArticleDoc): string[] {
  return [...new Set(doc.annotations.map((a) => a.author))];
}

/** Counts per layer, in a null-prototype object: a layer may be named `constructor` or `__proto__`. */
export function countByAuthor(doc: ArticleDoc): Record<string, number> {
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const a of doc.annotations) counts[a.author] = (counts[a.author] ?? 0) + 1;
  return counts;
}
