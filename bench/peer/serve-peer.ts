/**
 * Builds the peer's page (bench/peer/recogito-page.ts, bundled by esbuild from node_modules) and
 * serves it with the article on 127.0.0.1: nothing comes from the network.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>peer</title>
<link rel="stylesheet" href="peer.css">
<style>
  html, body { margin: 0; height: 100%; }
  .article-view { position: relative; height: 100vh; overflow: auto; }
  .article-text { position: relative; max-width: 46rem; margin: 0 auto; padding: 1rem 2rem; font: 17px/1.7 Georgia, serif; }
</style></head><body><script src="peer.js"></script></body></html>`;

export interface PeerArticle {
  text: string;
  spans: { id: string; label: string; start: number; end: number }[];
}

export async function servePeer(article: PeerArticle): Promise<{ url: string; close(): Promise<void> }> {
  const out = await build({
    entryPoints: [join(HERE, 'recogito-page.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    outdir: '/peer',
    entryNames: 'peer',
    logLevel: 'error',
  });
  const files = new Map<string, { type: string; body: string | Uint8Array }>([
    ['/', { type: 'text/html', body: PAGE }],
    ['/article.json', { type: 'application/json', body: JSON.stringify(article) }],
  ]);
  for (const f of out.outputFiles)
    files.set(f.path.slice(f.path.lastIndexOf('/')), { type: f.path.endsWith('.css') ? 'text/css' : 'text/javascript', body: f.contents });
  if (!files.has('/peer.js')) throw new Error(`the peer bundle has no peer.js: ${[...files.keys()].join(', ')}`);
  const server: Server = createServer((req, res) => {
    const file = files.get((req.url ?? '/').split('?')[0]!);
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}
