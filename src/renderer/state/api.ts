import { connect, type Connection } from '../bridge/connect';
import { hostEvents } from './connection';

/** The one connection to the backend for the page's lifetime. */
let connection: Connection | null = null;

export function backend(): Connection {
  connection ??= connect(hostEvents);
  return connection;
}
