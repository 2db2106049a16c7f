import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AnnotationSchema, fragmentProblem, RelationSchema } from '../../../core/model/annotation';
import { ArticleSchema, expectedArticleId } from '../../../core/model/article';
import type { ArticleDoc } from '../../../core/model/document';
import { LabelSchemaSchema, type LabelSchema } from '../../../core/model/label-schema';
import { SettingsSchema, type Settings } from '../../../core/model/settings';
import { canonicalDoc } from '../../../core/edits/apply';
import { quickCheck } from '../../../core/model/quick-check';
import { zodProblem, type Decoded } from './decoded';
import { migrateV0Doc, migrateV0LabelSchema, migrateV0Settings } from './migrations';

/**
 * The on-disk format of each workspace file. Every file is an object with `schemaVersion`; a
 * file without one is format 0 (Lede before versioning, see migrations.ts) and is migrated on
 * load. A file from a newer Lede is refused, never "repaired".
 */
export const SCHEMA_VERSION = 1;

/** The file a value was read from: its size in bytes and modification time. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface FileCodec<T> {
  /** What the file holds, for messages. */
  what: string;
  /** `stamp` is given when the value was read from a file (a codec may trust a file it knows). */
  decode(raw: unknown, stamp?: FileStamp): Decoded<T>;
  encode(value: T): unknown;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A codec for a file `{ schemaVersion, ... }` of the current format, migrating format 0 with
 * `fromV0`. `fast`: the value of a file already shaped exactly as `current` parses it (see
 * core/model/quick-check.ts), or null to parse it with zod, which also says what is wrong.
 */
export function versioned<T>(
  what: string,
  current: z.ZodType<T>,
  fromV0: (raw: unknown) => Decoded<T>,
  check: (value: T) => string | null = () => null,
  fast: (raw: object) => T | null = () => null,
): FileCodec<T> {
  return {
    what,
    decode(raw) {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problem: `is not a JSON object` };
      const version = (raw as { schemaVersion?: unknown }).schemaVersion;
      if (version === undefined) return fromV0(raw);
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
        return { ok: false, problem: `has an invalid schemaVersion (${JSON.stringify(version)})` };
      if (version > SCHEMA_VERSION) {
        return {
          ok: false,
          tooNew: true,
          problem: `was written by a newer version of Lede (format ${version}; this version reads up to ${SCHEMA_VERSION}). Update Lede to open this workspace`,
        };
      }
      let value = fast(raw);
      if (value === null) {
        const parsed = current.safeParse(raw);
        if (!parsed.success) return { ok: false, problem: zodProblem(parsed.error) };
        value = parsed.data;
      }
      const problem = check(value);
      return problem ? { ok: false, problem } : { ok: true, value, fromVersion: version };
    },
    encode: (value) => value,
  };
}

export const ArticleFileSchema = z.object({
  schemaVersion: z.literal(1),
  article: ArticleSchema,
  annotations: z.array(AnnotationSchema),
  relations: z.array(RelationSchema),
});
type ArticleFile = z.infer<typeof ArticleFileSchema>;

/** Whether an article file is exactly as ArticleFileSchema parses it (core/model/quick-check.ts): its value can stand in for zod's. */
export const isParsedArticleFile = quickCheck(ArticleFileSchema, { exact: true });

const articleFileDoc = ({ article, annotations, relations }: ArticleFile): ArticleDoc => canonicalDoc({ article, annotations, relations });

/**
 * What zod cannot see: the text matches its hash, ids are unique, offsets fit the text.
 * `articleVerified`: `doc.article` is the very object a stored file was read into, whose texts
 * this function hashed then (articles are replaced, never mutated): not hashed again (an import
 * of 1,000 articles would hash 40 MB of text a second time).
 */
export function docProblem(doc: ArticleDoc, options: { articleVerified?: boolean } = {}): string | null {
  const { article } = doc;
  if (!options.articleVerified) {
    if (sha256Hex(article.text) !== article.hash) return 'has an article text that does not match its hash (the text was damaged)';
    if (article.id !== expectedArticleId(article)) return `has an article id (${article.id}) that does not match its hash`;
    for (const version of article.history ?? []) {
      if (sha256Hex(version.text) !== version.hash) return 'has an earlier article text that does not match its hash (the text was damaged)';
    }
  }
  const ids = new Set<string>();
  for (const a of doc.annotations) {
    if (ids.has(a.id)) return `has two annotations with the id ${a.id}`;
    ids.add(a.id);
    const problem = fragmentProblem(a.fragments, article.text.length);
    if (problem) return `has an annotation (${a.id}) whose ${problem}`;
  }
  const relationIds = new Set<string>();
  for (const r of doc.relations) {
    if (relationIds.has(r.id)) return `has two relations with the id ${r.id}`;
    relationIds.add(r.id);
    if (!ids.has(r.from) || !ids.has(r.to)) return `has a relation (${r.id}) to an annotation that does not exist`;
  }
  return null;
}

export const articleCodec: FileCodec<ArticleDoc> = {
  ...versioned<ArticleDoc>(
    'article',
    ArticleFileSchema.transform(articleFileDoc),
    (raw) => withCheck(migrateV0Doc(raw), docProblem),
    docProblem,
    (raw) => (isParsedArticleFile(raw) ? articleFileDoc(raw as ArticleFile) : null),
  ),
  encode: (doc) => ({ schemaVersion: SCHEMA_VERSION, article: doc.article, annotations: doc.annotations, relations: doc.relations }),
};

export const settingsCodec: FileCodec<Settings> = {
  ...versioned(
    'settings',
    z.object({ schemaVersion: z.literal(1), settings: SettingsSchema }).transform((f) => f.settings),
    migrateV0Settings,
  ),
  encode: (settings) => ({ schemaVersion: SCHEMA_VERSION, settings }),
};

export const labelSchemaCodec: FileCodec<LabelSchema> = {
  ...versioned(
    'label schema',
    z.object({ schemaVersion: z.literal(1), labelSchema: LabelSchemaSchema }).transform((f) => f.labelSchema),
    migrateV0LabelSchema,
  ),
  encode: (labelSchema) => ({ schemaVersion: SCHEMA_VERSION, labelSchema }),
};

function withCheck<T>(decoded: Decoded<T>, check: (value: T) => string | null): Decoded<T> {
  if (!decoded.ok) return decoded;
  const problem = check(decoded.value);
  return problem ? { ok: false, problem } : decoded;
}
