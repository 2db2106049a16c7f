#!/usr/bin/env node
// `npm start [-- --workspace DIR]`: builds Lede and opens the desktop app. Where the Electron
// runtime cannot be obtained (no binary, and no network to download one), it says why (the real
// error) and how to fetch the runtime, then serves the same app through the browser host instead,
// printing the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Requiring the electron package downloads its binary on first use; do it in a quiet child so a
// failed download is one line here instead of a stack trace.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8' });
const electronPath = probe.status === 0 ? probe.stdout : null;

/** The download's own error (e.g. "TypeError: fetch failed"), not the electron package's generic one. */
function downloadError(output) {
  const lines = output.split('\n').map((line) => line.trim());
  const found = lines.find(
    (line) => /^\w*Error\b|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|HTTPError/.test(line) && !line.includes('Electron failed to install correctly'),
  );
  return found ?? lines.find((line) => line.length > 0) ?? 'no error was printed';
}

const [command, args] = electronPath
  ? [electronPath, [join(root, 'out/main/index.js'), ...passThrough]]
  : [process.execPath, [join(root, 'out/main/web.js'), ...passThrough]];
if (!electronPath) {
  console.log(`The Electron runtime is not installed here, and downloading it failed: ${downloadError(`${probe.stderr}\n${probe.stdout}`)}`);
  console.log('To fetch it where github.com (or a mirror set in ELECTRON_MIRROR) can be reached: node node_modules/electron/install.js');
  console.log('Serving Lede in your browser instead.');
}

const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
