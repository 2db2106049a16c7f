import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEB_API_PREFIX, WEB_TOKEN_PARAM } from '../../core/api';
import type { Dispatch } from '../ipc/dispatch';
import { SECURITY_HEADERS } from '../security/csp';
import { hasValidToken, hostProblem } from './guards';
import { readStaticFile } from '../services/static-files';

/**
 * The largest request body each api method needs, so a huge body is refused before it costs
 * memory. Imports carry files (base64, 4/3 of their bytes): 256 MB is a big batch of articles or a
 * colleague's whole annotation set; an edit may restore a whole layer (up to 500,000 annotations,
 * its schema's limit); anything else is small arguments, 32 MB at most.
 */
const IMPORT_BODY_BYTES = 256 * 1024 * 1024;
const DEFAULT_BODY_BYTES = 32 * 1024 * 1024;
const LARGE_BODY_METHODS = new Set(['importArticles', 'importAnnotations', 'applyEdit', 'updateArticleText']);

export function bodyLimit(method: string): number {
  return LARGE_BODY_METHODS.has(method) ? IMPORT_BODY_BYTES : DEFAULT_BODY_BYTES;
}

/** How long a refused upload is still read (and dropped) after its 413, so the client reads the 413. */
const LINGER_MS = 2_000;

/**
 * Answers 413 at once, while the client may still be sending, and closes the connection the way
 * that lets the client read it: the answer, then our half of the connection ends (FIN), the rest
 * of the upload is read and dropped for at most LINGER_MS, then the socket goes. Closing at once
 * with unread data in the socket makes the system reset the connection, and a reset can discard
 * the 413 before the page reads it ("Lede's host is not reachable").
 */
function tooLarge(request: IncomingMessage, response: ServerResponse, method: string, bytes: number | null): void {
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  const what = method.startsWith('import')
    ? 'Import fewer or smaller files at a time.'
    : LARGE_BODY_METHODS.has(method)
      ? 'Make the change in smaller steps.'
      : 'This is more than Lede ever sends here.';
  const socket = request.socket;
  request.removeAllListeners('data');
  request.on('data', () => undefined); // read and dropped: nothing of the refused body is kept
  request.on('error', () => undefined);
  // "Connection: close" tells the client not to reuse the connection; Node then calls the socket's
  // destroySoon once the answer is out, which would reset it with the upload unread. This socket
  // closes gently instead: end our side after the answer, drop what still comes, then go.
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
  response.setHeader('Connection', 'close');
  send(response, 413, {
    ok: false,
    error: {
      code: 'too-large',
      message: `The request is too large${bytes ? ` (${mb(bytes)})` : ''}: at most ${mb(bodyLimit(method))} can be sent at once. ${what}`,
    },
  });
}

export interface WebHostOptions {
  dispatch: Dispatch;
  /** The renderer build (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token, for tests that restart a host; normally a fresh random one. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser host: the renderer build and the api (`POST /api/<method>`) on 127.0.0.1 only.
 * Same contract and handler table as the desktop IPC, reached through `dispatch`.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[lede] web host error:', error);
      if (!response.headersSent) send(response, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const problem = hostProblem(request, port);
    if (problem) return send(response, 403, { ok: false, error: { code: 'forbidden', message: problem } });
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith(WEB_API_PREFIX)) return handleApi(request, response, url.pathname.slice(WEB_API_PREFIX.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { ok: false, error: { code: 'method', message: 'Only GET here' } });
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, { ok: false, error: { code: 'not-found', message: 'Not found' } });
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, { ok: false, error: { code: 'method', message: 'Use POST' } });
    if (!hasValidToken(request, token)) {
      return send(response, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong session token' } });
    }
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return send(response, 415, { ok: false, error: { code: 'invalid-argument', message: 'Send JSON' } });
    }
    const limit = bodyLimit(method);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      // Refused from the header, before a byte of the body is read.
      return tooLarge(request, response, method, declared);
    }
    const body = await readBody(request, limit);
    if (body === null) return tooLarge(request, response, method, null);
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body) : {};
    } catch {
      return send(response, 400, { ok: false, error: { code: 'invalid-argument', message: 'The request body is not valid JSON' } });
    }
    const envelope = await options.dispatch(method, args);
    send(response, envelope.ok ? 200 : statusFor(envelope.error.code), envelope);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?${WEB_TOKEN_PARAM}=${token}`,
    port,
    token,
    close: () => closeServer(server),
  };
}

function statusFor(code: string): number {
  if (code === 'invalid-argument' || code === 'unknown-method') return 400;
  if (code === 'not-found') return 404;
  if (code === 'conflict' || code === 'locked') return 409;
  return 500;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(json);
}

/**
 * The body as text, or null as soon as it passes `limit`: then what was kept is let go and the
 * caller answers 413 while the client may still be sending (tooLarge reads and drops the rest).
 * Counting the bytes as they come covers chunked bodies, which declare no length.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks = [];
      request.off('data', onData);
      request.off('end', onEnd);
      resolveBody(null);
    };
    const onEnd = () => resolveBody(Buffer.concat(chunks).toString('utf8'));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}
