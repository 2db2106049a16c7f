import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../../threads/worker-thread';

/**
 * Tally threads started ahead of need: `lede agree --workspace` starts them before it loads the
 * rest of its code and opens the workspace, so their own start-up (100–170 ms of loading code on
 * these machines) runs meanwhile on another core instead of after. They stay unref'd until
 * taken, so unused ones never keep a process alive.
 */
const ready: Worker[] = [];

/** Tally threads besides the main thread, which reads too: one per core but its own, at most three. */
export function defaultTallyThreads(): number {
  return Math.max(1, Math.min(3, availableParallelism() - 1));
}

export function prestartTallyThreads(count = defaultTallyThreads()): void {
  for (let i = ready.length; i < count; i++) {
    const worker = startTallyThread();
    // One that fails before it is taken is dropped (an 'error' without a listener would be thrown here).
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      const at = ready.indexOf(worker);
      if (at >= 0) ready.splice(at, 1);
    });
    ready.push(worker);
  }
}

/** A tally thread: one started ahead if one is still running, else a new one. */
export function takeTallyThread(): Worker {
  return ready.shift() ?? startTallyThread();
}

/** Ends the threads started ahead that were not taken (a small workspace is read on the main thread). */
export function discardTallyThreads(): void {
  for (const worker of ready.splice(0)) void worker.terminate();
}

function startTallyThread(): Worker {
  return startWorkerThread(import.meta.url, 'tally-worker');
}
