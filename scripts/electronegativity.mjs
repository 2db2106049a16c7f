#!/usr/bin/env node
// `npm run security`: the electronegativity gate. Scans the sources (src/) and the build (out/)
// with @doyensec/electronegativity and fails on any finding of MEDIUM severity or above that is
// not in the reviewed list security/electronegativity-reviewed.json — and on any entry of that
// list that no longer matches a finding, so the list stays honest. Prints findings by severity.
//
// Its CLI is unusable here (it needs a hoisted commander 2.x; Lede has commander 14) and it exits
// 0 whatever it finds, so this calls its runner API and reads what it reports. With `isSarif:
// false` the runner writes CSV with two racing async writes, so the report file is SARIF (JSON,
// one write), read back once it is complete; severities come from the runner's returned issues,
// which SARIF does not carry, and the two are checked to name the same findings.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const REVIEWED_FILE = join(root, 'security', 'electronegativity-reviewed.json');
export const SCANNED = ['src', 'out'];
const shorten = (text) => (text.length > 110 ? `${text.slice(0, 109)}…` : text);
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const GATE = new Set(['CRITICAL', 'HIGH', 'MEDIUM']);

/** Runs the scanner over one folder; resolves with its findings, paths relative to the project. */
async function scanFolder(folder, electronVersion, reportDir) {
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const output = join(reportDir, `${folder.replace(/[^\w.-]/g, '_')}.sarif.json`);
  const result = await run(
    {
      input: join(root, folder),
      output,
      isSarif: true,
      customScan: [],
      excludeFromScan: [],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      parserPlugins: [],
      electronVersionOverride: electronVersion,
    },
    false,
  );
  const sarif = await readWhenWritten(output);
  const located = sarif.runs[0].results.length;
  if (located !== result.issues.length) throw new Error(`${folder}: the report file lists ${located} findings, the runner returned ${result.issues.length}`);
  const unparsed = result.errors.filter((e) => !e.tolerable);
  if (unparsed.length) throw new Error(`${folder}: electronegativity could not parse ${unparsed.map((e) => `${e.file} (${e.message})`).join(', ')}`);
  return result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file === 'N/A' ? 'N/A' : relative(root, join(root, folder, issue.file)),
    line: issue.location?.line ?? 0,
    sample: String(issue.sample ?? ''),
    manualReview: Boolean(issue.manualReview),
    description: issue.description,
  }));
}

/** The runner writes its report with an un-awaited fs.writeFile: wait until it parses. */
async function readWhenWritten(path) {
  for (let i = 0; i < 200; i++) {
    if (existsSync(path) && statSync(path).size > 0) {
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // still being written
      }
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`electronegativity did not write its report ${path}`);
}

export function loadReviewed(file = REVIEWED_FILE) {
  const list = JSON.parse(readFileSync(file, 'utf8')).reviewed;
  for (const [i, entry] of list.entries()) {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || !entry[key].trim()) throw new Error(`${file}: entry ${i} has no "${key}"`);
    }
  }
  return list;
}

function matches(entry, finding) {
  return entry.check === finding.check && entry.file === finding.file && (!entry.match || finding.sample.includes(entry.match));
}

/**
 * Scans src/ and out/ and sorts the findings: `blocking` (MEDIUM or above, not reviewed),
 * `suppressed` (with their reason) and `stale` (reviewed entries that match nothing).
 */
export async function scanAll({ reviewed = loadReviewed(), folders = SCANNED } = {}) {
  for (const folder of folders) {
    if (!existsSync(join(root, folder))) throw new Error(`${folder}/ is missing${folder === 'out' ? ': run `npm run build` first' : ''}`);
  }
  const electronVersion = require('electron/package.json').version;
  const reportDir = mkdtempSync(join(tmpdir(), 'lede-electronegativity-'));
  const findings = [];
  try {
    for (const folder of folders) findings.push(...(await scanFolder(folder, electronVersion, reportDir)));
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
  const suppressed = [];
  const blocking = [];
  for (const finding of findings) {
    const entry = reviewed.find((e) => matches(e, finding));
    finding.reviewedBecause = entry?.reason ?? null;
    if (entry) suppressed.push(finding);
    else if (GATE.has(finding.severity)) blocking.push(finding);
  }
  const stale = reviewed.filter((entry) => !findings.some((f) => matches(entry, f)));
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]));
  return { folders, electronVersion, findings, bySeverity, suppressed, blocking, stale };
}

function print(result) {
  console.log(`electronegativity over ${result.folders.map((f) => `${f}/`).join(' and ')} (Electron ${result.electronVersion})`);
  for (const severity of SEVERITIES) {
    const list = result.findings.filter((f) => f.severity === severity);
    console.log(`  ${severity.padEnd(13)} ${list.length}`);
    for (const f of list) {
      const note = f.reviewedBecause ? `reviewed: ${shorten(f.reviewedBecause)}` : GATE.has(severity) ? 'NOT REVIEWED' : 'below the gate';
      console.log(`    ${f.check} ${f.file}:${f.line} [${f.confidence}] — ${note}`);
    }
  }
  const counts = SEVERITIES.map((s) => `${s} ${result.bySeverity[s]}`).join(', ');
  console.log(`electronegativity findings by severity: ${counts} (${result.suppressed.length} reviewed, ${result.blocking.length} blocking)`);
  for (const f of result.blocking) console.error(`BLOCKING ${f.severity} ${f.check} at ${f.file}:${f.line}: ${f.description}`);
  for (const e of result.stale)
    console.error(`STALE review entry ${e.check} ${e.file}${e.match ? ` ("${e.match}")` : ''}: it matches no finding any more; remove it`);
}

/** `node scripts/electronegativity.mjs [--reviewed FILE] [FOLDER…]`: folders default to src and out. */
function parseArgs(argv) {
  const options = {};
  const folders = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reviewed') options.reviewed = loadReviewed(join(root, argv[++i] ?? ''));
    else folders.push(argv[i]);
  }
  if (folders.length) options.folders = folders;
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  Promise.resolve()
    .then(() => scanAll(parseArgs(process.argv.slice(2))))
    .then((result) => {
      print(result);
      process.exit(result.blocking.length || result.stale.length ? 1 : 0);
    })
    .catch((error) => {
      console.error(`security gate: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
