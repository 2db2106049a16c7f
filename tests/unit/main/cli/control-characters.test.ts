import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importAnnotations } from '../../../../src/main/services/exchange/import-annotations';
import { terminalSafe } from '../../../../src/main/cli/terminal';
import { articleIdFromHash } from '../../../../src/core/model/article';
import { sha256Hex } from '../../../../src/main/services/store/file-formats';
import { runCli } from '../../../support/cli';
import { newWorkspace } from '../services/support';

/**
 * Issue 11, item 7: one rule for article text (no control characters but tab and line breaks),
 * whether it comes as an article file or inside an annotation import; and no control character
 * from a title, a layer name or a message ever reaches the terminal raw.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const encode = (s: string) => new TextEncoder().encode(s);
const ESC = '\u001b';

describe('control characters', () => {
  it('annotation imports refuse article text with NUL or ESC, as the article importer does', async () => {
    const { ws, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    for (const [name, text] of [
      ['nul', 'Mayor\u0000 Jones spoke.\n'],
      ['esc', `Mayor Jones ${ESC}[31mspoke.\n`],
    ] as const) {
      const asArticle = await ws.importArticleFiles([{ name: `${name}.txt`, bytes: encode(text) }]);
      expect(asArticle.added).toEqual([]);
      const jsonl = await importAnnotations(ws, [{ path: `${name}.jsonl`, bytes: encode(`${JSON.stringify({ text, label: [[0, 5, 'Person']] })}\n`) }], {
        as: 'colleague',
      });
      expect(jsonl.ok).toBe(false);
      if (!jsonl.ok)
        expect(jsonl.errors[0]!.message).toMatch(/^the article text contains the control character U\+00(00|1B), which does not occur in article text/);
      const brat = await importAnnotations(
        ws,
        [
          { path: `${name}.txt`, bytes: encode(text) },
          { path: `${name}.ann`, bytes: encode('T1\tPerson 0 5\tMayor\n') },
        ],
        { as: 'colleague' },
      );
      expect(brat.ok).toBe(false);
    }
    expect(ws.info().articleCount).toBe(5);
  });

  it('escapes control characters in titles, layer names and messages the CLI prints', async () => {
    const { ws, dir, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const text = 'Council votes\nThe council voted on Friday.\n';
    const title = `${ESC}]0;owned${'\u0007'}${ESC}[2J Council votes`;
    const lede = {
      format: 'lede-annotations',
      version: 1,
      schema: { labels: [], relationTypes: [] },
      articles: [
        {
          article: { id: articleIdFromHash(sha256Hex(text)), title, source: 'x.txt', importedAt: '2026-01-01T00:00:00.000Z', hash: sha256Hex(text), text },
          annotations: [],
          relations: [],
        },
      ],
    };
    const result = await importAnnotations(ws, [{ path: 'x.lede.json', bytes: encode(JSON.stringify(lede)) }], { as: `evil${ESC}[31m` });
    expect(result.ok ? [] : result.errors).toEqual([]);
    await ws.close();
    for (const args of [
      ['list', '--workspace', dir],
      ['list', '--workspace', dir, '--json'],
    ]) {
      const run = runCli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).not.toContain(ESC);
      expect(run.stdout).not.toContain('\u0007');
      if (args.includes('--json')) expect(JSON.parse(run.stdout).some((a: { title: string }) => a.title === title)).toBe(true);
      else expect(run.stdout).toContain('\\u001b]0;owned\\u0007\\u001b[2J Council votes');
    }
    const file = join(dir, '..', `${ESC}[2Jbad.txt`);
    writeFileSync(file, 'Headline\nBody.\n');
    const refused = runCli(['import', '--workspace', dir, file, '--nope']);
    expect(refused.stderr + refused.stdout).not.toContain(ESC);
    expect(terminalSafe(`a${ESC}b\r\u009b\u202e\tc\n`)).toBe('a\\u001bb\\u000d\\u009b\\u202e\tc\n');
  });
});
