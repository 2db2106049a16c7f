import { annotationsOf, relationsOf, type ArticleDoc } from '../../model/document';
import type { LabelSchema } from '../../model/label-schema';
import type { ExportResult, SerializeOptions } from '../types';
import { linkedEntities } from '../entity-links';
import { LEDE_FORMAT_NAME, LEDE_FORMAT_VERSION, type LedeFile } from './shape';

export interface LedeSerializeOptions extends SerializeOptions {
  /** Recorded in the file; the caller passes the clock so output is reproducible in tests. */
  exportedAt?: string;
  /** File name of the single output file. */
  path?: string;
}

/** The whole set as one Lede JSON file. */
export function serializeLede(docs: readonly ArticleDoc[], schema: LabelSchema, options: LedeSerializeOptions = {}): ExportResult {
  const file: LedeFile = {
    format: LEDE_FORMAT_NAME,
    version: LEDE_FORMAT_VERSION,
    ...(options.exportedAt ? { exportedAt: options.exportedAt } : {}),
    schema,
    articles: docs.map((doc) => {
      const annotations = annotationsOf(doc, options.author);
      const kept = new Set(annotations.map((a) => a.id));
      return {
        article: doc.article,
        annotations,
        relations: relationsOf(doc, options.author).filter((r) => kept.has(r.from) && kept.has(r.to)),
      };
    }),
  };
  const actors = linkedEntities(
    options.registry,
    file.articles.flatMap((a) => a.annotations),
  );
  if (actors.length > 0) file.actors = actors;
  // Compact: a 1,000-article workspace stays under the 50 MB import limit (indented it would not).
  return { files: [{ path: options.path ?? 'annotations.lede.json', content: `${JSON.stringify(file)}\n` }], report: [] };
}
