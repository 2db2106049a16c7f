/**
 * Bulk work through the CLI, end to end: each figure spawns `bin/lede.js` (the built CLI, so
 * Node's start-up and module loading count) on a real workspace of 1,000 articles x 100
 * annotations. Targets from issue 12: every export <= 2 s, every import <= 4 s with peak memory
 * <= 4x the input size, `lede agree` on 2 layers x 100,000 spans <= 1 s.
 *
 * Each figure is printed next to its JSON floor, measured in this process on the same bytes
 * already in memory (no disk, no start-up), and the ratio is a figure of its own (stretch <= 3x):
 * - export: JSON.parse of every article file + JSON.stringify of the output (of the parsed output
 *   for the JSON formats; of the parsed documents for brat, CSV and CoNLL, which are not JSON);
 * - import: JSON.parse of the input (brat: none, it is not JSON) + JSON.parse and JSON.stringify
 *   of every article file the import leaves (what it has to read and write);
 * - agree: JSON.parse of every article file.
 * Each import's peak memory is also given above the process floor (the peak of importing one
 * article into the same workspace: Node, the CLI's modules, the workspace's index), with no target:
 * what the import itself costs per byte of input.
 * Needs `npm run build` first (out/main/cli.js). LEDE_BENCH_CLI=path/to/cli.js measures another
 * build instead (e.g. a copy of main's out/main/cli.js, run side by side for a before/after).
 * LEDE_BENCH_PART=exports|imports|agree measures one part only (imports still export, once, what
 * they import, without reporting it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../src/main/services/workspace';
import { median, report, reportMs, round } from './support';
import { generateWorkspace } from './workspace-fixture';

const ROOT = join(import.meta.dirname, '..');
const CLI = process.env.LEDE_BENCH_CLI ?? join(ROOT, 'bin', 'lede.js');
const RUNS = 3;
const PART = process.env.LEDE_BENCH_PART ?? '';
const measures = (part: 'exports' | 'imports' | 'agree'): boolean => PART === '' || PART === part;
/** The exports the import figures read. */
const IMPORTED = ['lede', 'w3c-split', 'jsonl', 'brat'];
/** Prints the process's peak resident memory (KiB) on stderr as it exits. */
const PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('PEAK_RSS '+process.resourceUsage().maxRSS+'\\n'))`;

interface Run {
  ms: number;
  peakBytes: number;
}

function lede(args: readonly string[]): Run {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', PEAK, CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`lede ${args.join(' ')} exited with ${run.status}: ${run.stderr.slice(0, 2000)}`);
  const peak = /PEAK_RSS (\d+)/.exec(run.stderr);
  return { ms, peakBytes: peak ? Number(peak[1]) * 1024 : NaN };
}

/**
 * A copy of the workspace whose index cache stays valid: `cp -a` keeps every file's mtime to the
 * nanosecond. fs.cpSync's preserveTimestamps rounds them to the millisecond, and a workspace so
 * copied was read whole by every import (1,000 article files: ~50 MB more at the peak of a
 * one-article import, 133 MB instead of 82 MB), a cost of the copy, not of the import.
 */
function copyWorkspace(from: string, to: string): void {
  const run = spawnSync('cp', ['-a', from, to], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cp -a ${from} ${to} failed: ${run.stderr}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function bytesOf(path: string): number {
  return statSync(path).isDirectory() ? filesUnder(path).reduce((n, f) => n + statSync(f).size, 0) : statSync(path).size;
}

function articleTexts(workspace: string): string[] {
  return filesUnder(join(workspace, 'articles')).map((f) => readFileSync(f, 'utf8'));
}

function timed(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** JSON.parse of JSON or JSON Lines text. */
function parseJsonOrLines(text: string, lines: boolean): unknown {
  return lines
    ? text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as unknown)
    : JSON.parse(text);
}

function reportAgainstFloor(name: string, times: readonly number[], targetMs: number, floorMs: number): void {
  const m = reportMs(name, times, targetMs);
  report({ name: `${name}: JSON floor (parse/stringify of the same bytes)`, median: round(floorMs), unit: 'ms', target: '', ok: true });
  const ratio = m / floorMs;
  report({ name: `${name}: ratio to the JSON floor`, median: round(ratio, 1), unit: 'x', target: '<= 3 x (stretch)', ok: ratio <= 3 });
}

async function main(): Promise<void> {
  if (!existsSync(process.env.LEDE_BENCH_CLI ?? join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('build the CLI first: npm run build');
  const root = mkdtempSync(join(tmpdir(), 'lede-bench-cli-'));
  try {
    const base = join(root, 'base');
    generateWorkspace(base);
    await (await openWorkspace(base, { mode: 'write' })).close();
    const workspaceTexts = articleTexts(base);
    const parseWorkspace = () => workspaceTexts.map((t) => JSON.parse(t) as unknown);
    const docs = parseWorkspace();

    if (PART === '') {
      reportMs(
        'cli: start-up (lede --help)',
        Array.from({ length: RUNS }, () => lede(['--help']).ms),
        null,
      );
    }

    // Exports. W3C whole is over the import limit, so W3C is also exported one file per article, to import.
    const outputs = new Map<string, string>();
    const cases: { format: string; split?: boolean }[] = [
      { format: 'lede' },
      { format: 'brat' },
      { format: 'w3c' },
      { format: 'w3c', split: true },
      { format: 'csv' },
      { format: 'jsonl' },
      { format: 'conll' },
    ];
    for (const { format, split } of cases) {
      const key = split ? `${format}-split` : format;
      const reported = measures('exports');
      if (!reported && !(measures('imports') && IMPORTED.includes(key))) continue;
      const times: number[] = [];
      for (let run = 0; run < (reported ? RUNS : 1); run++) {
        // An existing folder: single-file formats write their default name (with its extension) inside.
        const out = join(root, 'out', `${key}-${run}`);
        mkdirSync(out, { recursive: true });
        times.push(lede(['export', '--workspace', base, '--format', format, '--annotator', 'bench', '--out', out, ...(split ? ['--split'] : [])]).ms);
        // Every run's output stays until the end. On these machines' ext4 (no journal) the kernel
        // skips recently deleted inodes one by one when it creates a file near them: deleting
        // run 1's thousands of files made run 2's file creation up to twice as slow as run 1's,
        // a cost of the benchmark, not of the export.
        if (run === 0) outputs.set(key, out);
      }
      if (!reported) continue;
      const out = outputs.get(key)!;
      const json = format === 'lede' || format === 'w3c' || format === 'jsonl';
      const texts = json ? filesUnder(out).map((f) => readFileSync(f, 'utf8')) : [];
      const parsedOut = texts.map((t) => parseJsonOrLines(t, format === 'jsonl'));
      const floor = timed(() => {
        parseWorkspace();
        if (json) for (const v of parsedOut) JSON.stringify(v);
        else JSON.stringify(docs);
      });
      const mb = (bytesOf(out) / 1e6).toFixed(0);
      reportAgainstFloor(`cli: lede export --format ${format}${split ? ' --split' : ''} (1,000 x 100, ${mb} MB)`, times, 2000, floor);
    }

    // Imports, as a new layer, each into a fresh copy of the workspace (see copyWorkspace).
    const importInto = (run: string, input: string): Run => {
      const copy = join(root, `import-${run}`);
      copyWorkspace(base, copy);
      try {
        return lede(['import-annotations', '--workspace', copy, '--as', 'colleague', input]);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    };
    // The process floor: what importing one article into the same workspace peaks at (Node, the
    // CLI's modules, the workspace's index). The imports' peaks are also given above it, so the
    // reader sees what the import itself costs; 4x the input is below this floor for brat and JSONL.
    let floorBytes = NaN;
    if (measures('imports')) {
      const oneArticle = filesUnder(outputs.get('w3c-split')!).sort()[0]!;
      floorBytes = median(Array.from({ length: RUNS }, (_, run) => importInto(`floor-${run}`, oneArticle).peakBytes));
      report({
        name: 'cli: lede import-annotations: process floor (peak memory importing one article)',
        median: round(floorBytes / 1e6),
        unit: 'MB',
        target: '',
        ok: true,
      });
    }
    for (const key of measures('imports') ? IMPORTED : []) {
      const input = outputs.get(key)!;
      const inputBytes = bytesOf(input);
      const runs: Run[] = [];
      let copy = '';
      for (let run = 0; run < RUNS; run++) {
        if (copy) rmSync(copy, { recursive: true, force: true });
        copy = join(root, `import-${key}-${run}`);
        copyWorkspace(base, copy);
        runs.push(lede(['import-annotations', '--workspace', copy, '--as', 'colleague', input]));
      }
      const inputTexts = key === 'brat' ? [] : filesUnder(input).map((f) => readFileSync(f, 'utf8'));
      const after = articleTexts(copy);
      const floor = timed(() => {
        for (const t of inputTexts) parseJsonOrLines(t, key === 'jsonl');
        for (const t of after) JSON.stringify(JSON.parse(t));
      });
      rmSync(copy, { recursive: true, force: true });
      const mb = inputBytes / 1e6;
      const name = `cli: lede import-annotations ${key === 'w3c-split' ? 'w3c (one file per article)' : key} (1,000 x 100, ${mb.toFixed(0)} MB)`;
      reportAgainstFloor(
        name,
        runs.map((r) => r.ms),
        4000,
        floor,
      );
      const peak = median(runs.map((r) => r.peakBytes));
      report({ name: `${name}: peak memory / input size`, median: round(peak / inputBytes, 1), unit: 'x', target: '<= 4 x', ok: peak / inputBytes <= 4 });
      report({
        name: `${name}: peak memory above the process floor / input size`,
        median: round((peak - floorBytes) / inputBytes, 1),
        unit: 'x',
        target: '',
        ok: true,
      });
    }

    // Agreement: a second workspace with two differing layers of 100,000 spans each.
    if (!measures('agree')) return;
    const two = join(root, 'two-layers');
    generateWorkspace(two, ['bench', 'colleague']);
    await (await openWorkspace(two, { mode: 'write' })).close();
    const twoTexts = articleTexts(two);
    const times = Array.from({ length: RUNS }, () => lede(['agree', '--workspace', two, '--layers', 'bench,colleague']).ms);
    reportAgainstFloor(
      'cli: lede agree, 2 layers x 100,000 spans',
      times,
      1000,
      timed(() => twoTexts.map((t) => JSON.parse(t) as unknown)),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
