import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportArticlesReport } from '../../../src/core/api';
import { createDispatcher } from '../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { appRoot } from '../../../src/main/services/paths';
import { openWorkspace, type Workspace } from '../../../src/main/services/workspace';
import { sharedAvailable, sharedPath } from '../../support/shared';
import { tempDir } from '../../support/temp';
import { SEEDS_DIR } from '../main/services/support';
import { mulberry32, seedFrom } from '../crash/random';
import { prototypePolluted } from './support/check';
import { bytesOf, insertText, mutateBytes, pick, textOf, type Random } from './support/mutate';
import { startCase } from './support/clock';
import { dumpCase } from './support/dump';

/**
 * The article importer (Workspace.importArticleFiles, and the api's importArticles with base64
 * files) fed mutated article files seeded from the fixtures, the seed articles, the corpora's
 * texts and a hostile HTML page: truncations, flipped and odd bytes (NUL, invalid UTF-8, control
 * characters), spliced files, HTML built to hurt a parser (deep nesting, unclosed comments,
 * thousands of attributes), and hostile file names. Each file must be added, reported a duplicate
 * or refused with a message naming it, in under 2 s, without an exception escaping; a refused file
 * must leave the workspace exactly as it was. FUZZ_SEED / FUZZ_ARTICLE_CASES replay or resize it;
 * FUZZ_DUMP=folder keeps the files of failing cases.
 */
const CASES = Number(process.env.FUZZ_ARTICLE_CASES ?? 1500);

interface Seed {
  name: string;
  bytes: Uint8Array;
}

