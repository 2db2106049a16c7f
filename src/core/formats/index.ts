import type { ArticleDoc } from '../model/document';
import type { LabelSchema } from '../model/label-schema';
import type { Problem, Result } from '../model/result';
import { parseBrat, serializeBrat, validateBrat } from './brat';
import { serializeConll } from './conll';
import { serializeCsv } from './csv';
import { parseJsonl, serializeJsonl } from './jsonl';
import { parseLede, serializeLede, type LedeParseOptions } from './lede';
import type { AnnotationSet, ExportResult, ParseOptions, SerializeOptions } from './types';
import { parseW3c, serializeW3c, type W3cParseOptions } from './w3c';

/**
 * The format adapters, for the service and CLI: every format exports; Lede JSON, W3C, brat and
 * JSONL import and validate. All pure: callers read and write the files.
 */
export const EXPORT_FORMATS = ['lede', 'w3c', 'brat', 'jsonl', 'csv', 'conll'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ['lede', 'w3c', 'brat', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ExportOptions extends SerializeOptions {
  /** JSONL shape. */
  jsonlVariant?: 'label' | 'entities';
  exportedAt?: string;
}

export function serializeFormat(format: ExportFormat, docs: readonly ArticleDoc[], schema: LabelSchema, options: ExportOptions = {}): ExportResult {
  switch (format) {
    case 'lede':
      return serializeLede(docs, schema, options);
    case 'w3c':
      return serializeW3c(docs, schema, options);
    case 'brat':
      return serializeBrat(docs, schema, options);
    case 'jsonl':
      return serializeJsonl(docs, schema, { ...options, variant: options.jsonlVariant ?? 'label' });
    case 'csv':
      return serializeCsv(docs, schema, options);
    case 'conll':
      return serializeConll(docs, schema, options);
  }
}

/** Parses a single-file format (brat has its own entry point, parseBrat, for its file pairs). */
export function parseFormat(
  format: Exclude<ImportFormat, 'brat'>,
  input: string,
  options: ParseOptions & Pick<LedeParseOptions, 'keepAuthors'> & Pick<W3cParseOptions, 'resolveText'>,
): Result<AnnotationSet> {
  switch (format) {
    case 'lede':
      return parseLede(input, options);
    case 'w3c':
      return parseW3c(input, options);
    case 'jsonl':
      return parseJsonl(input, options);
  }
}

/**
 * Every problem in an input, without importing it (for `lede validate`): what the parser reports.
 * For brat use validateBrat, which applies brat's own rules to an .ann/.txt pair.
 */
export function validateFormat(format: Exclude<ImportFormat, 'brat'>, input: string, options: { file?: string; resolveText?: (source: string) => string | undefined } = {}): Problem[] {
  const r = parseFormat(format, input, { author: 'validate', ...options });
  return r.ok ? [] : r.errors;
}

/** Guesses a single-file format from a file name, for imports given without one. */
export function formatFromFileName(name: string): Exclude<ImportFormat, 'brat'> | 'brat' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.ann') || lower.endsWith('.txt') || lower.endsWith('annotation.conf')) return 'brat';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.jsonld') || lower.endsWith('.w3c.json')) return 'w3c';
  if (lower.endsWith('.lede.json')) return 'lede';
  return null;
}

export { parseBrat, serializeBrat, validateBrat, parseLede, serializeLede, parseW3c, serializeW3c, parseJsonl, serializeJsonl, serializeCsv, serializeConll };
export { schemaWith } from './schema';
export { mergeSets } from './merge';
export type { AnnotationSet, ExportResult, ImportedArticle, ImportedDoc, OutputFile, ParseOptions, SerializeOptions } from './types';
