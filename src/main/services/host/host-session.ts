import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { codeOf, writeFileDurable } from '../store/durable-write';

/**
 * The browser host's port and session token, kept in the workspace so that restarting the host
 * on the same workspace serves the same URL: a tab left open reconnects and its pending saves go
 * through, instead of failing with a token the new host does not know. Readable by its owner only
 * (0600), like an SSH key; `--new-token` rotates it.
 */
export const HOST_SESSION_FILE = 'host-session.json';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
const HostSessionSchema = z.strictObject({
  port: z.number().int().min(1).max(65535),
  token: z.string().regex(TOKEN_PATTERN),
});
export type HostSession = z.infer<typeof HostSessionSchema>;

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function isUsableToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The saved session, or null when there is none or it cannot be used (it is then replaced, never trusted). */
export async function readHostSession(workspaceDir: string): Promise<HostSession | null> {
  let text: string;
  try {
    text = await readFile(join(workspaceDir, HOST_SESSION_FILE), 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = HostSessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeHostSession(workspaceDir: string, session: HostSession): Promise<void> {
  await writeFileDurable(join(workspaceDir, HOST_SESSION_FILE), `${JSON.stringify(HostSessionSchema.parse(session), null, 2)}\n`, { mode: 0o600 });
}