function seedFiles(): Seed[] {
  const files: Seed[] = [];
  const add = (dir: string, filter: (n: string) => boolean = () => true) => {
    for (const name of readdirSync(dir).filter(filter).sort()) files.push({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
  };
  add(join(appRoot(), 'tests/fixtures/articles'));
  add(SEEDS_DIR);
  if (sharedAvailable) add(sharedPath('corpora/polnear-single'), (n) => n.endsWith('.txt'));
  const hostile = readFileSync(join(appRoot(), 'tests/fixtures/hostile/hostile-page.html'), 'utf8').replaceAll('{{REMOTE}}', 'http://127.0.0.1:9');
  files.push({ name: 'hostile-page.html', bytes: bytesOf(hostile) });
  return files;
}

const HTML_ATTACKS = [
  `${'<div>'.repeat(6000)}deep text${'</div>'.repeat(6000)}`,
  `${'<p><b><i>'.repeat(3000)}unclosed`,
  '<!-- an unclosed comment <p>hidden',
  '<![CDATA[ <script>alert(1)</script> ]]>',
  `<p ${Array.from({ length: 5000 }, (_, i) => `a${i}="x"`).join(' ')}>attributes</p>`,
  `<table>${'<tr><td>cell'.repeat(4000)}</table>`,
  '<svg><foreignObject><p>inside svg</p><script>alert(1)</script></foreignObject></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<p>\u202Eevil\u202C reversed</p><p>\u0000 nul in markup</p>',
  '<head><title>' + 't'.repeat(100_000) + '</title></head>',
  '</body></html><p>after the end</p>',
  '<script>' + 'x'.repeat(300_000) + '</script><article><h1>A</h1><p>Some article text of a decent length here.</p></article>',
];
const TEXT_ATTACKS = ['\u0000', '\uFEFF', '\r\n\r\n', '\u2028', '\u0007', '\uD800', '💥'.repeat(1000), '#'.repeat(10_000), ' '.repeat(50_000)];
const HOSTILE_NAMES = ['../../../etc/passwd.txt', '..\\..\\win.ini.md', 'CON.txt', 'a\u0000b.txt', `${'n'.repeat(2000)}.txt`, 'evil\u202Etxt.html', '.html', 'no-extension', 'page.HTM', 'article.txt.exe', ' spaced .md'];

function mutate(random: Random, seeds: Seed[]): Seed {
  const seed = pick(random, seeds);
  let bytes = seed.bytes;
  const isHtml = /\.html?$/i.test(seed.name);
  const roll = random();
  if (roll < 0.55) bytes = mutateBytes(random, bytes, pick(random, seeds).bytes);
  else if (roll < 0.8) bytes = bytesOf(insertText(random, textOf(bytes), pick(random, isHtml || random() < 0.3 ? HTML_ATTACKS : TEXT_ATTACKS)));
  else if (roll < 0.9) bytes = mutateBytes(random, mutateBytes(random, bytes, bytes), bytes);
  const name = random() < 0.12 ? pick(random, HOSTILE_NAMES) : random() < 0.1 && !isHtml ? seed.name.replace(/\.\w+$/, '.html') : seed.name;
  return { name, bytes };
}

/** What a refused import must leave alone: which article files exist, and the workspace's own files. */
function footprint(dir: string): string {
  const articles = readdirSync(join(dir, 'articles')).sort().join();
  const own = ['settings.json', 'label-schema.json', 'index.json'].map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`).join();
  return `${articles}|${own}`;
}

let temp: ReturnType<typeof tempDir>;
let workspace: Workspace;
beforeAll(async () => {
  temp = tempDir('lede-fuzz-articles-');
  workspace = await openWorkspace(join(temp.dir, 'ws'), { mode: 'write', seedsDir: SEEDS_DIR });
});
afterAll(async () => {
  await workspace?.close();
  temp?.cleanup();
});

describe('fuzzing the article importer', () => {
  it(`survives ${CASES} mutated article files`, async () => {
    const seed = seedFrom('FUZZ_SEED');
    const random = mulberry32(seed);
    const seeds = seedFiles();
    const dispatch = createDispatcher(createHandlers(() => workspace), (error) => {
      throw error;
    });
    const failed: string[] = [];
    const outcomes = { added: 0, duplicates: 0, refused: 0 };
    let slowest = 0;
    for (let n = 0; n < CASES; n++) {
      const file = mutate(random, seeds);
      await workspace.flush();
      const before = footprint(workspace.dir);
      const viaApi = random() < 0.2;
      const expectedName = viaApi ? (file.name.split(/[\\/]/).pop()?.trim() || 'unnamed') : file.name;
      const clock = startCase();
      const problems: string[] = [];
      let report: ImportArticlesReport | null = null;
      try {
        if (viaApi) {
          const reply = await dispatch('importArticles', { files: [{ name: file.name.slice(0, 1000) || 'x', base64: Buffer.from(file.bytes).toString('base64') }] });
          if (reply.ok) report = reply.value as ImportArticlesReport;
          else problems.push(`the api refused the call: ${reply.error.code} ${reply.error.message}`);
        } else report = await workspace.importArticleFiles([file]);
      } catch (error) {
        problems.push(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
      const { wallMs: ms, problems: slow } = clock.stop();
      slowest = Math.max(slowest, ms);
      problems.push(...slow);
      if (report) {
        const entries = report.added.length + report.duplicates.length + report.failed.length;
        if (entries !== 1) problems.push(`reported ${entries} outcomes for one file`);
        const refusal = report.failed[0];
        if (refusal) {
          outcomes.refused++;
          if (!refusal.error.trim() || !refusal.error.includes(expectedName.slice(0, 50))) problems.push(`a refusal that does not name the file: ${refusal.error.slice(0, 200)}`);
          if (footprint(workspace.dir) !== before) problems.push('a refused file changed the workspace');
        }
        for (const added of report.added) {
          outcomes.added++;
          const doc = await workspace.getDoc(added.id);
          if (!doc.article.text.trim()) problems.push('added an article without text');
          if (/[\u0000-\u0008\u000e-\u001f]/.test(doc.article.text)) problems.push('added an article with control characters');
        }
        outcomes.duplicates += report.duplicates.length;
      }
      if (prototypePolluted()) problems.push('Object.prototype was polluted');
      if (problems.length) dumpCase(n, { [file.name]: file.bytes });
      if (problems.length) failed.push(`case ${n} ${JSON.stringify(file.name.slice(0, 60))} (${file.bytes.length} bytes${viaApi ? ', via the api' : ''}): ${problems.join('; ')}`);
    }
    console.log(`fuzz cases run / failed (article import): ${CASES} / ${failed.length}; added ${outcomes.added}, duplicates ${outcomes.duplicates}, refused ${outcomes.refused}; slowest ${slowest.toFixed(0)} ms; FUZZ_SEED=${seed}`);
    for (const f of failed.slice(0, 20)) console.log(f);
    expect(failed).toEqual([]);
  }, 300_000);
});
