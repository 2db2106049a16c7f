#!/usr/bin/env node
// The editor's bundle stays lean: after `npm run build`, the renderer's entry chunk (what every
// window loads before the first paint) must stay under its budget, and heavy code (the NLP tagger of
// the suggestion worker, the registry view) must stay in chunks loaded on demand. Prints every
// chunk's size; exits 1 when the entry chunk is over budget (a heavy library that crept into it,
// such as the ~400 kB tagger, crosses it) or is not minified.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ENTRY_BUDGET_KB = 750;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'out/renderer');
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const entry = html.match(/<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/)?.[1];
if (!entry) {
  console.error('bundle budget: no entry script found in out/renderer/index.html — run `npm run build` first');
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;
for (const file of readdirSync(join(dir, 'assets')).sort()) {
  const bytes = statSync(join(dir, 'assets', file)).size;
  const gzip = gzipSync(readFileSync(join(dir, 'assets', file))).length;
  console.log(`${`assets/${file}` === entry ? 'entry ' : 'chunk '} ${file.padEnd(40)} ${kb(bytes).padStart(8)} (${kb(gzip)} gzip)`);
}

const problems = [];
const entryBytes = readFileSync(join(dir, entry));
const entryText = entryBytes.toString('utf8');
if (entryBytes.length > ENTRY_BUDGET_KB * 1024) problems.push(`the entry chunk is ${kb(entryBytes.length)}, over its ${ENTRY_BUDGET_KB} kB budget`);
// A minified chunk has few, long lines; an unminified one (the build lost `minify`) has thousands.
const lines = entryText.split('\n').length;
if (lines > 200) problems.push(`the entry chunk has ${lines} lines: it is not minified`);

if (problems.length) {
  for (const p of problems) console.error(`bundle budget: ${p}`);
  process.exit(1);
}
console.log(`bundle budget: entry chunk ${kb(entryBytes.length)} of ${ENTRY_BUDGET_KB} kB`);
