import type { Annotation, Relation } from '../model/annotation';
import type { LabelSchema } from '../model/label-schema';
import type { ActorEntity, ActorRegistry } from '../actors/entity';
import type { ArticleVersion } from '../model/article';
import type { RawArticleMeta } from '../model/article-meta';

/**
 * An article as a file describes it. Only the text is always there; title, source and hash
 * when the format holds them (Lede JSON holds everything, brat only the text).
 */
export interface ImportedArticle {
  text: string;
  id?: string;
  title?: string;
  source?: string;
  hash?: string;
  importedAt?: string;
  /**
   * Outlet, URL, byline, published date, language, tags as the file states them (cleaned with
   * cleanArticleMeta when a new article is made from them; a stored article keeps its own).
   */
  meta?: RawArticleMeta;
  /** Earlier texts (Lede JSON): an article new to the workspace keeps its history, and its id. */
  history?: ArticleVersion[];
}

/** One article's worth of imported annotations and relations (offsets already in UTF-16). */
export interface ImportedDoc {
  article: ImportedArticle;
  annotations: Annotation[];
  relations: Relation[];
}

/**
 * What a successful parse yields. `schema` lists every label, relation type and attribute the
 * set uses, as defined by the source where it defines them (Lede JSON, brat's annotation.conf)
 * or inferred from use; `schemaWith` (schema.ts) merges it into a workspace schema.
 * `report` lists, in plain words, everything the source held that Lede could not represent
 * exactly: an import shows it to the analyst, so nothing is dropped silently.
 */
export interface AnnotationSet {
  documents: ImportedDoc[];
  schema: LabelSchema;
  report: string[];
  /** True when the source defined label colours (Lede JSON): pass as schemaWith's keepColors. */
  colorsDefined?: boolean;
  /**
   * The actor entities the set's annotations link (`Annotation.entity`), as the file describes
   * them: Lede JSON carries whole entities, brat and W3C an id and a name. An import links them
   * to the workspace's registry (entity-links.ts), by id, else by name, and reports how.
   */
  entities?: ActorEntity[];
}

export interface ParseOptions {
  /** The layer (annotator) every imported annotation and relation belongs to. */
  author: string;
  /** Name of the input file, used in error locations. */
  file?: string;
  /** Creation/modification time given to imported items the format has no time for. */
  now?: string;
  /** Id generator; the default gives fresh random ids (`ann_…`, `rel_…`). */
  newId?: (kind: 'annotation' | 'relation') => string;
  /** Inputs larger than this many UTF-8 bytes are refused; 50 MB unless the caller decides otherwise. */
  maxBytes?: number;
}

export interface SerializeOptions {
  /** Export only this layer; all layers when absent. */
  author?: string;
  /** The workspace's actor registry, to name (and in Lede JSON carry) the entities spans link. */
  registry?: ActorRegistry;
}

/** One output file of a multi-file export (brat), with a relative path. */
export interface OutputFile {
  path: string;
  content: string;
}

/** What every serializer returns: the files, and what the format could not hold exactly. */
export interface ExportResult {
  files: OutputFile[];
  report: string[];
}
