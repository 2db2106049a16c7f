import { z } from 'zod';
import { ArticleDocSchema } from '../../model/document';
import { LabelSchemaSchema } from '../../model/label-schema';
import { ActorEntitySchema } from '../../actors/entity';

/** The format's version. Bump it when the shape changes; parse refuses versions it does not know. */
// 2: `actors`, the registry entities the annotations link (a version-1 reader would drop them unsaid).
export const LEDE_FORMAT_VERSION = 2;
export const LEDE_FORMAT_NAME = 'lede-annotations';

/**
 * Lede JSON: the lossless export. Each entry is exactly a stored ArticleDoc (article with text,
 * hash and metadata; annotations with every field; relations), and the label schema travels
 * with them so labels keep their names, colours, kinds and attributes.
 */
export const LedeFileSchema = z.object({
  format: z.literal(LEDE_FORMAT_NAME),
  version: z.number().int().min(1),
  exportedAt: z.string().optional(),
  schema: LabelSchemaSchema,
  articles: z.array(ArticleDocSchema).max(100_000),
  /** The actor-registry entities the annotations link (whole: names, kinds, aliases, properties). Absent in older files. */
  actors: z.array(ActorEntitySchema).max(1_000_000).optional(),
});
export type LedeFile = z.infer<typeof LedeFileSchema>;
