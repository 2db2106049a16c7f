import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { OutputFile } from '../../../../../src/core/formats';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { runCli } from '../../../../support/cli';
import { SHARED_MISSING_REASON, sharedAvailable } from '../../../../support/shared';
import { tempDir } from '../../../../support/temp';
import { newWorkspace } from '../support';
import { EMOJI_TAGGED, EMOJI_TEXT, tagWorkspace } from './support';

if (!sharedAvailable) console.warn(`exchange emoji tests ${SHARED_MISSING_REASON}`);

/**
 * The emoji article, stored in a real workspace and exported through the service and through the
 * real CLI in every format: every offset a file states selects exactly the tagged text when counted
 * in code points (what W3C, brat, doccano and Lede's CSV promise), and CoNLL's tokens spell it.
 */
const chars = Array.from(EMOJI_TEXT);
const cp = (start: number, end: number) => chars.slice(start, end).join('');
const expected = [...EMOJI_TAGGED].sort();
const sorted = (xs: string[]) => [...xs].sort();

const selected: Record<string, (files: OutputFile[]) => string[]> = {
  lede: (files) => {
    const doc = (JSON.parse(files[0]!.content) as { articles: { article: { text: string }; annotations: { fragments: { start: number; end: number }[] }[] }[] })
      .articles[0]!;
    return doc.annotations.map((a) => doc.article.text.slice(a.fragments[0]!.start, a.fragments[0]!.end));
  },
  w3c: (files) => {
    const items = (JSON.parse(files[0]!.content) as { first: { items: { motivation: string; target: { selector: { start?: number; end?: number }[] }[] }[] } })
      .first.items;
    return items.filter((i) => i.motivation === 'tagging').map((i) => cp(i.target[0]!.selector[1]!.start!, i.target[0]!.selector[1]!.end!));
  },
  jsonl: (files) => (JSON.parse(files[0]!.content) as { label: [number, number, string][] }).label.map(([s, e]) => cp(s, e)),
  brat: (files) => {
    const ann = files.find((f) => f.path.endsWith('.ann'))!.content;
    return ann
      .split('\n')
      .filter((l) => l.startsWith('T'))
      .map((l) => l.split('\t')[1]!.split(' '))
      .map(([, s, e]) => cp(Number(s), Number(e)));
  },
  csv: (files) =>
    Papa.parse<Record<string, string>>(files[0]!.content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data.map((r) =>
      cp(Number(r.start), Number(r.end)),
    ),
  conll: (files) => {
    const runs: string[] = [];
    for (const line of files[0]!.content.split('\n').filter((l) => l && !l.startsWith('#'))) {
      const [token, ...tags] = line.split('\t');
      for (const tag of tags) {
        if (tag.startsWith('B-')) runs.push(token!);
        else if (tag.startsWith('I-')) runs[runs.length - 1] += token!;
      }
    }
    return runs;
  },
};
const spelled = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!sharedAvailable)('the emoji article in every format', () => {
  let ws: Awaited<ReturnType<typeof newWorkspace>>;
  let emojiId: string;
  beforeAll(async () => {
    ws = await newWorkspace();
    emojiId = await tagWorkspace(ws.ws);
  });
  afterAll(async () => ws.cleanup());

  for (const format of Object.keys(selected)) {
    it(`${format}, through the service`, async () => {
      const out = await exportFiles(ws.ws, { format: format as 'lede', articleIds: [emojiId], annotators: ['seed'] });
      const got = selected[format]!(out.files);
      if (format === 'conll') expect(sorted(got)).toEqual(expected.map(spelled).sort());
      else expect(sorted(got)).toEqual(expected);
    });
  }

  it('every format, through the real CLI', async () => {
    await ws.ws.close();
    const outputs = tempDir('lede-emoji-cli-');
    onTestFinished(() => outputs.cleanup());
    for (const format of Object.keys(selected)) {
      const out = join(outputs.dir, format);
      const run = runCli([
        'export',
        '--workspace',
        ws.dir,
        '--format',
        format,
        '--article',
        emojiId,
        '--annotator',
        'seed',
        '--out',
        format === 'brat' ? out : `${out}.out`,
      ]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Exported 5 annotations of 1 article as ${format}`));
      const files: OutputFile[] =
        format === 'brat'
          ? readdirSync(out).map((p) => ({ path: p, content: readFileSync(join(out, p), 'utf8') }))
          : [{ path: 'x', content: readFileSync(`${out}.out`, 'utf8') }];
      const got = selected[format]!(files);
      expect(sorted(got), format).toEqual(format === 'conll' ? expected.map(spelled).sort() : expected);
    }
  });
});
