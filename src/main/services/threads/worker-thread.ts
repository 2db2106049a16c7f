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
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(new URL('./worker.ts', callerUrl).href)}, ${JSON.stringify(callerUrl)}))`, { eval: true })
    : new Worker(join(appRoot(), 'out', 'main', `${builtEntry}.js`));
  worker.unref();
  return worker;
}
