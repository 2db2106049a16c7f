import { parentPort } from 'node:worker_threads';
import type { SearchHit } from '../../../core/api/articles';
import { searchDoc } from '../../../core/search/article-search';
import { SearchStopped } from '../../../core/search/text-search';
import type { BatchReply, SearchBatch } from './messages';

/**
 * The thread that searches article text: a long search (a huge article, many articles) runs here,
 * so the host's main thread keeps answering other api calls. The deadline and a newer query's
 * cancel flag are checked per chunk of text (findInText), not only between articles.
 */
parentPort?.on('message', (batch: SearchBatch) => {
  const stop = () => Atomics.load(batch.cancel, 0) !== 0 || Date.now() > batch.deadlineAt;
  const hits: SearchHit[] = [];
  let count = 0;
  let reply: BatchReply;
  try {
    for (const { id, title, doc } of batch.docs) {
      if (stop()) throw new SearchStopped();
      const found = searchDoc(doc, batch.terms, { label: batch.label, limit: batch.limit - hits.length, stop });
      count += found.count;
      for (const m of found.hits) hits.push({ articleId: id, title, ...m });
    }
    reply = { id: batch.id, hits, count, stopped: false };
  } catch (error) {
    reply =
      error instanceof SearchStopped
        ? { id: batch.id, hits, count, stopped: true }
        : { id: batch.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
