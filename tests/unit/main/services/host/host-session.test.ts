import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_SESSION_FILE, isUsableToken, newToken, readHostSession, writeHostSession } from '../../../../../src/main/services/host/host-session';
import { tempDir } from '../../../../support/temp';

let temp: ReturnType<typeof tempDir> | null = null;
afterEach(() => {
  temp?.cleanup();
  temp = null;
});

describe('host session', () => {
  it('keeps the port and token readable by the owner only, and reads back what it wrote', async () => {
    temp = tempDir('lede-host-session-');
    const session = { port: 43123, token: newToken() };
    expect(await readHostSession(temp.dir)).toBeNull();
    await writeHostSession(temp.dir, session);
    expect(statSync(join(temp.dir, HOST_SESSION_FILE)).mode & 0o777).toBe(0o600);
    expect(await readHostSession(temp.dir)).toEqual(session);
    const rotated = { ...session, token: newToken() };
    await writeHostSession(temp.dir, rotated);
    expect(JSON.parse(readFileSync(join(temp.dir, HOST_SESSION_FILE), 'utf8'))).toEqual(rotated);
  });

  it('never trusts a damaged or foreign file: it reads as no session (a new token is made and the file replaced)', async () => {
    temp = tempDir('lede-host-session-');
    const file = join(temp.dir, HOST_SESSION_FILE);
    for (const text of [
      'not json',
      '[]',
      '{"port":0,"token":"abcdefghijklmnopqrstuvwx"}',
      '{"port":8080,"token":"short"}',
      '{"port":8080,"token":"abcdefghijklmnopqrstuvwx","extra":1}',
      '{"__proto__":{"port":1}}',
    ]) {
      writeFileSync(file, text);
      expect(await readHostSession(temp.dir), text).toBeNull();
    }
  });

  it('makes tokens the file accepts, and refuses to keep a scripted token that it would not read back', async () => {
    for (let i = 0; i < 50; i++) expect(isUsableToken(newToken())).toBe(true);
    expect(isUsableToken('test-token')).toBe(false);
    temp = tempDir('lede-host-session-');
    await expect(writeHostSession(temp.dir, { port: 8080, token: 'x y' })).rejects.toThrow();
  });
});
