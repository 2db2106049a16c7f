#!/usr/bin/env node
// `npx lede …`: runs the CLI from the build that `npm install` makes (out/main/cli.js).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error('lede: the CLI is not built yet. Run `npm install` (or `npm run build`) in the Lede folder first.');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
