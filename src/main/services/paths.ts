import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The product name Electron derives `userData` from (the app calls `app.setName('Lede')`). */
export const PRODUCT_NAME = 'Lede';

/**
 * Electron's `app.getPath('appData')`, computed without Electron so the browser host and the CLI
 * find the same folder as the desktop app: Linux `$XDG_CONFIG_HOME` or `~/.config`, macOS
 * `~/Library/Application Support`, Windows `%APPDATA%` (Roaming).
 */
export function appDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says a relative value is invalid and must be ignored; Chromium does the same.
  return xdg && xdg.startsWith('/') ? xdg : join(home, '.config');
}

/** `<userData>/workspace`, where userData is `<appData>/Lede` exactly as Electron computes it. */
export function defaultWorkspaceDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  return join(appDataDir(platform, env, home), PRODUCT_NAME, 'workspace');
}

/**
 * The workspace folder to use: the `--workspace` flag, then `LEDE_WORKSPACE`, then the default.
 * A leading `~` is expanded because a value set in a desktop launcher or a `.env` file never
 * went through a shell.
 */
export function resolveWorkspaceDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const chosen = flag?.trim() || env.LEDE_WORKSPACE?.trim();
  if (!chosen) return defaultWorkspaceDir(process.platform, env);
  return resolve(expandHome(chosen, env.HOME || homedir()));
}

function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(home, path.slice(2));
  return path;
}

let cachedRoot: string | undefined;

/**
 * The folder holding Lede's package.json and seeds/. Found by walking up from this module, which
 * works from the sources (src/main/services under vitest and tsx) and from the build
 * (out/main/*.js, where this module is bundled), whatever the current directory is.
 */
export function appRoot(): string {
  cachedRoot ??= findAppRoot(moduleDir()) ?? process.cwd();
  return cachedRoot;
}

export function findAppRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (isLedePackage(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function isLedePackage(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'lede';
  } catch {
    return false;
  }
}

function moduleDir(): string {
  return dirname(fileURLToPath(import.meta.url));
}
