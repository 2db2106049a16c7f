import { parentPort } from 'node:worker_threads';
import { tallyOfFile } from './file-tally';
import type { TallyBatch, TallyReply } from './messages';

/**
 * A thread that reads article files and counts their agreement tallies (file-tally.ts), so
 * parsing the files and counting run on every core; only the few numbers of each tally come
 * back, never the documents. A file it cannot read cleanly comes back as null, and the main
 * thread reads that one through the store, with recovery and its notices.
 */
parentPort?.on('message', (batch: TallyBatch) => {
  const labels = batch.labels ? new Set(batch.labels) : undefined;
  void Promise.all(batch.files.map((file) => tallyOfFile(file, batch.annotators, labels))).then((tallies) => {
    const reply: TallyReply = { batch: batch.batch, tallies };
    parentPort?.postMessage(reply);
  });
});
