/**
 * `--workspace DIR` or `--workspace=DIR` from the command line. Electron adds its own switches to
 * argv, so this looks only for ours instead of running a full parser over all of them.
 */
export function workspaceFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--workspace') return argv[i + 1];
    if (arg.startsWith('--workspace=')) return arg.slice('--workspace='.length);
  }
  return undefined;
}
