import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server standing in for "the internet": every remote reference of the hostile page
 * points at it, and it records every TCP connection and request it gets. A page that fetched,
 * preconnected, prefetched or loaded anything would show up here.
 */
export interface RecordingServer {
  origin: string;
  connections: number;
  requests: string[];
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const record: RecordingServer = { origin: '', connections: 0, requests: [], close: async () => undefined };
  const server: Server = createServer((request, response) => {
    record.requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('window.__pwned = "remote"');
  });
  server.on('connection', () => record.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  record.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  record.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return record;
}
