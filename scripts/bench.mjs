#!/usr/bin/env node
// Runs every benchmark in bench/ (files ending in .bench.ts, in name order, one process each),
// prints one table and writes bench-results.json. `npm run bench -- NAME` runs the files whose
// name contains NAME. Exits 1 only when a benchmark crashes: missing a target is reported in the
// table (ok: false), not treated as a failure, because timings depend on the machine.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2] ?? '';
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

const figures = [];
let crashed = false;
for (const file of files) {
  process.stderr.write(`running bench/${file}…\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', file)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('BENCH ')) figures.push(JSON.parse(line.slice(6)));
    else if (line.trim()) process.stderr.write(`  ${line}\n`);
  }
  if (run.status !== 0) {
    crashed = true;
    process.stderr.write(`bench/${file} exited with ${run.status ?? run.signal}\n`);
  }
}

const rows = [['benchmark', 'median', 'unit', 'target', 'ok'], ...figures.map((f) => [f.name, String(f.median), f.unit, f.target, f.ok ? 'yes' : 'NO'])];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log(`\n${figures.filter((f) => f.ok).length}/${figures.length} figures within target; written to bench-results.json`);
process.exit(crashed ? 1 : 0);
