import { z } from 'zod';

/** A half-open range [start, end) of UTF-16 code units in the article text. */
export const FragmentSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Fragment = z.infer<typeof FragmentSchema>;

/** Longest quote an annotation can hold: all of an article at the 20 MB limit (UTF-16 units <= UTF-8 bytes). */
export const MAX_QUOTE_LENGTH = 20 * 1024 * 1024;
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

/** Why a fragment list is unusable for a text of the given length, or null when it is fine. */
export function fragmentProblem(fragments: readonly Fragment[], textLength: number): string | null {
  if (fragments.length === 0) return 'an annotation needs at least one fragment';
  let previousEnd = -1;
  for (const [i, f] of fragments.entries()) {
    if (f.start >= f.end) return `fragment ${i + 1} is empty or reversed (${f.start}–${f.end})`;
    if (f.end > textLength) return `fragment ${i + 1} ends at ${f.end}, past the end of the text (${textLength})`;
    if (f.start < previousEnd) return `fragment ${i + 1} overlaps or precedes the one before it`;
    previousEnd = f.end;
  }
  return null;
}

/** Sorts fragments, merges overlapping or touching ones and drops empty ones. */
export function normalizeFragments(fragments: readonly Fragment[]): Fragment[] {
  const sorted = fragments.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Fragment[] = [];
  for (const f of sorted) {
    const last = merged[merged.length - 1];
    if (last && f.start <= last.end) last.end = Math.max(last.end, f.end);
    else merged.push({ start: f.start, end: f.end });
  }
  return merged;
}

/** The covered text, fragments joined by a space-ellipsis-space as in a quotation with a cut. */
export function fragmentsText(text: string, fragments: readonly Fragment[]): string {
  return fragments.map((f) => text.slice(f.start, f.end)).join(' … ');
}

export function spanStart(a: { fragments: readonly Fragment[] }): number {
  return a.fragments[0]?.start ?? 0;
}

export function spanEnd(a: { fragments: readonly Fragment[] }): number {
  return a.fragments[a.fragments.length - 1]?.end ?? 0;
}

/** Document order: by first offset, longer (outer) spans first so nesting reads naturally. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return spanStart(a) - spanStart(b) || spanEnd(b) - spanEnd(a) || a.id.localeCompare(b.id);
}

export function sameFragments(a: readonly Fragment[], b: readonly Fragment[]): boolean {
  return a.length === b.length && a.every((f, i) => f.start === b[i]!.start && f.end === b[i]!.end);
}
