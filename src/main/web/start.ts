import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { createHandlers } from '../ipc/handlers';
import { createDispatcher } from '../ipc/dispatch';
import { appRoot, resolveWorkspaceDir } from '../services/paths';
import { openWorkspace } from '../services/workspace';
import { startWebHost } from './server';

/**
 * `npm run web -- [--workspace DIR] [--port N]`: serves the renderer build and the api on
 * 127.0.0.1 and prints the URL (with its session token) to open in a browser.
 */
async function main(): Promise<void> {
  const program = new Command('lede-web')
    .description('Serve Lede in your browser on 127.0.0.1')
    .option('--workspace <dir>', 'workspace folder (default: LEDE_WORKSPACE or <userData>/workspace)')
    .option('--port <n>', 'port to listen on (default: any free port)', parsePort, 0)
    .option('--token <token>', 'use this session token instead of a random one (for scripted tests)')
    .showHelpAfterError()
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));
  program.parse();
  const options = program.opts<{ workspace?: string; port: number; token?: string }>();

  const dir = resolveWorkspaceDir(options.workspace, process.env);
  const workspace = await openWorkspace(dir, { mode: 'write' });
  for (const notice of workspace.info().notices) console.warn(`Notice: ${notice}`);
  const host = await startWebHost({
    dispatch: createDispatcher(createHandlers(() => workspace)),
    rendererDir: join(appRoot(), 'out', 'renderer'),
    port: options.port,
    ...(options.token ? { token: options.token } : {}),
  });
  console.log(`Lede is serving workspace ${dir}`);
  console.log(`Open ${host.url}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await workspace.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number 0–65535');
  return port;
}

main().catch((error: unknown) => {
  console.error(`lede web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
