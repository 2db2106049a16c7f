import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { createHandlers } from '../ipc/handlers';
import { createDispatcher } from '../ipc/dispatch';
import { appRoot, resolveWorkspaceDir } from '../services/paths';
import { isUsableToken, newToken, readHostSession, writeHostSession } from '../services/host/host-session';
import { codeOf } from '../services/store/durable-write';
import { openWorkspace } from '../services/workspace';
import { startWebHost, type WebHost, type WebHostOptions } from './server';

/**
 * `npm run web -- [--workspace DIR] [--port N] [--new-token]`: serves the renderer build and the
 * api on 127.0.0.1 and prints the URL (with its session token) to open in a browser. The port and
 * token are kept in the workspace, so a restart serves the same URL and open tabs reconnect.
 */
async function main(): Promise<void> {
  const program = new Command('lede-web')
    .description('Serve Lede in your browser on 127.0.0.1')
    .option('--workspace <dir>', 'workspace folder (default: LEDE_WORKSPACE or <userData>/workspace)')
    .option('--port <n>', 'port to listen on; 0 for any free port (default: the one this workspace used last, else any free port)', parsePort)
    .option('--new-token', 'replace the session token kept in the workspace: links and tabs opened before stop working')
    .option('--token <token>', 'use this session token for this run only, not kept (for scripted tests)')
    .showHelpAfterError()
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));
  program.parse();
  const options = program.opts<{ workspace?: string; port?: number; token?: string; newToken?: boolean }>();

  const dir = resolveWorkspaceDir(options.workspace, process.env);
  const workspace = await openWorkspace(dir, { mode: 'write' });
  for (const notice of workspace.info().notices) console.warn(`Notice: ${notice}`);
  const saved = await readHostSession(dir);
  const token = options.token ?? (options.newToken || !saved ? newToken() : saved.token);
  const host = await listen(
    { dispatch: createDispatcher(createHandlers(() => workspace)), rendererDir: join(appRoot(), 'out', 'renderer'), token },
    options.port,
    saved?.port,
  );
  if (!options.token && isUsableToken(token)) await writeHostSession(dir, { port: host.port, token });
  if (options.newToken) console.log('A new session token was made: links and tabs opened before no longer reach this workspace.');
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
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

/**
 * Listens on the port asked for, else the workspace's last one, else any free port. Only the last
 * port may quietly move (another program took it meanwhile); one asked for by --port fails clearly.
 */
async function listen(options: WebHostOptions, asked: number | undefined, last: number | undefined): Promise<WebHost> {
  const port = asked ?? last ?? 0;
  try {
    return await startWebHost({ ...options, port });
  } catch (error) {
    if (codeOf(error) !== 'EADDRINUSE') throw error;
    if (asked !== undefined)
      throw new Error(`port ${port} is in use by another program; choose another with --port, or leave --port out to use any free one`, { cause: error });
    console.warn(`Port ${port}, which this workspace used last time, is taken by another program; serving on a new port (open tabs need the new link).`);
    return startWebHost({ ...options, port: 0 });
  }
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
