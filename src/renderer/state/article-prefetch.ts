import type { LedeApi } from '../../core/api';
import { isReadMethod } from '../../core/api/methods';
import type { ArticleDoc } from '../../core/model/document';

/**
 * Articles fetched before they are opened: on the press of a list row, as the click that opens it
 * lands only when the button is released, a tenth of a second later. Opening then takes the
 * answer already on its way instead of asking the host again. (Not speculatively, such as the rows
 * beside the open one or each row the keyboard passes: every answer is decoded on the page's one
 * thread, and might land in the middle of the analyst's first tag.)
 *
 * A prefetched document is used only if nothing could have changed it since it was asked for:
 * any api call that may write (every method core/api/methods.ts does not call a read) makes every prefetch stale, from
 * when it is sent until its answer is back. A change made elsewhere (another window, the CLI)
 * is what an open article meets anyway: the store refuses edits that no longer apply, and the
 * page reloads. A prefetch older than FRESH_MS is not used either.
 */
const FRESH_MS = 10_000;
/** How many prefetched documents are kept (each can be megabytes). */
const KEPT = 3;
/** Bumped when a write is sent and when it settles: a prefetch asked for in another epoch is stale. */
let epoch = 0;
const prefetched = new Map<string, { epoch: number; at: number; doc: Promise<ArticleDoc> }>();

/**
 * The api with every write counted (see above): the one connection's api goes through this, so
 * no write can be missed by a caller forgetting to say so.
 */
export function countingWrites(api: LedeApi): LedeApi {
  return new Proxy(api, {
    get(target, name, receiver) {
      const method: unknown = Reflect.get(target, name, receiver);
      if (typeof name !== 'string' || isReadMethod(name) || typeof method !== 'function') return method;
      return (...args: unknown[]) => {
        epoch++;
        prefetched.clear();
        return Promise.resolve((method as (...a: unknown[]) => unknown).apply(target, args)).finally(() => {
          epoch++;
          prefetched.clear();
        });
      };
    },
  });
}

/** Starts fetching an article (unless a fresh fetch of it is under way or done). */
export function startPrefetch(api: LedeApi, id: string): void {
  const had = prefetched.get(id);
  if (had && had.epoch === epoch && Date.now() - had.at < FRESH_MS) return;
  const doc = api.getArticle({ id });
  // A failed prefetch is forgotten; the open asks again and reports its own failure.
  doc.catch(() => {
    if (prefetched.get(id)?.doc === doc) prefetched.delete(id);
  });
  prefetched.delete(id);
  prefetched.set(id, { epoch, at: Date.now(), doc });
  while (prefetched.size > KEPT) prefetched.delete(prefetched.keys().next().value!);
}

/** The prefetched document of an article, if one is still good (it is handed out once). */
export function takePrefetched(id: string): Promise<ArticleDoc> | null {
  const had = prefetched.get(id);
  prefetched.delete(id);
  return had && had.epoch === epoch && Date.now() - had.at < FRESH_MS ? had.doc : null;
}
