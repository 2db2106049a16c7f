import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../../../src/main/services/paths';

/**
 * The gate itself (`npm run security` runs it over src/ and out/): given a deliberately insecure
 * Electron main process, it must fail, list what it found by severity, honour a reviewed entry,
 * and call out a reviewed entry that matches nothing.
 */
const FIXTURE = 'tests/fixtures/hostile/insecure-electron';

function gate(...args: string[]) {
  const run = spawnSync(process.execPath, [join(appRoot(), 'scripts/electronegativity.mjs'), ...args], { cwd: appRoot(), encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, out: `${run.stdout}\n${run.stderr}` };
}

describe('electronegativity gate', () => {
  it('fails an insecure app, suppresses only reviewed findings, and flags stale reviews', () => {
    const { status, out } = gate('--reviewed', `${FIXTURE}/reviewed-stale.json`, FIXTURE);
    expect(status).toBe(1);
    expect(out).toMatch(/BLOCKING HIGH CONTEXT_ISOLATION_JS_CHECK at tests\/fixtures\/hostile\/insecure-electron\/main\.js:\d+/);
    expect(out).toMatch(/BLOCKING MEDIUM WEB_SECURITY_JS_CHECK/);
    expect(out).toMatch(/BLOCKING MEDIUM INSECURE_CONTENT_JS_CHECK/);
    expect(out).toMatch(/BLOCKING HIGH LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(out).toMatch(/SANDBOX_JS_CHECK tests\/fixtures\/hostile\/insecure-electron\/main\.js:\d+ \[FIRM\] — reviewed: test: this one matches/);
    expect(out).not.toMatch(/BLOCKING \w+ SANDBOX_JS_CHECK/);
    expect(out).toMatch(/STALE review entry WEB_SECURITY_JS_CHECK tests\/fixtures\/hostile\/insecure-electron\/gone\.js/);
    expect(out).toMatch(/electronegativity findings by severity: CRITICAL 0, HIGH 2, MEDIUM \d+, LOW \d+, INFORMATIONAL \d+ \(1 reviewed, \d+ blocking\)/);
  }, 120_000);

  it('refuses a review list entry without a reason', () => {
    const { status, out } = gate('--reviewed', 'tests/fixtures/hostile/insecure-electron/reviewed-no-reason.json', FIXTURE);
    expect(status).toBe(1);
    expect(out).toMatch(/entry 0 has no "reason"/);
  });
});
