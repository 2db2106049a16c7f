import type { Worker } from 'node:worker_threads';
import type { DocumentTally } from '../../../../core/agreement/document-tally';
import type { ArticleFileToRead } from '../../article-store';
import { tallyOfFile } from './file-tally';
import type { TallyBatch, TallyReply } from './messages';
import { defaultTallyThreads, discardTallyThreads, takeTallyThread } from './prestart';

/** Fewer files than this are read on the main thread: starting a thread costs more than it saves. */
export const THREADS_FROM = 48;
/** Files per message: few enough to share the work evenly, enough that messages cost nothing. */
const BATCH = 8;
/** Batches a thread holds at once, so it never waits for the next one. */
const IN_FLIGHT = 2;
/** Files the main thread reads at a time (its reads are mostly waiting on the disk). */
const HERE_AT_ONCE = 16;

export interface TallyOptions {
  annotators: string[];
  labels?: string[];
  /** Threads besides the main thread, which reads too (default: defaultTallyThreads); 0 reads everything on the main thread. */
  threads?: number;
  /** Fewer files to read on threads than this, and none is started (default THREADS_FROM). */
  threadsFrom?: number;
}

/**
 * The agreement tallies of a list of articles, in its order. An article with a file to read
 * (ArticleStore.fileToReadOnce) is read and counted (file-tally.ts) on a tally thread (worker.ts)
 * or on this thread, which takes the next file whenever it is free (so one core is not left
 * waiting, and a thread's start-up is not waited for); the others, and any file that read could
 * not read cleanly, by `readHere` (through the store). A thread that fails or ends leaves its
 * files to this thread. `onEach` is told after every article (it may throw to
 * cancel: the threads are then stopped and the error returned).
 */
export async function tallyOnThreads(
  files: readonly (ArticleFileToRead | null)[],
  options: TallyOptions,
  readHere: (index: number) => Promise<DocumentTally>,
  onEach: () => void = () => undefined,
): Promise<DocumentTally[]> {
  const out = new Array<DocumentTally>(files.length);
  const labels = options.labels ? new Set(options.labels) : undefined;
  if (files.length === 0) {
    discardTallyThreads();
    return out;
  }
  const readable = [...files.keys()].filter((i) => files[i] !== null);
  const wanted = options.threads ?? defaultTallyThreads();
  const threads = readable.length < (options.threadsFrom ?? THREADS_FROM) ? 0 : Math.min(wanted, Math.ceil(readable.length / BATCH));
  // The files tally threads may take, in order; the main thread takes from them too.
  const threaded = threads === 0 ? [] : readable;
  const here = threads === 0 ? [...files.keys()] : [...files.keys()].filter((i) => files[i] === null);

  return new Promise<DocumentTally[]>((resolve, reject) => {
    let remaining = files.length;
    let settled = false;
    const workers: Worker[] = [];
    const stop = () => {
      settled = true;
      for (const w of workers) void w.terminate();
    };
    const fail = (error: unknown) => {
      if (settled) return;
      stop();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const finish = (i: number, tally: DocumentTally) => {
      if (settled) return;
      out[i] = tally;
      try {
        onEach();
      } catch (error) {
        fail(error);
        return;
      }
      if (--remaining === 0) {
        stop();
        resolve(out);
      }
    };

    let readingHere = 0;
    const readHereLoop = async () => {
      readingHere++;
      try {
        // What is left for this thread first, then the files no tally thread has taken yet.
        // A file a thread could read is read the same way here (file-tally.ts); the rest, and what that cannot read, by `readHere`.
        for (let i = here.shift() ?? takeOne(); !settled && i !== undefined; i = here.shift() ?? takeOne()) {
          const file = handedBack.has(i) ? null : files[i];
          finish(i, (file ? await tallyOfFile(file, options.annotators, labels) : null) ?? (await readHere(i)));
        }
      } catch (error) {
        fail(error);
      } finally {
        readingHere--;
      }
    };
    /** Files a thread could not read cleanly: read by `readHere` only. */
    const handedBack = new Set<number>();
    const handBack = (indexes: readonly number[], unreadable = false) => {
      here.push(...indexes);
      if (unreadable) for (const i of indexes) handedBack.add(i);
      // Counted before starting: a loop that finds nothing to take ends at once, and must not be started again and again.
      const more = Math.min(HERE_AT_ONCE - readingHere, here.length + threaded.length - next);
      for (let k = 0; k < more && !settled; k++) void readHereLoop();
    };

    let next = 0;
    let batchNumber = 0;
    const inFlight = new Map<number, { worker: Worker; indexes: number[] }>();
    const send = (worker: Worker) => {
      if (settled || next >= threaded.length) return;
      const indexes = threaded.slice(next, next + BATCH);
      next += indexes.length;
      const batch: TallyBatch = {
        batch: batchNumber++,
        files: indexes.map((i) => files[i]!),
        annotators: options.annotators,
        ...(options.labels ? { labels: options.labels } : {}),
      };
      inFlight.set(batch.batch, { worker, indexes });
      worker.postMessage(batch);
    };
    const takeOne = (): number | undefined => (next < threaded.length ? threaded[next++] : undefined);
    /** The files not yet sent to any thread, taken: for the main thread when no thread is left. */
    const unsent = () => {
      const rest = threaded.slice(next);
      next = threaded.length;
      return rest;
    };
    let alive = threads;
    const lost = (worker: Worker) => {
      if (settled || !workers.includes(worker)) return;
      workers.splice(workers.indexOf(worker), 1);
      alive--;
      const orphaned: number[] = [];
      for (const [n, sent] of inFlight) {
        if (sent.worker !== worker) continue;
        inFlight.delete(n);
        orphaned.push(...sent.indexes);
      }
      // No thread left: what none was sent is read here too.
      if (alive === 0) orphaned.push(...unsent());
      handBack(orphaned);
    };

    for (let t = 0; t < threads; t++) {
      let worker: Worker;
      try {
        worker = takeTallyThread();
      } catch {
        alive--;
        continue;
      }
      // Held while it works: an unref'd thread would let a CLI process end before the replies.
      worker.ref();
      workers.push(worker);
      worker.on('message', (reply: TallyReply) => {
        const sent = inFlight.get(reply.batch);
        if (!sent) return;
        inFlight.delete(reply.batch);
        const back: number[] = [];
        reply.tallies.forEach((tally, k) => (tally ? finish(sent.indexes[k]!, tally) : back.push(sent.indexes[k]!)));
        if (back.length > 0) handBack(back, true);
        send(worker);
      });
      worker.on('error', () => lost(worker));
      worker.on('exit', () => lost(worker));
      for (let k = 0; k < IN_FLIGHT; k++) send(worker);
    }
    discardTallyThreads();
    if (alive === 0 && threads > 0) here.push(...unsent());
    handBack([]);
  });
}
