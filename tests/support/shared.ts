import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared test material (corpora, seeds, reference figures) lives beside the checkout.
 * Under CI its absence is a failure, never a silent skip; elsewhere tests say why they skip.
 */
// From import.meta.url rather than __dirname: Playwright loads specs as ES modules.
export const SHARED_DIR = fileURLToPath(new URL('../../../shared', import.meta.url));
export const sharedAvailable = existsSync(SHARED_DIR);

if (!sharedAvailable && process.env.CI) {
  throw new Error(`CI is set but the shared test material is missing: expected it at ${SHARED_DIR}`);
}

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED_DIR, ...parts);
}

/** Reason printed by tests that need ../shared when it is absent outside CI. */
export const SHARED_MISSING_REASON = `skipped: shared test material not found at ${SHARED_DIR} (set CI to make this a failure)`;
