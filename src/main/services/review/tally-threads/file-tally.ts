import { agreementView } from '../../../../core/agreement/documents';
import { tallyDocument, type DocumentTally } from '../../../../core/agreement/document-tally';
import { articleFileCodec } from '../../article-file-codec';
import type { ArticleFileToRead } from '../../article-store';
import { SCHEMA_VERSION } from '../../store/file-formats';
import { readStoredJson } from '../../store/read-stored-json';

/**
 * The tally of one article file (ArticleStore.fileToReadOnce), read exactly as the store's
 * readOnce reads it (readStoredJson with the article codec), on whichever thread calls it. Null
 * for anything but a clean read in the current format: the caller then reads the article through
 * the store (readOnce), which repairs, gives notices or says what went wrong.
 */
export async function tallyOfFile(
  file: ArticleFileToRead,
  annotators: readonly string[],
  labels: ReadonlySet<string> | undefined,
): Promise<DocumentTally | null> {
  try {
    const read = await readStoredJson(file.path, articleFileCodec(file.id, file.written));
    if (read.state !== 'ok' || read.fromVersion !== SCHEMA_VERSION) return null;
    return tallyDocument(agreementView(read.value), annotators, labels);
  } catch {
    // Unreadable (an io error): the store's read says what went wrong.
    return null;
  }
}
