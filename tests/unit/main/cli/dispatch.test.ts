import { describe, expect, it } from 'vitest';
import { runCli } from '../../../support/cli';

/** cli/index.ts loads one command's module when argv names it, every command's otherwise. */
describe('lede command dispatch', () => {
  it('lists every command in the top-level help', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    for (const name of ['list', 'import', 'agree', 'export', 'import-annotations', 'validate', 'suggest', 'update-article', 'set-meta', 'actors', 'trash'])
      expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('shows a command’s own help through `help NAME` and `NAME --help`', () => {
    const viaHelp = runCli(['help', 'agree']);
    const viaFlag = runCli(['agree', '--help']);
    expect(viaHelp.status).toBe(0);
    expect(viaFlag.status).toBe(0);
    expect(viaHelp.stdout).toContain('Usage: lede agree');
    expect(viaFlag.stdout).toBe(viaHelp.stdout);
  });

  it('still suggests the command meant for a typo, as a usage error', () => {
    const run = runCli(['agre']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'agre'");
    expect(run.stderr).toContain('agree');
  });
});
