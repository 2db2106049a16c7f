/**
 * The hardening figures of issue 6, from the real checks: the SIGKILL crash test (kills survived
 * / kills tried), the fuzz tests (cases run / failed, per importer) and the electronegativity gate
 * (findings by severity, and how many block). Each runs as its own process, exactly as in
 * `npm test`, and its printed summary line is read back.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { report } from './support';

const root = join(import.meta.dirname, '..');

function run(args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
  return `${r.stdout}\n${r.stderr}`;
}

const vitest = (file: string, env: Record<string, string> = {}) => run([join(root, 'node_modules/vitest/vitest.mjs'), 'run', file], env);

const crash = vitest('tests/unit/crash/sigkill.test.ts');
const kills = /kills survived \/ kills tried: (\d+) \/ (\d+)/.exec(crash);
const saves = /saves acknowledged before a kill: (\d+)/.exec(crash);
if (!kills) throw new Error(`the crash test printed no figures:\n${crash.slice(-2000)}`);
report({ name: 'SIGKILL: kills survived', median: Number(kills[1]), unit: `of ${kills[2]} tried`, target: `= ${kills[2]}`, ok: kills[1] === kills[2] });
report({ name: 'SIGKILL: saves acknowledged before a kill', median: Number(saves?.[1] ?? 0), unit: 'saves', target: '>= 500', ok: Number(saves?.[1] ?? 0) >= 500 });

for (const [file, label] of [
  ['tests/unit/fuzz/annotation-formats.test.ts', 'annotation formats'],
  ['tests/unit/fuzz/annotation-import.test.ts', 'annotation import service'],
  ['tests/unit/fuzz/article-import.test.ts', 'article import'],
] as const) {
  const out = vitest(file);
  const m = new RegExp(`fuzz cases run / failed \\(${label}\\): (\\d+) / (\\d+)`).exec(out);
  if (!m) throw new Error(`${file} printed no figures:\n${out.slice(-2000)}`);
  const seed = /FUZZ_SEED=(\d+)/.exec(out)?.[1] ?? '?';
  report({ name: `fuzz ${label}: cases failed (seed ${seed})`, median: Number(m[2]), unit: `of ${m[1]} run`, target: '= 0', ok: m[2] === '0' });
}

const gate = run([join(root, 'scripts/electronegativity.mjs')]);
const found = /findings by severity: CRITICAL (\d+), HIGH (\d+), MEDIUM (\d+), LOW (\d+), INFORMATIONAL (\d+) \((\d+) reviewed, (\d+) blocking\)/.exec(gate);
if (!found) throw new Error(`the electronegativity gate printed no figures:\n${gate.slice(-2000)}`);
const [, critical, high, medium, low, info, reviewed, blocking] = found.map(Number);
for (const [severity, count] of [['CRITICAL', critical], ['HIGH', high], ['MEDIUM', medium], ['LOW', low], ['INFORMATIONAL', info]] as const) {
  report({ name: `electronegativity ${severity} findings`, median: count!, unit: 'findings', target: '', ok: true });
}
report({ name: 'electronegativity findings blocking (MEDIUM+ not reviewed)', median: blocking!, unit: `(${reviewed} reviewed)`, target: '= 0', ok: blocking === 0 });
