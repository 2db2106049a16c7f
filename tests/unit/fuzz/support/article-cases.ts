import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../../../src/main/services/paths';
import { sharedAvailable, sharedPath } from '../../../support/shared';
import { SEEDS_DIR } from '../../main/services/support';
import { bytesOf, insertText, mutateBytes, pick, textOf, type Random } from './mutate';

/**
 * The inputs of the article-import fuzz test: article files seeded from the fixtures, the seed
 * articles, the corpora's texts and a hostile HTML page, mutated (truncations, flipped and odd
 * bytes, spliced files, HTML built to hurt a parser, hostile file names). Case n of a seed is
 * always the same file, so a seed and a case number replay it.
 */
export interface Seed {
  name: string;
  bytes: Uint8Array;
}

export function seedFiles(): Seed[] {
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
const HOSTILE_NAMES = [
  '../../../etc/passwd.txt',
  '..\\..\\win.ini.md',
  'CON.txt',
  'a\u0000b.txt',
  `${'n'.repeat(2000)}.txt`,
  'evil\u202Etxt.html',
  '.html',
  'no-extension',
  'page.HTM',
  'article.txt.exe',
  ' spaced .md',
];

export function mutate(random: Random, seeds: Seed[]): Seed {
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

/** One case: a file, and whether it goes through the api (base64) or the service directly. */
export interface ArticleCase {
  file: Seed;
  viaApi: boolean;
}

export function articleCase(random: Random, seeds: Seed[]): ArticleCase {
  const file = mutate(random, seeds);
  return { file, viaApi: random() < 0.2 };
}
