import { connect, type Connection } from '../bridge/connect';

/** The one connection to the backend for the page's lifetime. */
let connection: Connection | null = null;

export function backend(): Connection {
  connection ??= connect();
  return connection;
}
