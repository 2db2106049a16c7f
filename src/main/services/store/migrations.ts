import { z } from 'zod';
import { RelationSchema, type Annotation } from '../../../core/model/annotation';
import { ArticleSchema } from '../../../core/model/article';
import type { ArticleDoc } from '../../../core/model/document';
import { LabelSchemaSchema, type LabelSchema } from '../../../core/model/label-schema';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../core/model/settings';
import { canonicalDoc } from '../../../core/edits/apply';
import { selectorsFor } from '../../../core/text/selectors';
import { zodProblem, type Decoded } from './decoded';

/**
 * Format 0 → 1. Format 0 is how the first Lede builds stored a workspace, before files carried
 * a `schemaVersion`:
 *   - article files: `{article, annotations, relations}` where an annotation was ONE span,
 *     `{id, label, start, end, text, author, created, modified?, attributes?, note?}`, with `text`
 *     the covered text and no prefix/suffix selectors;
 *   - settings.json: `{author, snapToWords?}` (the analyst's name was called `author`);
 *   - label-schema.json: the bare `{labels, relationTypes}`, labels without `kind`, `key` or
 *     `attributes` allowed.
 * Format 1 wraps each in `{schemaVersion: 1, …}` and stores multi-fragment annotations.
 */

const V0AnnotationSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().min(1).max(200),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string().optional(),
  author: z.string().min(1).max(200),
  created: z.string(),
  modified: z.string().optional(),
  attributes: z.record(z.string().max(200), z.union([z.string().max(10_000), z.boolean()])).optional(),
  note: z.string().max(100_000).optional(),
});

const V0DocSchema = z.object({
  article: ArticleSchema,
  annotations: z.array(V0AnnotationSchema),
  relations: z.array(RelationSchema),
});

export function migrateV0Doc(raw: unknown): Decoded<ArticleDoc> {
  const parsed = V0DocSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: `(format 0) ${zodProblem(parsed.error)}` };
  const { article, relations } = parsed.data;
  const annotations: Annotation[] = [];
  for (const a of parsed.data.annotations) {
    if (a.end <= a.start || a.end > article.text.length) {
      return { ok: false, problem: `(format 0) has an annotation (${a.id}) with offsets ${a.start}–${a.end} outside the text` };
    }
    const fragments = [{ start: a.start, end: a.end }];
    annotations.push({
      id: a.id,
      label: a.label,
      fragments,
      ...selectorsFor(article.text, fragments),
      attributes: a.attributes ?? {},
      note: a.note ?? '',
      author: a.author,
      created: a.created,
      modified: a.modified ?? a.created,
    });
  }
  return { ok: true, value: canonicalDoc({ article, annotations, relations }), fromVersion: 0 };
}

const V0SettingsSchema = z.object({ author: z.string().min(1).max(200), snapToWords: z.boolean().optional() });

export function migrateV0Settings(raw: unknown): Decoded<Settings> {
  const parsed = V0SettingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: `(format 0) ${zodProblem(parsed.error)}` };
  const settings = SettingsSchema.parse({ analystName: parsed.data.author, snapToWords: parsed.data.snapToWords ?? DEFAULT_SETTINGS.snapToWords });
  return { ok: true, value: settings, fromVersion: 0 };
}

const V0LabelSchemaSchema = z.object({
  labels: z.array(
    z.object({
      id: z.string().min(1).max(200),
      name: z.string().min(1).max(200),
      color: z.string().regex(/^#[0-9a-f]{6}$/i),
      key: z.string().max(1).optional(),
      kind: z.enum(['span', 'event']).optional(),
      attributes: z.array(z.unknown()).optional(),
    }),
  ),
  relationTypes: z.array(z.unknown()),
});

export function migrateV0LabelSchema(raw: unknown): Decoded<LabelSchema> {
  const parsed = V0LabelSchemaSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: `(format 0) ${zodProblem(parsed.error)}` };
  const candidate = {
    labels: parsed.data.labels.map((l) => ({ ...l, key: l.key ?? '', kind: l.kind ?? 'span', attributes: l.attributes ?? [] })),
    relationTypes: parsed.data.relationTypes,
  };
  const migrated = LabelSchemaSchema.safeParse(candidate);
  if (!migrated.success) return { ok: false, problem: `(format 0) ${zodProblem(migrated.error)}` };
  return { ok: true, value: migrated.data, fromVersion: 0 };
}
