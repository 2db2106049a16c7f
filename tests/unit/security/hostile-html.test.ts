import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appRoot } from '../../../src/main/services/paths';
import { openWorkspace, type Workspace } from '../../../src/main/services/workspace';
import { tempDir } from '../../support/temp';
import { SEEDS_DIR } from '../main/services/support';
import { startRecordingServer, type RecordingServer } from './support/recording-server';

/**
 * Imported article HTML never runs and never reaches the network: the hostile page (every way a
 * page can run code or load something, all pointed at a local recording server) is imported
 * through the real Workspace; nothing it holds executes in this process, nothing connects to the
 * server, and only its article text is kept — as text. The same page goes through the browser in
 * tests/e2e/web/hostile.spec.ts.
 */
let server: RecordingServer;
let temp: ReturnType<typeof tempDir>;
let workspace: Workspace;
const consoleCalls: unknown[][] = [];

beforeAll(async () => {
  server = await startRecordingServer();
  temp = tempDir('lede-hostile-');
  workspace = await openWorkspace(join(temp.dir, 'ws'), { mode: 'write', seedsDir: SEEDS_DIR });
  for (const method of ['log', 'warn', 'error', 'info'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  await workspace?.close();
  await server?.close();
  temp?.cleanup();
});

function hostilePage(origin: string): Uint8Array {
  const html = readFileSync(join(appRoot(), 'tests/fixtures/hostile/hostile-page.html'), 'utf8').replaceAll('{{REMOTE}}', origin);
  return new TextEncoder().encode(html);
}

describe('a hostile HTML article', () => {
  it('imports as its text only: nothing runs, nothing is fetched', async () => {
    const report = await workspace.importArticleFiles([{ name: 'hostile-page.html', bytes: hostilePage(server.origin) }]);
    expect(report.failed).toEqual([]);
    expect(report.added).toHaveLength(1);
    const { text } = (await workspace.getDoc(report.added[0]!.id)).article;

    // The article survives…
    expect(text.startsWith('Port strike ends after three weeks')).toBe(true);
    for (const sentence of ['three-week strike', 'We won a fair deal', 'backlog of cargo', 'Shipping firms welcomed', 'vote on the agreement']) expect(text).toContain(sentence);
    // …with the escaped code sample kept as the characters it was.
    expect(text).toContain("<script>window.__pwned='escaped'</script>");
    // …and nothing else of the page.
    for (const foreign of ['HOSTILE', 'INJECTED-CSS-TEXT', 'NOSCRIPT-TRICK', 'IMG-ALT-TEXT', 'IFRAME-TEXT', 'OBJECT-TEXT', 'SVG-TEXT', 'FORM-BUTTON', 'DATA-IMG', 'inline-head', 'onload', 'onerror', 'javascript:', 'data:', '127.0.0.1', 'Home']) {
      expect(text, foreign).not.toContain(foreign);
    }

    await new Promise((r) => setTimeout(r, 500)); // anything asynchronous (a fetch, a timer) would have started by now
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    expect(server.connections).toBe(0);
    expect(server.requests).toEqual([]);
    expect(consoleCalls.filter((args) => args.some((a) => String(a).includes('HOSTILE')))).toEqual([]);
  });
});
