/**
 * Coalesces saves of one file. A save requested while another is in flight waits, and all the
 * requests made meanwhile are served by ONE write of the latest value, which starts when the
 * running one ends. Each caller resolves once a write that contains its value is durable.
 *
 * When a write fails, `onFailure` runs synchronously, before any caller hears of it, so the
 * owner can put its in-memory value back to what is on disk before anything else builds on the
 * failed value; the queued write (built on the failed value) is dropped and fails too.
 */
export class CoalescingWriter<T> {
  private queued: { value: T; done: Deferred } | null = null;
  private running: Promise<void> | null = null;
  /** Completed writes, for tests and benchmarks. */
  writes = 0;

  constructor(
    private readonly save: (value: T) => Promise<void>,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  write(value: T): Promise<void> {
    if (this.queued) {
      this.queued.value = value;
      return this.queued.done.promise;
    }
    const job = { value, done: deferred() };
    this.queued = job;
    this.running ??= this.pump();
    return job.done.promise;
  }

  /** Resolves when no write is running or queued (failures are reported to their callers). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async pump(): Promise<void> {
    try {
      while (this.queued) {
        const job = this.queued;
        this.queued = null;
        try {
          await this.save(job.value);
          this.writes++;
          job.done.resolve();
        } catch (error) {
          const dropped = this.queued as { done: Deferred } | null;
          this.queued = null;
          this.onFailure(error);
          job.done.reject(error);
          dropped?.done.reject(error);
        }
      }
    } finally {
      this.running = null;
    }
  }
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
