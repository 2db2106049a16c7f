import { z } from 'zod';
import { MAX_QUOTE_LENGTH } from './fragments';

// The zod-free fragment helpers live in fragments.ts (the suggestion worker imports them without zod).
export {
  compareSpans,
  fragmentProblem,
  fragmentsText,
  MAX_QUOTE_LENGTH,
  normalizeFragments,
  sameFragments,
  spanEnd,
  spanStart,
  type Spanned,
} from './fragments';

/** A half-open range [start, end) of UTF-16 code units in the article text. */
export const FragmentSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Fragment = z.infer<typeof FragmentSchema>;

/** Timestamps are ISO 8601 strings; the bound only keeps hostile input from growing a stored file. */
export const TimestampSchema = z.string().max(100);

export const AttributeValueSchema = z.union([z.string().max(10_000), z.boolean()]);
export type AttributeValue = z.infer<typeof AttributeValueSchema>;

/** A brat `N` line (normalisation to an external resource), kept so nothing imported is lost. */
export const NormalizationSchema = z.object({
  resource: z.string().max(1000),
  ref: z.string().max(1000),
  text: z.string().max(10_000),
});
export type Normalization = z.infer<typeof NormalizationSchema>;

/**
 * A span annotation. `fragments` are sorted, non-empty and disjoint (a quote interrupted by
 * "he said" has two). `quote`, `prefix` and `suffix` are the text selectors stored next to the
 * offsets so an annotation can be re-anchored if the article text ever changes.
 * `author` names the layer the annotation belongs to: the local analyst, or an imported colleague.
 */
export const AnnotationSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().min(1).max(200),
  fragments: z.array(FragmentSchema).min(1).max(1000),
  quote: z.string().max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(1000),
  suffix: z.string().max(1000),
  attributes: z.record(z.string().max(200), AttributeValueSchema),
  note: z.string().max(100_000),
  author: z.string().min(1).max(200),
  created: TimestampSchema,
  modified: TimestampSchema,
  normalizations: z.array(NormalizationSchema).max(1000).optional(),
  /**
   * The actor-registry entity this span names (src/core/actors), by id. Absent on unlinked spans,
   * and on everything stored before the registry existed, so old workspaces read unchanged.
   */
  entity: z.string().min(1).max(100).optional(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;

/**
 * A typed link between two annotations of the same layer, e.g. `speaker` from a quote to an
 * actor. Event participants (and brat event arguments) are relations from the event annotation,
 * with the argument role as the type.
 */
export const RelationSchema = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(200),
  from: z.string().min(1).max(100),
  to: z.string().min(1).max(100),
  author: z.string().min(1).max(200),
  created: TimestampSchema,
  modified: TimestampSchema,
  /** A comment on the link itself (brat allows AnnotatorNotes on relations). */
  note: z.string().max(100_000).optional(),
});
export type Relation = z.infer<typeof RelationSchema>;
