import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the desktop window was, `<userData>/window-state.json`: a convenience, not workspace data,
 * so it is written with a plain replace (temp file, rename) and never backed up. The desktop shell
 * (electron/window-state.ts) decides what the content means.
 */
function stateFile(userData: string): string {
  return join(userData, 'window-state.json');
}

/** The saved content as parsed JSON, or undefined when there is none or it cannot be read. */
export function readWindowStateFile(userData: string): unknown {
  try {
    return JSON.parse(readFileSync(stateFile(userData), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Replaces the saved content; throws when it cannot be written. */
export function writeWindowStateFile(userData: string, state: unknown): void {
  const target = stateFile(userData);
  writeFileSync(`${target}.tmp`, JSON.stringify(state));
  renameSync(`${target}.tmp`, target);
}
