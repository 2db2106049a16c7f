import { z } from 'zod';
import { AnnotationSchema, FragmentSchema, AttributeValueSchema, MAX_QUOTE_LENGTH, RelationSchema, TimestampSchema } from '../model/annotation';
import { LabelSchemaSchema } from '../model/label-schema';
import { TITLE_MAX } from '../model/article';
import { ArticleMetaSchema } from '../model/article-meta';
import { MAX_REJECTIONS_PER_ARTICLE } from '../model/settings';
import { invertRegistryCommand, RegistryCommandSchema, type RegistryCommand } from '../actors/registry-commands';

/**
 * The fields of an annotation an edit may change. `quote`/`prefix`/`suffix` travel with
 * `fragments` so that applying a command is pure data and needs no text.
 */
export const AnnotationPatchSchema = z
  .object({
    label: z.string().min(1).max(200),
    fragments: z.array(FragmentSchema).min(1).max(1000),
    quote: z.string().max(MAX_QUOTE_LENGTH),
    prefix: z.string().max(1000),
    suffix: z.string().max(1000),
    note: z.string().max(100_000),
    attributes: z.record(z.string().max(200), AttributeValueSchema),
    /** The linked actor entity; null means unlinked (the field is then absent from the annotation). */
    entity: z.string().min(1).max(100).nullable(),
    modified: TimestampSchema,
  })
  .partial()
  .strict();
export type AnnotationPatch = z.infer<typeof AnnotationPatchSchema>;

/**
 * The article details an edit may change (the info panel, `lede set-meta`): the title and the
 * metadata of article-meta.ts. A null stands for an absent field (metadata cleared or never set).
 * Never the text: that changes only through update-text.ts, which re-anchors annotations.
 * `infoChangedAt` is the time of the edit (after) and of the one before it (before, null when
 * none): it moves the article's last change, and undo puts it back.
 */
const meta = ArticleMetaSchema.shape;
export const ArticleInfoPatchSchema = z
  .object({
    title: z.string().min(1).max(TITLE_MAX),
    outlet: meta.outlet.unwrap().nullable(),
    url: meta.url.unwrap().nullable(),
    byline: meta.byline.unwrap().nullable(),
    published: meta.published.unwrap().nullable(),
    language: meta.language.unwrap().nullable(),
    tags: meta.tags.unwrap().nullable(),
    infoChangedAt: z.string().max(40).nullable(),
  })
  .partial()
  .strict();
export type ArticleInfoPatch = z.infer<typeof ArticleInfoPatchSchema>;

/**
 * A change to one article's document. Every command carries what its inverse needs:
 * `insert` and `remove` hold the complete objects, `update` holds the fields before and after.
 */
export const DocCommandSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('insert'),
    annotations: z.array(AnnotationSchema).max(500_000),
    relations: z.array(RelationSchema).max(500_000),
  }),
  z.object({
    op: z.literal('remove'),
    annotations: z.array(AnnotationSchema).max(500_000),
    relations: z.array(RelationSchema).max(500_000),
  }),
  z.object({
    op: z.literal('update'),
    id: z.string().min(1).max(100),
    before: AnnotationPatchSchema,
    after: AnnotationPatchSchema,
  }),
  z.object({ op: z.literal('article'), before: ArticleInfoPatchSchema, after: ArticleInfoPatchSchema }),
]);
export type DocCommand = z.infer<typeof DocCommandSchema>;

export type Edit =
  | { kind: 'doc'; articleId: string; command: DocCommand }
  | { kind: 'schema'; before: z.infer<typeof LabelSchemaSchema>; after: z.infer<typeof LabelSchemaSchema> }
  | { kind: 'actors'; command: RegistryCommand }
  /**
   * Suggestions of one article rejected (`add`) or brought back (`remove`: the undo of a
   * rejection), by suggestion id (src/core/suggest/ids.ts); kept in the workspace settings
   * (Settings.rejectedSuggestions), so a rejection is undone like any other edit.
   */
  | { kind: 'rejections'; articleId: string; add: string[]; remove: string[] }
  /** `label` names what the batch does as a whole ("merge of two actors"), for undo's tooltip. */
  | { kind: 'batch'; edits: Edit[]; label?: string };

const SuggestionIds = z.array(z.string().min(1).max(300)).max(MAX_REJECTIONS_PER_ARTICLE);

/** An edit as it crosses the api: one article, the label schema, the actor registry, or several at once. */
export const EditSchema: z.ZodType<Edit> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('doc'), articleId: z.string().min(1).max(100), command: DocCommandSchema }),
    z.object({ kind: z.literal('schema'), before: LabelSchemaSchema, after: LabelSchemaSchema }),
    z.object({ kind: z.literal('actors'), command: RegistryCommandSchema }),
    z.object({ kind: z.literal('rejections'), articleId: z.string().min(1).max(100), add: SuggestionIds, remove: SuggestionIds }),
    z.object({ kind: z.literal('batch'), edits: z.array(EditSchema).max(100_000), label: z.string().max(200).optional() }),
  ]),
);

export function invertCommand(command: DocCommand): DocCommand {
  switch (command.op) {
    case 'insert':
      return { op: 'remove', annotations: command.annotations, relations: command.relations };
    case 'remove':
      return { op: 'insert', annotations: command.annotations, relations: command.relations };
    case 'update':
      return { op: 'update', id: command.id, before: command.after, after: command.before };
    case 'article':
      return { op: 'article', before: command.after, after: command.before };
  }
}

export function invertEdit(edit: Edit): Edit {
  switch (edit.kind) {
    case 'doc':
      return { kind: 'doc', articleId: edit.articleId, command: invertCommand(edit.command) };
    case 'schema':
      return { kind: 'schema', before: edit.after, after: edit.before };
    case 'actors':
      return { kind: 'actors', command: invertRegistryCommand(edit.command) };
    case 'rejections':
      return { kind: 'rejections', articleId: edit.articleId, add: edit.remove, remove: edit.add };
    case 'batch':
      return { kind: 'batch', edits: edit.edits.map(invertEdit).reverse(), ...(edit.label !== undefined ? { label: edit.label } : {}) };
  }
}

/** The articles an edit touches, each once. */
export function articlesTouched(edit: Edit): string[] {
  if (edit.kind === 'doc' || edit.kind === 'rejections') return [edit.articleId];
  if (edit.kind === 'schema' || edit.kind === 'actors') return [];
  return [...new Set(edit.edits.flatMap(articlesTouched))];
}
