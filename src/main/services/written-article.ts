import type { ArticleDoc } from '../../core/model/document';
import { canonicalDoc } from '../../core/edits/apply';
import { docProblem, SCHEMA_VERSION, type FileStamp } from './store/file-formats';
import type { Decoded } from './store/decoded';

/**
 * An article file exactly as Lede wrote it, read back without its schema check. Every write of
 * an article is validated against the schema before it reaches the disk (StoredFile.serialize),
 * and the index cache records the size and modification time of each file Lede wrote. A file
 * that still has both was validated on write, so reading it needs what the schema cannot see
 * (docProblem: text against its hash, unique ids, offsets inside the text) but not the schema
 * itself, which is most of the cost of opening a workspace's documents (a bulk export, `lede
 * agree`). Anything else — another size or time, an older format, a value docProblem refuses or
 * cannot even walk — returns null and goes through the full check, which says what is wrong.
 */
export function decodeWrittenArticle(raw: unknown, stamp: FileStamp | undefined, written: FileStamp | null): Decoded<ArticleDoc> | null {
  if (!stamp || !written || stamp.size !== written.size || stamp.mtimeMs !== written.mtimeMs) return null;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const { schemaVersion, article, annotations, relations } = raw as { schemaVersion?: unknown; article?: unknown; annotations?: unknown; relations?: unknown };
  if (schemaVersion !== SCHEMA_VERSION || article === null || typeof article !== 'object' || !Array.isArray(annotations) || !Array.isArray(relations))
    return null;
  // Shaped as a document only: docProblem below checks what the skipped schema check leaves out.
  const doc = { article, annotations: annotations as unknown[], relations: relations as unknown[] } as unknown as ArticleDoc;
  try {
    if (docProblem(doc) !== null) return null;
  } catch {
    return null;
  }
  return { ok: true, value: canonicalDoc(doc), fromVersion: SCHEMA_VERSION };
}
