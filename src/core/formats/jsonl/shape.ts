import { z } from 'zod';
import { AttributeValueSchema, NormalizationSchema } from '../../model/annotation';

/** A span in doccano's sequence-labelling shape: [start, end, label], code points. */
export const LabelSpanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0), z.string().min(1).max(200)]);

export const EntitySchema = z.object({
  id: z.union([z.number().int(), z.string().max(100)]),
  label: z.string().min(1).max(200),
  start_offset: z.number().int().min(0),
  end_offset: z.number().int().min(0),
});

export const EntityRelationSchema = z.object({
  id: z.union([z.number().int(), z.string().max(100)]).optional(),
  from_id: z.union([z.number().int(), z.string().max(100)]),
  to_id: z.union([z.number().int(), z.string().max(100)]),
  type: z.string().min(1).max(200),
});

/**
 * What doccano cannot hold, under one extra key that doccano keeps as metadata: which spans form
 * one (discontinuous) annotation, attributes, notes, normalisations, times, relation notes, and
 * for the `label` variant the relations themselves. Indexes point into `label` / `entities`.
 */
export const LedeExtraSchema = z.object({
  article: z
    .object({
      id: z.string().max(100).optional(),
      title: z.string().max(500).optional(),
      source: z.string().max(1000).optional(),
      hash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
      // The article's metadata, as stored (the import cleans it again: a hand-edited line never refuses).
      outlet: z.string().max(10_000).optional(),
      url: z.string().max(10_000).optional(),
      byline: z.string().max(10_000).optional(),
      published: z.string().max(100).optional(),
      language: z.string().max(100).optional(),
      tags: z.array(z.string().max(10_000)).max(1000).optional(),
    })
    .optional(),
  annotations: z
    .array(
      z.object({
        spans: z.array(z.number().int().min(0)).min(1).max(1000),
        attributes: z.record(z.string().max(200), AttributeValueSchema).optional(),
        note: z.string().max(100_000).optional(),
        normalizations: z.array(NormalizationSchema).max(1000).optional(),
        created: z.string().max(100).optional(),
        modified: z.string().max(100).optional(),
      }),
    )
    .max(100_000),
  relations: z
    .array(z.object({ from: z.number().int().min(0), to: z.number().int().min(0), type: z.string().min(1).max(200), note: z.string().max(100_000).optional() }))
    .max(100_000)
    .optional(),
  relationNotes: z.record(z.string().max(100), z.string().max(100_000)).optional(),
});
export type LedeExtra = z.infer<typeof LedeExtraSchema>;

export const JsonlLineSchema = z.object({
  text: z.string(),
  label: z.array(z.unknown()).optional(),
  entities: z.array(EntitySchema).optional(),
  relations: z.array(EntityRelationSchema).optional(),
  lede: LedeExtraSchema.optional(),
});
