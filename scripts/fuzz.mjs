#!/usr/bin/env node
// Open-ended exploration, kept out of `npm test` so that a failure found by chance never blocks an
// unrelated change: the fuzz tests and the SIGKILL crash test on fresh seeds, and every property
// test on a fresh fast-check seed. Each seed is printed; failing fuzz inputs are written to
// fuzz-failures/ (FUZZ_DUMP). A seed that finds a bug becomes a regression case in the test's
// REGRESSIONS list once the bug is fixed (see tests/unit/fuzz/support/runs.ts).
//
//   npm run fuzz [-- --seeds N] [-- --only fuzz|crash|properties]
//
// Exits 1 when anything failed. `npm run bench -- hardening` runs it and prints its figures.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const seeds = Math.max(1, Number(option('seeds', '1')) || 1);
const only = option('only', '');
const dump = process.env.FUZZ_DUMP || join(root, 'fuzz-failures');

function testFiles(dir, keep) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...testFiles(full, keep));
    else if (name.endsWith('.test.ts') && keep(full)) out.push(relative(root, full));
  }
  return out;
}

const unit = join(root, 'tests/unit');
const groups = [
  { name: 'fuzz', files: testFiles(join(unit, 'fuzz'), () => true) },
  { name: 'crash', files: ['tests/unit/crash/sigkill.test.ts', 'tests/unit/crash/import-kill.test.ts'] },
  { name: 'properties', files: testFiles(unit, (f) => !f.includes('/fuzz/') && /from 'fast-check'/.test(readFileSync(f, 'utf8'))) },
].filter((g) => !only || g.name === only);

let failed = false;
for (const group of groups) {
  process.stdout.write(`\n== ${group.name}: ${group.files.length} file(s), ${seeds} fresh seed(s) each ==\n`);
  const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...group.files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_EXPLORE: String(seeds), FUZZ_DUMP: dump, FUZZ_SEED: '', CRASH_SEED: '', FC_SEED: '' },
  });
  if (run.status !== 0) failed = true;
}
process.stdout.write(failed ? `\nfuzz: failures found; inputs of failing fuzz cases are in ${dump}\n` : '\nfuzz: nothing failed\n');
process.exit(failed ? 1 : 0);
