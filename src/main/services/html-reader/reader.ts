import { fail, type Result } from '../../../core/model/result';
import { ReplaceableThread } from '../threads/worker-thread';
import type { HtmlArticle } from './html-article';
import type { ReadReply, ReadRequest } from './messages';

import { htmlShape, readDeadlineMs, type HtmlShape } from '../../../core/import/html-shape';

/**
 * Reads saved web pages to article text on a worker thread, one page at a time. A page that takes
 * longer than the deadline is refused and its thread terminated (a fresh one serves the next
 * page); the app's main process stays responsive throughout. The thread starts on the first page
 * (jsdom takes about a second to load) and never keeps the process alive on its own.
 *
 * How long one page may take is set by its size (readDeadlineMs: 15 s and 1 ms an element, from
 * the pre-scan). A news page reads in a few seconds; the pre-scan and the attribute limits
 * (html-article.ts) refuse the shapes known to be slow, and this bounds the ones nobody has found
 * yet (the fuzz test found three slow paths through jsdom and Readability).
 */
export class HtmlReader {
  private readonly thread = new ReplaceableThread(import.meta.url, 'html-reader');
  private nextId = 0;
  private queue: Promise<unknown> = Promise.resolve();

  read(html: string, deadlineMs?: number): Promise<Result<HtmlArticle>> {
    // The pre-scan runs once, here: it sets the deadline and travels with the page, so the thread
    // does not scan the page again before refusing or reading it.
    const shape = htmlShape(html);
    const turn = this.queue.then(() => this.readNow(html, shape, deadlineMs ?? readDeadlineMs(shape.elements)));
    // Never rejected: one page's trouble must not refuse the pages queued behind it.
    this.queue = turn.catch(() => undefined);
    return turn.catch((error: unknown) => fail(`could not be read as a web page (${error instanceof Error ? error.message : String(error)})`));
  }

  /** Stops the thread (tests and shutdown); a later read starts a new one. */
  close(): Promise<void> {
    return this.thread.close();
  }

  private readNow(html: string, shape: HtmlShape, deadlineMs: number): Promise<Result<HtmlArticle>> {
    const worker = this.thread.current();
    const id = ++this.nextId;
    return new Promise((resolve) => {
      const finish = (result: Result<HtmlArticle>, stop: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (stop) void this.thread.discard(worker);
        resolve(result);
      };
      const onMessage = (reply: ReadReply) => {
        if (reply.id === id) finish(reply.result, false);
      };
      const onError = (error: Error) => finish(fail(`could not be read as a web page (the reader stopped: ${error.message})`), true);
      const onExit = () => finish(fail('could not be read as a web page (the reader stopped)'), true);
      // The timer, not the unref'd thread, is what keeps a CLI process alive while a page is read.
      const timer = setTimeout(
        () => finish(fail(`took longer than ${seconds(deadlineMs)} s to read as a web page, far longer than any news page; refused`), true),
        deadlineMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const request: ReadRequest = { id, html, shape };
      worker.postMessage(request);
    });
  }
}

/** The one reader of the process: pages are read one at a time, whichever workspace imports them. */
export const htmlReader = new HtmlReader();

/** 15 s, 19.8 s, 0.001 s: as many decimals as the figure needs, up to a millisecond. */
function seconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(ms < 1000 ? 3 : 1)));
}
