import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * FUZZ_DUMP=folder writes each failing case's input files to folder/seed-S-case-N/, to debug it
 * outside the run (`npm run fuzz` sets it). File names are reduced to their last part (fuzzed names can hold `..` and slashes).
 */
export function dumpCase(seed: number, n: number, inputs: Record<string, string | Uint8Array>): void {
  const folder = process.env.FUZZ_DUMP;
  if (!folder) return;
  mkdirSync(join(folder, `seed-${seed}-case-${n}`), { recursive: true });
  for (const [name, content] of Object.entries(inputs)) {
    writeFileSync(join(folder, `case-${n}`, basename(name.replace(/[\\\u0000]/g, '_')) || 'unnamed'), content);
  }
}
