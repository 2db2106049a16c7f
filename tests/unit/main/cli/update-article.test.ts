import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../src/core/model/annotation';
import { selectorsFor } from '../../../../src/core/text/selectors';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { runCli } from '../../../support/cli';
import { tempDir } from '../../../support/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lede-cli-upd-')));
afterEach(() => cleanup());

const V1 = 'Port strike ends\nDock workers returned on Friday after a deal with the port authority.\nThe union leader Ana Ruiz called it a victory.';
const V2 = 'Port strike ends\nUpdated at 18:00.\nDock workers returned on Friday after a deal with the port authority.';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function span(id: string, quote: string): Annotation {
  const start = V1.indexOf(quote);
  const fragments = [{ start, end: start + quote.length }];
  return { id, label: 'claim', fragments, ...selectorsFor(V1, fragments), attributes: {}, note: '', author: 'me', created: 't', modified: 't' };
}

/** A workspace with one article and two annotations, made through the service, then closed. */
async function setUp(): Promise<{ workspace: string; id: string }> {
  const workspace = join(dir, 'ws');
  const ws = await openWorkspace(workspace, { mode: 'write', seedsDir: join(dir, 'no-seeds') });
  const { added } = await ws.importArticleFiles([{ name: 'strike.txt', bytes: new TextEncoder().encode(V1) }]);
  const id = added[0]!.id;
  const doc = await ws.getDoc(id);
  await ws.putDocs([{ ...doc, annotations: [span('deal', 'returned on Friday after a deal'), span('ruiz', 'Ana Ruiz')] }], ws.labelSchema());
  await ws.close();
  return { workspace, id };
}

describe('lede update-article', () => {
  it('replaces the text, prints the count per state, and keeps the article id', async () => {
    const { workspace, id } = await setUp();
    const file = join(dir, 'strike-v2.txt');
    writeFileSync(file, V2);
    const run = runCli(['update-article', '--workspace', workspace, id, file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${id}: text updated, 2 annotation(s) re-anchored`);
    expect(run.stdout).toMatch(/placed\s+1\n/);
    expect(run.stdout).toMatch(/orphaned\s+1\n/);
    expect(run.stdout).toMatch(/orphaned\s+ruiz {2}claim {2}\(me\)/);
    const list = JSON.parse(runCli(['list', '--workspace', workspace, '--json']).stdout) as { id: string; hash: string }[];
    expect(list).toEqual([expect.objectContaining({ id, hash: sha256(V2) })]);
  });

  it('--json gives each annotation its state and new fragments', async () => {
    const { workspace, id } = await setUp();
    const file = join(dir, 'strike-v2.md');
    writeFileSync(file, `# Port strike ends\n\nUpdated at **18:00**.\n\nDock workers returned on Friday after a deal with the port authority.\n`);
    const run = runCli(['update-article', '--workspace', workspace, '--json', id, file]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.counts).toEqual({ placed: 1, moved: 0, 'needs-review': 0, orphaned: 1 });
    const deal = V2.indexOf('returned on Friday after a deal');
    expect(report.annotations).toEqual([
      { id: 'deal', author: 'me', label: 'claim', state: 'placed', fragments: [{ start: deal, end: deal + 'returned on Friday after a deal'.length }] },
      { id: 'ruiz', author: 'me', label: 'claim', state: 'orphaned', fragments: [expect.objectContaining({ start: expect.any(Number) })] },
    ]);
  });

  it('refuses a missing file, an unknown article and an unreadable file with a clear message, and changes nothing', async () => {
    const { workspace, id } = await setUp();
    const missing = runCli(['update-article', '--workspace', workspace, id, join(dir, 'nope.txt')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nothing was changed');
    expect(missing.stderr).toContain('no such file');
    const file = join(dir, 'v2.txt');
    writeFileSync(file, V2);
    const unknown = runCli(['update-article', '--workspace', workspace, 'a_0000000000000000', file]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no article a_0000000000000000');
    const binary = join(dir, 'v2-latin1.txt');
    writeFileSync(binary, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const bad = runCli(['update-article', '--workspace', workspace, id, binary]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Nothing was changed: v2-latin1\.txt.*UTF-8/);
    const list = JSON.parse(runCli(['list', '--workspace', workspace, '--json']).stdout) as { hash: string }[];
    expect(list[0]!.hash).toBe(sha256(V1));
    expect(runCli(['update-article', '--workspace', workspace, id]).status).toBe(2);
  });
});
