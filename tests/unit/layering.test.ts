import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FIXTURE = resolve(ROOT, 'tests/fixtures/layering');
const bin = (name: string) => resolve(ROOT, 'node_modules/.bin', name);

/** The layering check must be able to fail: run it on a folder full of deliberate violations. */
describe('layering check', () => {
  it('passes on the project itself', () => {
    const run = spawnSync(bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  });

  it('reports core importing Node, Electron, React or main, and renderer importing main', () => {
    const run = spawnSync(bin('depcruise'), ['src', '--config', resolve(ROOT, '.dependency-cruiser.cjs')], { cwd: FIXTURE, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    const found = [...(run.stdout + run.stderr).matchAll(/error ([\w-]+): (\S+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'core-is-platform-free src/core/uses-node.ts',
        'core-has-no-platform-packages src/core/uses-electron.ts',
        'core-has-no-platform-packages src/core/uses-react.ts',
        'core-stays-inside src/core/uses-main.ts',
        'renderer-not-main src/renderer/uses-main.ts',
      ]),
    );
  });

  it('reports node:fs and node:fs/promises outside src/main/services, and allows them inside', () => {
    const run = spawnSync(bin('depcruise'), ['src', '--config', resolve(ROOT, '.dependency-cruiser.cjs')], { cwd: FIXTURE, encoding: 'utf8' });
    const found = [...(run.stdout + run.stderr).matchAll(/error fs-only-in-services: (\S+) → (\S+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(found.sort()).toEqual(['src/core/uses-node.ts fs', 'src/main/cli/writes-file.ts fs/promises', 'src/main/web/reads-file.ts fs']);
  });

  it('reports a feature importing another feature, state importing a feature or command, and commands or ui importing a feature', () => {
    const run = spawnSync(bin('depcruise'), ['src', '--config', resolve(ROOT, '.dependency-cruiser.cjs')], { cwd: FIXTURE, encoding: 'utf8' });
    const found = [...(run.stdout + run.stderr).matchAll(/error ([\w-]+): (\S+) → (\S+)/g)].map((m) => `${m[1]} ${m[2]} → ${m[3]}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'feature-not-feature src/renderer/features/sidebar/uses-editor.ts → src/renderer/features/editor/piece.ts',
        'state-not-view src/renderer/state/uses-feature.ts → src/renderer/features/editor/piece.ts',
        'state-not-view src/renderer/state/uses-command.ts → src/renderer/commands/command.ts',
        'commands-not-features src/renderer/commands/uses-feature.ts → src/renderer/features/editor/piece.ts',
        'ui-not-features src/renderer/ui/uses-feature.ts → src/renderer/features/editor/piece.ts',
      ]),
    );
    // Inside one feature, files import each other freely.
    expect(found.filter((f) => f.includes('uses-own-piece'))).toEqual([]);
  });

  it('reports a feature importing the backend connection or the transport, and allows it state actions', () => {
    const run = spawnSync(bin('depcruise'), ['src', '--config', resolve(ROOT, '.dependency-cruiser.cjs')], { cwd: FIXTURE, encoding: 'utf8' });
    const found = [...(run.stdout + run.stderr).matchAll(/error features-call-no-backend: (\S+) → (\S+)/g)].map((m) => `${m[1]} → ${m[2]}`);
    expect(found.sort()).toEqual([
      'src/renderer/features/search/calls-backend.ts → src/renderer/state/api.ts',
      'src/renderer/features/search/uses-transport.ts → src/renderer/bridge/connect.ts',
    ]);
  });

  it('reports core using the DOM (core compiles without DOM typings)', () => {
    const run = spawnSync(bin('tsc'), ['-p', resolve(FIXTURE, 'tsconfig.core.json'), '--noEmit'], { cwd: FIXTURE, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toMatch(/uses-dom\.ts.*Cannot find name 'document'/);
  });

  it('reports the Node side using the DOM, and the renderer using Node typings', () => {
    const node = spawnSync(bin('tsc'), ['-p', resolve(FIXTURE, 'tsconfig.node.json'), '--noEmit'], { cwd: FIXTURE, encoding: 'utf8' });
    expect(node.status).not.toBe(0);
    expect(node.stdout).toMatch(/main\/uses-dom\.ts.*Cannot find name 'document'/);
    const web = spawnSync(bin('tsc'), ['-p', resolve(FIXTURE, 'tsconfig.web.json'), '--noEmit'], { cwd: FIXTURE, encoding: 'utf8' });
    expect(web.status).not.toBe(0);
    expect(web.stdout).toMatch(/uses-node-types\.ts.*Cannot find name 'process'/);
  });
});
