import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { runCli } from '../../../support/cli';
import { tempDir } from '../../../support/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lede-cli-list-meta-')));
afterEach(() => cleanup());

describe('lede list shows metadata', () => {
  it('prints outlet, date and tags in the table, and every field with --json', async () => {
    const workspace = join(dir, 'ws');
    const ws = await openWorkspace(workspace, { mode: 'write', seedsDir: join(dir, 'no-seeds') });
    const { added } = await ws.importArticleFiles([
      { name: 'strike.txt', bytes: new TextEncoder().encode('Port strike ends\nDock workers returned on Friday.') },
      { name: 'plain.txt', bytes: new TextEncoder().encode('No metadata here\nJust text.') },
    ]);
    await ws.close();
    const id = added.find((a) => a.source === 'strike.txt')!.id;
    const set = runCli([
      'set-meta',
      '--workspace',
      workspace,
      id,
      '--outlet',
      'The Harbour Courier',
      '--url',
      'https://courier.example/strike',
      '--byline',
      'Jane Okafor',
      '--date',
      '2025-03-14T09:30Z',
      '--lang',
      'en-GB',
      '--tag',
      'ports',
      '--tag',
      'labour',
    ]);
    expect(set.status).toBe(0);

    const table = runCli(['list', '--workspace', workspace]);
    expect(table.status).toBe(0);
    const header = table.stdout.split('\n')[0]!;
    expect(header).toMatch(/id\s+title\s+outlet\s+published\s+tags\s+annotations/);
    const row = table.stdout.split('\n').find((l) => l.startsWith(id))!;
    expect(row).toMatch(/The Harbour Courier\s+2025-03-14\s+ports, labour\s+0/);

    const json = JSON.parse(runCli(['list', '--workspace', workspace, '--json']).stdout) as Record<string, unknown>[];
    const strike = json.find((a) => a.id === id)!;
    expect(strike).toMatchObject({
      outlet: 'The Harbour Courier',
      url: 'https://courier.example/strike',
      byline: 'Jane Okafor',
      published: '2025-03-14T09:30Z',
      language: 'en-GB',
      tags: ['ports', 'labour'],
      annotationCount: 0,
    });
    expect(strike.changedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    // An article without metadata has none of the fields, rather than empty ones.
    const plain = json.find((a) => a.id !== id)!;
    expect(Object.keys(plain)).not.toContain('outlet');
    expect(Object.keys(plain)).not.toContain('tags');
  });
});
