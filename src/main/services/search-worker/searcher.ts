import type { SearchHit, SearchResults } from '../../../core/api/articles';
import type { ArticleDoc } from '../../../core/model/document';
import { ReplaceableThread } from '../threads/worker-thread';
import type { BatchReply, SearchBatch } from './messages';

/** Articles are sent to the thread in batches of about this much text, so no one copy is long. */
const BATCH_CHARS = 4 * 1024 * 1024;
/** A thread that has not answered this long after the deadline is stuck: it is replaced. */
const GRACE_MS = 5_000;

export interface SearchSource {
  /** The articles to search, in the order results are listed. */
  articles: readonly { id: string; title: string }[];
  /** The article as the workspace holds it (the store's data, not a second copy on disk). */
  load(id: string): Promise<ArticleDoc>;
}

/**
 * Runs a workspace's searches on a worker thread, one batch of articles at a time, with a deadline
 * the thread itself enforces per chunk of text. A newer search cancels the one of the same caller
 * still running (the analyst typed on in that window), which then answers with what it found,
 * marked stoppedEarly; another window's search runs on (its batches take turns on the thread). The thread
 * starts on the first search and never keeps the process alive on its own.
 */
export class ArticleSearcher {
  private readonly thread = new ReplaceableThread(import.meta.url, 'search-worker');
  private nextId = 0;
  /** Each caller's search still running, by its cancel flag (only searches in flight are kept). */
  private readonly running = new Map<string, Int32Array>();

  async search(source: SearchSource, terms: string[], options: { label?: string; limit: number; deadlineMs: number; caller?: string }): Promise<SearchResults> {
    const caller = options.caller ?? '';
    const earlier = this.running.get(caller);
    if (earlier) Atomics.store(earlier, 0, 1);
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    this.running.set(caller, cancel);
    const deadlineAt = Date.now() + options.deadlineMs;
    const hits: SearchHit[] = [];
    let total = 0;
    let stoppedEarly = false;
    try {
      if (terms.length === 0) return { hits, total, stoppedEarly };
      let batch: SearchBatch['docs'] = [];
      let chars = 0;
      const flush = async (): Promise<boolean> => {
        const docs = batch;
        batch = [];
        chars = 0;
        if (Atomics.load(cancel, 0) !== 0 || Date.now() > deadlineAt) return false;
        const reply = await this.send(
          { id: ++this.nextId, docs, terms, label: options.label, limit: options.limit - hits.length, deadlineAt, cancel },
          deadlineAt + GRACE_MS,
        );
        total += reply.count;
        hits.push(...reply.hits);
        return !reply.stopped;
      };
      for (const { id, title } of source.articles) {
        const doc = await source.load(id);
        batch.push({ id, title, doc });
        chars += doc.article.text.length;
        if (chars >= BATCH_CHARS && !(await flush())) {
          stoppedEarly = true;
          break;
        }
      }
      if (!stoppedEarly && batch.length > 0 && !(await flush())) stoppedEarly = true;
      return { hits: hits.slice(0, options.limit), total, stoppedEarly };
    } finally {
      if (this.running.get(caller) === cancel) this.running.delete(caller);
    }
  }

  /** Stops the thread (tests and shutdown); a later search starts a new one. */
  close(): Promise<void> {
    return this.thread.close();
  }

  private send(batch: SearchBatch, giveUpAt: number): Promise<{ hits: SearchHit[]; count: number; stopped: boolean }> {
    const worker = this.thread.current();
    return new Promise((resolve, reject) => {
      const finish = (outcome: () => void, stop: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        if (stop) void this.thread.discard(worker);
        outcome();
      };
      const onMessage = (reply: BatchReply) => {
        if (reply.id !== batch.id) return;
        if ('error' in reply) finish(() => reject(new Error(`The search failed: ${reply.error}`)), false);
        else finish(() => resolve(reply), false);
      };
      const onExit = () => finish(() => reject(new Error('The search stopped unexpectedly')), true);
      // The timer, not the unref'd thread, keeps a CLI process alive while it searches.
      const timer = setTimeout(() => finish(() => resolve({ hits: [], count: 0, stopped: true }), true), Math.max(0, giveUpAt - Date.now()));
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage(batch);
    });
  }
}
