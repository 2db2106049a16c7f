import { parentPort } from 'node:worker_threads';
import { extractHtmlArticle } from './html-article';
import type { ReadReply, ReadRequest } from './messages';

/**
 * The worker thread that reads saved web pages: jsdom and Readability run here, so a page that
 * sends them down a slow path stalls this thread, never the app's main process, and can be cut
 * off (see reader.ts).
 */
parentPort?.on('message', ({ id, html, shape }: ReadRequest) => {
  const reply: ReadReply = { id, result: extractHtmlArticle(html, shape) };
  parentPort?.postMessage(reply);
});
