import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { openWorkspace, type Workspace } from '../../../src/main/services/workspace';
import { startWebHost, type WebHost } from '../../../src/main/web/server';
import { tempDir } from '../../support/temp';
import { SEEDS_DIR } from '../main/services/support';

/**
 * The browser host seen from the network, beyond tests/unit/main/web/server.test.ts: it is not
 * reachable on any other interface (nor IPv6 loopback); DNS-rebinding Host headers in every
 * disguise, foreign and opaque Origins and a missing Host are refused; the token is only accepted
 * in its header; no response ever opens CORS.
 */
let temp: ReturnType<typeof tempDir>;
let workspace: Workspace;
let host: WebHost;

beforeAll(async () => {
  temp = tempDir('lede-web-guard-');
  const renderer = join(temp.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Lede</title>');
  workspace = await openWorkspace(join(temp.dir, 'ws'), { mode: 'write', seedsDir: SEEDS_DIR });
  host = await startWebHost({ dispatch: createDispatcher(createHandlers(() => workspace), () => undefined), rendererDir: renderer });
});

afterAll(async () => {
  await host?.close();
  await workspace?.close();
  temp?.cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; address?: string; family?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: options.address ?? '127.0.0.1', family: options.family, port: host.port, path, method: options.method ?? 'GET', headers: options.headers, timeout: 5000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (headers: Record<string, string>, path = '/api/listArticles', method = 'POST') =>
  send(path, { method, headers: { 'content-type': 'application/json', host: `127.0.0.1:${host.port}`, 'x-lede-token': host.token, ...headers }, ...(method === 'POST' ? { body: '{}' } : {}) });

function connectError(address: string, family: 4 | 6): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port: host.port, family, timeout: 3000 });
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('browser host, from the network', () => {
  it('cannot be reached on any address but 127.0.0.1', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => ({ address: i!.address.split('%')[0]!, family: i!.family === 'IPv6' ? (6 as const) : (4 as const) }));
    if (others.length === 0) console.warn('this machine has no network interface besides loopback; only ::1 and 127.0.0.2 are tried');
    const targets = [{ address: '::1', family: 6 as const }, { address: '127.0.0.2', family: 4 as const }, ...others];
    for (const { address, family } of targets) expect(await connectError(address, family), address).not.toBe('connected');
    expect(await connectError('127.0.0.1', 4)).toBe('connected');
  });

  it('refuses DNS-rebinding Host headers in every disguise, even with the token', async () => {
    const p = host.port;
    const disguises = [`rebind.attacker.test:${p}`, `localhost.attacker.test:${p}`, `127.0.0.1.nip.io:${p}`, `127.0.0.1:${p}.attacker.test`, `127.0.0.2:${p}`, `0.0.0.0:${p}`, `[::1]:${p}`, `localhost.:${p}`, `127.0.0.1:${p + 1}`, '127.0.0.1', 'localhost', `user@127.0.0.1:${p}`, `2130706433:${p}`];
    for (const hostHeader of disguises) {
      expect((await api({ host: hostHeader })).status, hostHeader).toBe(403);
      expect((await send('/', { headers: { host: hostHeader } })).status, hostHeader).toBe(403);
    }
    expect((await api({ host: `LOCALHOST:${p}` })).status).toBe(200);
  });

  it('refuses a request with no Host header at all', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: host.port }, () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.on('data', (c) => (data += c.toString()));
      socket.on('close', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] (400|403)/);
    expect(reply).not.toContain('<title>Lede</title>');
  });

  it('refuses foreign and opaque Origins', async () => {
    const p = host.port;
    for (const origin of ['null', 'https://attacker.test', `https://127.0.0.1:${p}`, `http://127.0.0.1:${p}.attacker.test`, `http://127.0.0.1:${p + 1}`, 'file://', `http://[::1]:${p}`]) {
      expect((await api({ origin })).status, origin).toBe(403);
    }
    expect((await api({ origin: `http://localhost:${p}` })).status).toBe(200);
  });

  it('takes the token only from its header, and never opens CORS', async () => {
    const noHeader = { 'x-lede-token': '' };
    expect((await api(noHeader, `/api/listArticles?token=${host.token}`)).status).toBe(401);
    expect((await api({ ...noHeader, cookie: `token=${host.token}` })).status).toBe(401);
    expect((await api({ ...noHeader, authorization: `Bearer ${host.token}` })).status).toBe(401);
    expect((await api({ 'x-lede-token': host.token.toUpperCase() })).status).toBe(401);
    const preflight = await api({ origin: `http://127.0.0.1:${host.port}`, 'access-control-request-method': 'POST' }, '/api/listArticles', 'OPTIONS');
    expect(preflight.status).toBe(405);
    const get = await api({}, '/api/listArticles', 'GET');
    expect(get.status).toBe(405);
    for (const reply of [preflight, get, await api({}), await send('/', { headers: { host: `127.0.0.1:${host.port}` } })]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    }
  });
});
