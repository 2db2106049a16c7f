import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { runCli } from '../../../support/cli';
import { tempDir } from '../../../support/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lede-cli-meta-')));
afterEach(() => cleanup());

async function setUp(): Promise<{ workspace: string; id: string }> {
  const workspace = join(dir, 'ws');
  const ws = await openWorkspace(workspace, { mode: 'write', seedsDir: join(dir, 'no-seeds') });
  const { added } = await ws.importArticleFiles([
    { name: 'strike.txt', bytes: new TextEncoder().encode('Port strike ends\nDock workers returned on Friday.') },
  ]);
  await ws.close();
  return { workspace, id: added[0]!.id };
}

describe('lede set-meta', () => {
  it('sets title, outlet, URL, byline, date, language and tags, and clears a field with ""', async () => {
    const { workspace, id } = await setUp();
    const set = runCli([
      'set-meta',
      '--workspace',
      workspace,
      id,
      '--title',
      'Strike over',
      '--outlet',
      'The Courier',
      '--url',
      'https://courier.example/strike',
      '--byline',
      'By Jane Okafor',
      '--date',
      '2025-03-14',
      '--lang',
      'en_GB',
      '--tag',
      'ports',
      '--tag',
      'labour',
      '--json',
    ]);
    expect(set.stderr).toBe('');
    expect(set.status).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({
      changed: true,
      article: expect.objectContaining({
        id,
        title: 'Strike over',
        outlet: 'The Courier',
        url: 'https://courier.example/strike',
        byline: 'By Jane Okafor',
        published: '2025-03-14',
        language: 'en-GB',
        tags: ['ports', 'labour'],
      }),
    });
    const cleared = runCli(['set-meta', '--workspace', workspace, id, '--outlet', '', '--no-tags', '--json']);
    const article = (JSON.parse(cleared.stdout) as { article: Record<string, unknown> }).article;
    expect(article.outlet).toBeUndefined();
    expect(article.tags).toBeUndefined();
    expect(article.title).toBe('Strike over');
    expect(runCli(['list', '--workspace', workspace, '--json']).stdout).toContain('"title": "Strike over"');
  });

  it("refuses a bad value in the analyst's words and changes nothing", async () => {
    const { workspace, id } = await setUp();
    const run = runCli(['set-meta', '--workspace', workspace, id, '--title', 'New', '--url', 'courier.example/strike', '--date', 'last Friday']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The URL must be a web address starting with http:// or https://');
    expect(run.stderr).toContain('The published date must be a date such as 2026-12-02');
    expect(runCli(['list', '--workspace', workspace, '--json']).stdout).toContain('"title": "Port strike ends"');
    expect(runCli(['set-meta', '--workspace', workspace, id]).status).toBe(2);
  });
});
