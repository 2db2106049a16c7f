import type { Command } from 'commander';
import { resolveWorkspaceDir } from '../services/paths';
import type { Workspace } from '../services/workspace';
import { warn } from './terminal';

/** Adds the `--workspace DIR` option every workspace command takes. */
export function withWorkspaceOption(command: Command): Command {
  return command.option('--workspace <dir>', 'workspace folder (default: LEDE_WORKSPACE, then <userData>/workspace)');
}

/**
 * Opens the workspace a command names, runs `work` and always closes it (releasing the lock for
 * writers). Recovery notices are printed on stderr so piped output stays clean.
 */
export async function usingWorkspace<T>(
  flag: string | undefined,
  mode: 'read' | 'write',
  work: (w: Workspace) => Promise<T>,
  options: { seeds?: boolean } = {},
): Promise<T> {
  // Loaded here, not with the command's module: `lede --help` registers every command and opens no workspace.
  const { openWorkspace } = await import('../services/workspace');
  const workspace = await openWorkspace(resolveWorkspaceDir(flag, process.env), { mode, ...(options.seeds === false ? { seedsDir: null } : {}) });
  for (const notice of workspace.info().notices) warn(`Notice: ${notice}`);
  try {
    return await work(workspace);
  } finally {
    await workspace.close();
  }
}
