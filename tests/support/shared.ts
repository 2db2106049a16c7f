import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The shared test material (corpora, seeds, reference figures) lives beside the checkout.
 * Under CI its absence is a failure, never a silent skip; elsewhere tests say why they skip.
 */
export const SHARED_DIR = resolve(__dirname, '../../../shared');
export const sharedAvailable = existsSync(SHARED_DIR);

if (!sharedAvailable && process.env.CI) {
  throw new Error(`CI is set but the shared test material is missing: expected it at ${SHARED_DIR}`);
}

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED_DIR, ...parts);
}

/** Reason printed by tests that need ../shared when it is absent outside CI. */
export const SHARED_MISSING_REASON = `skipped: shared test material not found at ${SHARED_DIR} (set CI to make this a failure)`;
