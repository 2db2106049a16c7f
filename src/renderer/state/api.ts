import { connect, type Connection } from '../bridge/connect';
import { hostEvents } from './connection';
import { countingWrites } from './article-prefetch';

/** The one connection to the backend for the page's lifetime. */
let connection: Connection | null = null;

export function backend(): Connection {
  connection ??= counted(connect(hostEvents));
  return connection;
}

/** Puts another connection in place: the state's unit tests run it on a fake backend (tests/unit/renderer/state). */
export function setBackend(next: Connection | null): void {
  connection = next && counted(next);
}

/** Its writes counted, so a prefetched article is never used after one (article-prefetch.ts). */
function counted(c: Connection): Connection {
  return { ...c, api: countingWrites(c.api) };
}
