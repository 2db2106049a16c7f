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

import type { ExportFormat, ImportFormat } from './registry';

/**
 * The format adapters, for the service and CLI; which formats exist, and what each can do, is
 * the table in ./registry.ts. All pure: callers read and write the files.
 */
export {
  EXPORT_FORMATS,
  FORMATS,
  IMPORT_FORMATS,
  formatFromContent,
  formatFromFileName,
  formatNames,
  formatRow,
  formatTitle,
  type ExportFormat,
  type FormatRow,
  type ImportFormat,
} from './registry';

export interface ExportOptions extends SerializeOptions {
  /** JSONL shape. */
  jsonlVariant?: 'label' | 'entities';
  exportedAt?: string;
}

type Serializer = (docs: readonly ArticleDoc[], schema: LabelSchema, options: ExportOptions) => ExportResult;

/** Each registry row's serializer: the compiler refuses a row without one. */
const SERIALIZERS: Record<ExportFormat, Serializer> = {
  lede: serializeLede,
  w3c: serializeW3c,
  brat: serializeBrat,
  jsonl: (docs, schema, options) => serializeJsonl(docs, schema, { ...options, variant: options.jsonlVariant ?? 'label' }),
  csv: serializeCsv,
  conll: serializeConll,
};

export function serializeFormat(format: ExportFormat, docs: readonly ArticleDoc[], schema: LabelSchema, options: ExportOptions = {}): ExportResult {
  return SERIALIZERS[format](docs, schema, options);
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
export function validateFormat(
  format: Exclude<ImportFormat, 'brat'>,
  input: string,
  options: { file?: string; resolveText?: (source: string) => string | undefined } = {},
): Problem[] {
  const r = parseFormat(format, input, { author: 'validate', ...options });
  return r.ok ? [] : r.errors;
}

export { parseBrat, serializeBrat, validateBrat, parseLede, serializeLede, parseW3c, serializeW3c, parseJsonl, serializeJsonl, serializeCsv, serializeConll };
export { schemaWith } from './schema';
export { mergeSets } from './merge';
export type { AnnotationSet, ExportResult, ImportedArticle, ImportedDoc, OutputFile, ParseOptions, SerializeOptions } from './types';
