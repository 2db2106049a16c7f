import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot, defaultWorkspaceDir, findAppRoot, resolveWorkspaceDir } from '../../../../src/main/services/paths';

describe('workspace paths', () => {
  it('puts the default workspace in Electron’s userData for "Lede" on each platform', () => {
    expect(defaultWorkspaceDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Lede/workspace');
    expect(defaultWorkspaceDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe('/xdg/Lede/workspace');
    expect(defaultWorkspaceDir('linux', { XDG_CONFIG_HOME: 'relative' }, '/home/ana')).toBe('/home/ana/.config/Lede/workspace');
    expect(defaultWorkspaceDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Lede/workspace');
    expect(defaultWorkspaceDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      join('C:\\Users\\ana\\AppData\\Roaming', 'Lede', 'workspace'),
    );
  });

  it('prefers --workspace, then LEDE_WORKSPACE, then the default', () => {
    expect(resolveWorkspaceDir('flag-dir', { LEDE_WORKSPACE: '/env' })).toBe(resolve('flag-dir'));
    expect(resolveWorkspaceDir(undefined, { LEDE_WORKSPACE: '/env/ws' })).toBe('/env/ws');
    expect(resolveWorkspaceDir('  ', { LEDE_WORKSPACE: '~/ws', HOME: '/home/ana' })).toBe('/home/ana/ws');
    expect(resolveWorkspaceDir(undefined, { HOME: '/home/ana', XDG_CONFIG_HOME: '/cfg' })).toBe(
      defaultWorkspaceDir(process.platform, { HOME: '/home/ana', XDG_CONFIG_HOME: '/cfg' }),
    );
  });

  it('finds the app root, holding package.json and seeds/, from the sources and from a build folder', () => {
    expect(existsSync(join(appRoot(), 'package.json'))).toBe(true);
    expect(existsSync(join(appRoot(), 'seeds'))).toBe(true);
    expect(findAppRoot(join(appRoot(), 'out', 'main'))).toBe(appRoot());
    expect(findAppRoot('/')).toBeUndefined();
  });
});
