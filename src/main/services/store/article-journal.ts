import { z } from 'zod';
import { AnnotationSchema, fragmentProblem, RelationSchema, type Annotation, type Relation } from '../../../core/model/annotation';
import { ArticleSchema } from '../../../core/model/article';
import type { ArticleDoc } from '../../../core/model/document';
import { canonicalDoc } from '../../../core/edits/apply';
import { sameJson } from '../../../core/model/same-json';
import { zodProblem } from './decoded';
import { docProblem } from './file-formats';

/**
 * What one journal record of an article holds: the annotations and relations added or changed
 * (whole, by id), the ids removed, and the article itself when it changed. Applying a record is
 * "put these, drop those", so the result depends only on the record and the value it applies to.
 */
export interface ArticleChange {
  put: Annotation[];
  drop: string[];
  putRelations: Relation[];
  dropRelations: string[];
  article?: ArticleDoc['article'];
}

const ArticleChangeSchema = z.object({
  put: z.array(AnnotationSchema),
  drop: z.array(z.string()),
  putRelations: z.array(RelationSchema),
  dropRelations: z.array(z.string()),
  article: ArticleSchema.optional(),
});

/** How a stored file's saves become journal records and back (see StoredFile). */
export interface JournalCodec<T, C> {
  /** The change from `before` to `after`, or null when nothing changed. */
  diff(before: T, after: T): C;
  /** Validates a record read back (a zod parse): the change, or what is wrong. */
  decode(raw: unknown): { ok: true; change: C } | { ok: false; problem: string };
  /** `value` with `change` applied. */
  apply(value: T, change: C): T;
  /** What would make `after` (= apply(before, change)) unreadable, checked on the change alone. */
  problem(after: T, change: C): string | null;
  /** The whole-value check after a replay at load (the file codec's own). */
  check(value: T): string | null;
  /** How big the change is, in items (a big one is written as a whole file instead). */
  size(change: C): number;
}

export const articleJournal: JournalCodec<ArticleDoc, ArticleChange> = {
  diff(before, after) {
    const change: ArticleChange = { put: [], drop: [], putRelations: [], dropRelations: [] };
    if (before.article !== after.article && !sameJson(before.article, after.article)) change.article = after.article;
    diffById(before.annotations, after.annotations, change.put, change.drop);
    diffById(before.relations, after.relations, change.putRelations, change.dropRelations);
    return change;
  },
  decode(raw) {
    const parsed = ArticleChangeSchema.safeParse(raw);
    return parsed.success ? { ok: true, change: parsed.data } : { ok: false, problem: zodProblem(parsed.error) };
  },
  apply(doc, change) {
    const annotations = putAndDrop(doc.annotations, change.put, change.drop);
    const relations = putAndDrop(doc.relations, change.putRelations, change.dropRelations);
    return canonicalDoc({ article: change.article ?? doc.article, annotations, relations });
  },
  problem(after, change) {
    // A changed article (text, hash, history) is rare: check the whole document then.
    if (change.article) return docProblem(after);
    const textLength = after.article.text.length;
    for (const a of change.put) {
      const problem = fragmentProblem(a.fragments, textLength);
      if (problem) return `has an annotation (${a.id}) whose ${problem}`;
    }
    if (change.putRelations.length === 0 && change.drop.length === 0) return null;
    const ids = new Set(after.annotations.map((a) => a.id));
    for (const r of after.relations) if (!ids.has(r.from) || !ids.has(r.to)) return `has a relation (${r.id}) to an annotation that does not exist`;
    return null;
  },
  check: docProblem,
  size: (c) => c.put.length + c.drop.length + c.putRelations.length + c.dropRelations.length + (c.article ? 1 : 0),
};

/**
 * Items of `after` that are new or changed (by reference, then by value), and ids gone from
 * `before`. Edits share every untouched item, so the common run at each end (compared by
 * reference, no hashing) is skipped and only the middle is matched by id: flat in the article's
 * size for an edit in one place.
 */
function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[], put: T[], drop: string[]): void {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const old = new Map<string, T>();
  for (let i = head; i < before.length - tail; i++) old.set(before[i]!.id, before[i]!);
  for (let i = head; i < after.length - tail; i++) {
    const x = after[i]!;
    const was = old.get(x.id);
    if (was !== x && (was === undefined || !sameJson(was, x))) put.push(x);
    old.delete(x.id);
  }
  drop.push(...old.keys());
}

function putAndDrop<T extends { id: string }>(items: readonly T[], put: readonly T[], drop: readonly string[]): T[] {
  if (put.length === 0 && drop.length === 0) return [...items];
  const byId = new Map(put.map((x) => [x.id, x]));
  const gone = new Set(drop);
  const out: T[] = [];
  for (const x of items) {
    if (gone.has(x.id)) continue;
    const replaced = byId.get(x.id);
    out.push(replaced ?? x);
    byId.delete(x.id);
  }
  out.push(...byId.values());
  return out;
}
