import { parentPort } from 'node:worker_threads';
import { agreementView } from '../../../../core/agreement/documents';
import { tallyDocument, type DocumentTally } from '../../../../core/agreement/document-tally';
import { articleFileCodec } from '../../article-file-codec';
import type { ArticleFileToRead } from '../../article-store';
import { SCHEMA_VERSION } from '../../store/file-formats';
import { readStoredJson } from '../../store/read-stored-json';
import type { TallyBatch, TallyReply } from './messages';

/**
 * A thread that reads article files and counts their agreement tallies, so parsing the files and
 * counting run on every core while the main thread merges; only the few numbers of each tally
 * come back, never the documents. A file is read exactly as the store's readOnce reads it
 * (readStoredJson with the article codec); anything but a clean read in the current format goes
 * back as null, and the main thread reads that file itself, with recovery and its notices.
 */
parentPort?.on('message', (batch: TallyBatch) => {
  const labels = batch.labels ? new Set(batch.labels) : undefined;
  void Promise.all(batch.files.map((file) => tallyOf(file, batch.annotators, labels))).then((tallies) => {
    const reply: TallyReply = { batch: batch.batch, tallies };
    parentPort?.postMessage(reply);
  });
});

async function tallyOf(file: ArticleFileToRead, annotators: readonly string[], labels: ReadonlySet<string> | undefined): Promise<DocumentTally | null> {
  try {
    const read = await readStoredJson(file.path, articleFileCodec(file.id, file.written));
    if (read.state !== 'ok' || read.fromVersion !== SCHEMA_VERSION) return null;
    return tallyDocument(agreementView(read.value), annotators, labels);
  } catch {
    // Unreadable (an io error): the main thread's read says what went wrong.
    return null;
  }
}
