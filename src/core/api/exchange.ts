import { z } from 'zod';
import { TaskIdSchema } from './tasks';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../formats/registry';
import type { Problem } from '../model/result';
import type { ImportedActor } from '../formats/entity-links';
import { FilePayloadSchema } from './articles';

/**
 * Annotation export and import (issue 4). Files cross the api as base64 (JSON has no bytes); an
 * export comes back as one downloadable file (a .zip when the format makes several files).
 */

/**
 * A path inside a chosen folder, '/'-separated: what a brat project needs to know which annotator
 * folder a file is in. Never absolute, never a drive, never '..': it names nothing on disk, it
 * only groups the files sent.
 */
/** The format table's ids (src/core/formats/registry.ts holds no adapter code, so the renderer's api bundle stays small). */
export const EXPORT_FORMAT_NAMES = EXPORT_FORMATS;
export const IMPORT_FORMAT_NAMES = IMPORT_FORMATS;

export const RelativePathSchema = z
  .string()
  .min(1)
  .max(1000)
  .refine(
    (p) =>
      !/^[\\/]/.test(p) && !/^[a-zA-Z]:/.test(p) && !p.includes('\\') && !p.split('/').some((s) => s === '..' || s === '.' || s === '') && !p.includes('\0'),
    {
      message: 'must be a relative path of folder names separated by "/" (no "..", no absolute path, no drive letter)',
    },
  );

/** 50 MB is the import limit: base64 up to 4/3 of that passes, so the service can say why it refuses. */
export const AnnotationFilePayloadSchema = FilePayloadSchema.extend({
  base64: z.string().max(Math.ceil((50 * 1024 * 1024 * 4) / 3) + 8 * 1024),
  path: RelativePathSchema.optional(),
}).strict();

const LayerName = z.string().min(1).max(200);
const ArticleId = z.string().min(1).max(100);

export const ExportRequestSchema = z
  .object({
    format: z.enum(EXPORT_FORMAT_NAMES),
    /** These articles, in this order; the whole workspace when absent. */
    articleIds: z.array(ArticleId).min(1).max(100_000).optional(),
    /**
     * The layers to export. Absent: the analyst's own layer (Settings → analyst name). Several
     * layers, or `allLayers`, are kept apart as the format's registry row says (folders, files, or
     * an annotator on every item): never merged into one anonymous set.
     */
    annotators: z.array(LayerName).min(1).max(1000).optional(),
    /** Every layer (but the '(rejected)' review companions unless `withRejected`). */
    allLayers: z.boolean().optional(),
    jsonlVariant: z.enum(['label', 'entities']).optional(),
    /** One file per article (Lede JSON, W3C, JSONL), e.g. to stay under the 50 MB import limit. */
    split: z.boolean().optional(),
    /** Include the '(rejected)' companion layers of reviewed layers when exporting every layer. */
    withRejected: z.boolean().optional(),
    /** Names the export for `taskProgress` / `cancelTask` (core/api/tasks.ts). */
    task: TaskIdSchema.optional(),
  })
  .strict();
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

export const ImportRequestSchema = z
  .object({
    files: z.array(AnnotationFilePayloadSchema).min(1).max(10_000),
    /**
     * The layer the imported set becomes. May be absent for a brat project laid out as
     * <annotator>/<doc>.{txt,ann} (folder names are the layers) and for Lede JSON (its own layers).
     */
    as: LayerName.optional(),
    /** The format of every file; guessed from names and content when absent. */
    format: z.enum(IMPORT_FORMAT_NAMES).optional(),
    /** Replace the layer where an article already has it (default: refuse, changing nothing). */
    replace: z.boolean().optional(),
    /** Their label → our label (id or display name): the mapping step, where names differ beyond case. */
    map: z
      .record(z.string().min(1).max(200), z.string().min(1).max(200))
      .refine((m) => Object.keys(m).length <= 1000, { message: 'at most 1000 labels mapped' })
      .optional(),
    /**
     * The analyst's decisions on their actors after reviewing a preview: their entity id → the id
     * of one of ours to link it to, or '' to add it as new. Unlisted ones: by id, else by name, else new.
     */
    actors: z
      .record(z.string().min(1).max(100), z.string().max(100))
      .refine((m) => Object.keys(m).length <= 100_000, { message: 'at most 100,000 actor decisions' })
      .optional(),
    /**
     * Work the import out and report it (how each label and actor would land) without storing
     * anything; 'new-labels': only when a label of theirs would be new, else import at once (one
     * round trip); 'review': also when the set brings actors, so the analyst confirms their links.
     */
    preview: z.union([z.boolean(), z.literal('new-labels'), z.literal('review')]).optional(),
  })
  .strict();
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

export const exchangeArgs = {
  exportAnnotations: ExportRequestSchema,
  importAnnotations: ImportRequestSchema,
};

/** What an export produced: one file to save (a .zip when there are several), and its report. */
export interface ExportDownload {
  name: string;
  mime: string;
  base64: string;
  /** How many files the format made (inside the zip when more than one). */
  fileCount: number;
  articleCount: number;
  annotationCount: number;
  /** The layers the export holds, and how they are kept apart (one sentence for the analyst). */
  layers: string[];
  layout: string;
  /** What the format could not represent exactly, and size warnings. */
  report: string[];
}

export interface ImportedLayer {
  author: string;
  articles: number;
  annotations: number;
  relations: number;
  /** Articles where an existing layer of this name was replaced. */
  replaced: number;
}

export interface AnnotationImportReport {
  articlesAdded: { id: string; title: string }[];
  /** Articles the annotations attached to because the workspace already had their text. */
  articlesMatched: number;
  layers: ImportedLayer[];
  /** Labels, relation types and attributes added to the label schema. */
  schemaAdded: string[];
  /** What the files held that Lede could not represent exactly, and what was skipped. */
  notes: string[];
  /** How each of their labels landed: on one of ours (mapped, same id, same name ignoring case) or new. */
  labels?: ImportedLabel[];
  /** How each actor entity of the set landed in the registry: same id, matched by name, or created. */
  actors?: ImportedActor[];
  /** Set when nothing was stored: a preview (ImportRequest.preview). */
  preview?: true;
}

/** One label of an imported set and the workspace label it becomes (null: added as new). */
export interface ImportedLabel {
  theirs: string;
  name: string;
  ours: string | null;
  how: 'mapped' | 'same' | 'case' | 'new';
}

/** An import either lands whole (ok) or changes nothing and says, located, what is wrong. */
export type AnnotationImportResult = { ok: true; report: AnnotationImportReport } | { ok: false; errors: Problem[]; notes: string[] };

export interface ExchangeResults {
  exportAnnotations: ExportDownload;
  importAnnotations: AnnotationImportResult;
}
