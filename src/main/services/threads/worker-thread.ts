import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { appRoot } from '../paths';

/**
 * Starts a service's worker thread (the web-page reader, the search): the built app (desktop and
 * browser host alike) runs `out/main/<builtEntry>.js`, an entry of electron.vite.config.ts; from
 * the TypeScript sources (tests, benchmarks) the thread loads the `worker.ts` beside `callerUrl`
 * through tsx. The thread is unref'd: it never keeps a CLI process alive on its own.
 */
export function startWorkerThread(callerUrl: string, builtEntry: string): Worker {
  const fromSources = callerUrl.endsWith('.ts');
  const worker = fromSources
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(new URL('./worker.ts', callerUrl).href)}, ${JSON.stringify(callerUrl)}))`,
        { eval: true },
      )
    : new Worker(join(appRoot(), 'out', 'main', `${builtEntry}.js`));
  worker.unref();
  return worker;
}

/**
 * One service's worker thread, replaced when it goes: started on first use, started afresh after
 * it failed, ended, or was discarded (a request past its deadline), terminated on close. The
 * web-page reader and the search each hold one.
 */
export class ReplaceableThread {
  private worker: Worker | null = null;

  /** `callerUrl` and `builtEntry` as for startWorkerThread. */
  constructor(
    private readonly callerUrl: string,
    private readonly builtEntry: string,
  ) {}

  /** The running thread, started when none runs. */
  current(): Worker {
    return (this.worker ??= this.start());
  }

  /** Terminates `worker` (one stuck past a deadline, or failed); the next `current()` starts a fresh thread. */
  async discard(worker: Worker): Promise<void> {
    if (this.worker === worker) this.worker = null;
    await worker.terminate();
  }

  /** Stops the thread (tests and shutdown); a later `current()` starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = startWorkerThread(this.callerUrl, this.builtEntry);
    // A thread that fails or ends between requests is replaced at the next one; without a
    // listener its 'error' would be thrown in the main process.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    return worker;
  }
}
